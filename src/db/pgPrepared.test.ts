import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { namingPool } from './pgPrepared';

const url = process.env.DATABASE_URL;
describe.skipIf(!url)('named prepared statements on PostgreSQL (needs DATABASE_URL)', () => {
  it('names a text from its second run, answers as an unnamed one, keeps errors, and survives a schema change', async () => {
    const table = `senacs_t_${randomBytes(4).toString('hex')}`;
    // One connection: what it has prepared is what pg_prepared_statements shows.
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const naming = namingPool(pool);
    const client = await naming.connect();
    const named = async () => (await client.query<{ statement: string }>('select statement from pg_prepared_statements', [])).rows.map((r) => r.statement);
    try {
      await client.query(`create table ${table} (id serial primary key, v jsonb, n int unique)`, []);
      const insert = `insert into ${table} (v, n) values ($1::jsonb, $2) returning id, v, n`;
      const rows = [];
      for (let i = 0; i < 4; i++) rows.push((await client.query<{ id: number }>(insert, [JSON.stringify({ a: i }), 10 + i])).rows[0]);
      expect(rows).toEqual([0, 1, 2, 3].map((i) => ({ id: i + 1, v: { a: i }, n: 10 + i })));
      const select = `select * from ${table} where n = any($1) order by id`;
      const plain = await client.query(select, [[11, 13]]);
      for (let i = 0; i < 3; i++) expect((await client.query(select, [[11, 13]])).rows).toEqual(plain.rows);
      expect(await named()).toEqual(expect.arrayContaining([insert, select]));
      expect((await client.query(`update ${table} set n = n + 100 where id = any($1)`, [[1, 2]])).rowCount).toBe(2);
      await expect(client.query(insert, [null, 13])).rejects.toMatchObject({ code: '23505' });
      // A column added under the kept plan of `select *`: answered, with the column, from then on.
      await client.query(`alter table ${table} add column label text default 'un'`, []);
      for (let i = 0; i < 2; i++) expect((await client.query(select, [[13]])).rows).toEqual([{ id: 4, v: { a: 3 }, n: 13, label: 'un' }]);
      // Statements without parameters are never named.
      await client.query(`select count(*) from ${table}`, []);
      await client.query(`select count(*) from ${table}`, []);
      expect(await named()).not.toContain(`select count(*) from ${table}`);
    } finally {
      client.release();
      await pool.query(`drop table if exists ${table}`);
      await naming.end();
    }
  });
});
