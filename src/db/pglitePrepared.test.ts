import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { createPGlite } from './connection';
import { preparedQuery } from './pglitePrepared';

let pglite: PGlite;
beforeAll(async () => {
  pglite = await createPGlite();
  await pglite.exec('create table t (id serial primary key, v jsonb, tags text[], at timestamptz, n int8 unique)');
});
afterAll(() => pglite.close());

const named = async () => (await pglite.query<{ statement: string }>('select statement from pg_prepared_statements')).rows.map((r) => r.statement);

describe('statements run again and again become named prepared statements', () => {
  it('answers the same rows, types and counts as PGlite’s own query, once named', async () => {
    const insert = 'insert into t (v, tags, at, n) values ($1::jsonb, $2, $3, $4) returning id, v, tags, at, n';
    const at = new Date('2026-03-01T10:00:00Z');
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await preparedQuery(pglite, insert, [JSON.stringify({ a: i }), ['x', `y${i}`], at, 10 + i]));
    expect(await named()).toContain(insert);
    expect(results.map((r) => r.rows[0])).toEqual([0, 1, 2, 3].map((i) => ({ id: i + 1, v: { a: i }, tags: ['x', `y${i}`], at, n: 10 + i })));
    const select = 'select id, v, n from t where n = any($1) order by id';
    const plain = await pglite.query(select, [[11, 13]]);
    for (let i = 0; i < 3; i++) expect((await preparedQuery(pglite, select, [[11, 13]])).rows).toEqual(plain.rows);
    const update = 'update t set n = n + 100 where id = any($1)';
    await preparedQuery(pglite, update, [[1]]);
    expect((await preparedQuery(pglite, update, [[1, 2]])).affectedRows).toBe(2);
    expect((await preparedQuery(pglite, 'select n from t where id = $1', [null])).rows).toEqual([]);
  });

  it('keeps a database error’s SQLSTATE, and the statement answers again afterwards', async () => {
    const insert = 'insert into t (n) values ($1) returning id';
    await preparedQuery(pglite, insert, [500]);
    await preparedQuery(pglite, insert, [501]);
    expect(await named()).toContain(insert);
    await expect(preparedQuery(pglite, insert, [500])).rejects.toMatchObject({ code: '23505' });
    expect((await preparedQuery(pglite, insert, [502])).rows).toHaveLength(1);
  });

  it('runs a text again when the schema changed what its kept plan returns', async () => {
    await pglite.exec('create table u (id int primary key)');
    await pglite.exec('insert into u values (1)');
    const select = 'select * from u where id = $1';
    for (let i = 0; i < 3; i++) await preparedQuery(pglite, select, [1]);
    await pglite.exec('alter table u add column label text default \'un\'');
    expect((await preparedQuery(pglite, select, [1])).rows).toEqual([{ id: 1, label: 'un' }]);
    expect((await preparedQuery(pglite, select, [1])).rows).toEqual([{ id: 1, label: 'un' }]);
  });

  it('a statement named inside a transaction rolled back or aborted still answers after it', async () => {
    const select = 'select $1::int + 1 as x';
    await pglite.exec('begin');
    await preparedQuery(pglite, select, [1]);
    await preparedQuery(pglite, select, [1]);
    await pglite.exec('rollback');
    expect((await preparedQuery(pglite, select, [2])).rows).toEqual([{ x: 3 }]);
    const other = 'select $1::int * 2 as y';
    await pglite.exec('begin');
    await expect(pglite.exec('select 1/0')).rejects.toMatchObject({ code: '22012' });
    await expect(preparedQuery(pglite, other, [2])).rejects.toMatchObject({ code: '25P02' });
    await expect(preparedQuery(pglite, other, [2])).rejects.toMatchObject({ code: '25P02' });
    await pglite.exec('rollback');
    expect((await preparedQuery(pglite, other, [2])).rows).toEqual([{ y: 4 }]);
    expect((await preparedQuery(pglite, other, [3])).rows).toEqual([{ y: 6 }]);
    expect(await named()).toContain(other);
  });
});
