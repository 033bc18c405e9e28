import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './connection';
import { PGliteThread } from './pgliteThread';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

describe('PGliteThread', () => {
  it('answers statements from its own thread: parameters, dates, bytes, JSON and numbers as in this thread', async () => {
    const db = await PGliteThread.start();
    try {
      const at = new Date('2026-03-01T10:00:00Z');
      const { rows } = await db.query<{ n: number; at: Date; b: Uint8Array; j: { a: number[] }; big: number; money: number }>(
        'select $1::int + 1 as n, $2::timestamptz as at, $3::bytea as b, $4::jsonb as j, 9007199254740991::int8 as big, 12.5::numeric as money',
        [41, at, new Uint8Array([1, 2, 3]), JSON.stringify({ a: [1, 2] })]);
      expect(rows[0].n).toBe(42);
      expect(rows[0].at).toBeInstanceOf(Date);
      expect(rows[0].at.getTime()).toBe(at.getTime());
      expect([...rows[0].b]).toEqual([1, 2, 3]);
      expect(rows[0].j).toEqual({ a: [1, 2] });
      // The same type parsers as the pg driver: int8 and numeric as numbers.
      expect(rows[0].big).toBe(9007199254740991);
      expect(rows[0].money).toBe(12.5);
    } finally { await db.close(); }
  });

  it('sends a database error back with its SQLSTATE, and refuses statements once closed', async () => {
    const db = await PGliteThread.start();
    await db.query('create table t (id int primary key)');
    await db.query('insert into t values (1)');
    const failed = await db.query('insert into t values (1)').catch((e: unknown) => e as Error & { code?: string; constraint?: string });
    expect(failed).toBeInstanceOf(Error);
    expect(failed).toMatchObject({ code: '23505', constraint: 't_pkey' });
    expect(await db.query('select 1 as one').then((r) => r.rows)).toEqual([{ one: 1 }]);
    await db.close();
    expect(db.closed).toBe(true);
    await expect(db.query('select 1')).rejects.toThrow(/fermée/);
  });

  it('behind Kysely keeps transactions whole (a rollback leaves nothing) and its data folder across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'senacs-pglite-thread-'));
    dirs.push(dir);
    const first = await openDatabase({ dataDir: dir, ownThread: true });
    expect(first.pglite).toBeUndefined();
    await sql`create table kept (v text)`.execute(first.db);
    await first.db.transaction().execute(async (tx) => { await sql`insert into kept values ('committed')`.execute(tx); });
    await expect(first.db.transaction().execute(async (tx) => {
      await sql`insert into kept values ('rolled back')`.execute(tx);
      throw new Error('stop');
    })).rejects.toThrow('stop');
    // Statements from two requests at once take turns on the one connection.
    const counts = await Promise.all(Array.from({ length: 20 }, () => sql<{ n: number }>`select count(*)::int as n from kept`.execute(first.db)));
    expect(counts.map((c) => c.rows[0].n)).toEqual(Array(20).fill(1));

    // A statement sent while another request's transaction is open waits for it: it never runs inside it (the
    // rollback keeps it) and never sees its uncommitted rows.
    const second = await openDatabase({ dataDir: dir, ownThread: true }).catch((e: Error) => e);
    expect(second).toBeInstanceOf(Error); // the folder is this process's (dataDirLock)
    let inside!: () => void;
    const opened = new Promise<void>((ok) => { inside = ok; });
    let finish!: () => void;
    const gate = new Promise<void>((ok) => { finish = ok; });
    const tx = first.db.transaction().execute(async (t) => {
      await sql`insert into kept values ('in the rolled back transaction')`.execute(t);
      inside();
      await gate;
      throw new Error('rollback');
    }).catch((e: Error) => e.message);
    await opened;
    const outside = sql`insert into kept values ('outside') returning (select count(*)::int from kept) as seen`.execute(first.db);
    const seenBefore = await Promise.race([outside.then(() => 'ran'), new Promise((ok) => setTimeout(() => ok('waited'), 200))]);
    expect(seenBefore).toBe('waited');
    finish();
    expect(await tx).toBe('rollback');
    expect((await outside).rows).toEqual([{ seen: 1 }]);
    expect((await sql<{ v: string }>`select v from kept order by v`.execute(first.db)).rows).toEqual([{ v: 'committed' }, { v: 'outside' }]);
    await sql`delete from kept where v = 'outside'`.execute(first.db);

    // A commit that fails (a deferred check) is followed by Kysely's rollback: the turn is given back once, so the
    // next transaction still has the connection to itself.
    await sql`create table parent (id int primary key)`.execute(first.db);
    await sql`create table child (parent_id int references parent deferrable initially deferred)`.execute(first.db);
    const failedCommit = await first.db.transaction().execute(async (t) => { await sql`insert into child values (7)`.execute(t); })
      .catch((e: Error & { code?: string }) => e.code);
    expect(failedCommit).toBe('23503');
    let began!: () => void;
    const begun = new Promise<void>((ok) => { began = ok; });
    let close!: () => void;
    const held = new Promise<void>((ok) => { close = ok; });
    const next = first.db.transaction().execute(async (t) => { await sql`insert into parent values (1)`.execute(t); began(); await held; throw new Error('undo'); })
      .catch((e: Error) => e.message);
    await begun;
    const meanwhile = sql<{ n: number }>`select count(*)::int as n from parent`.execute(first.db);
    expect(await Promise.race([meanwhile.then(() => 'ran'), new Promise((ok) => setTimeout(() => ok('waited'), 200))])).toBe('waited');
    close();
    expect(await next).toBe('undo');
    expect((await meanwhile).rows).toEqual([{ n: 0 }]);
    await first.close();

    const again = await openDatabase({ dataDir: dir, ownThread: true });
    try {
      expect((await sql<{ v: string }>`select v from kept`.execute(again.db)).rows).toEqual([{ v: 'committed' }]);
    } finally { await again.close(); }
  });
});
