import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database$ } from '../connection';
import { openTestDatabase } from '../../testing/testDb';
import * as m017 from './017_empty_answers';

let database: Database$;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database?.close());

describe('migration 017 on answers written before the fix', () => {
  it('turns stored empty strings into no answer and leaves every other answer as it was', async () => {
    const { db } = database;
    const rows = await db.selectFrom('answers').select(['response_id', 'code']).where(sql<boolean>`jsonb_typeof(value) = 'number'`).limit(3).execute();
    expect(rows.length).toBe(3);
    const untouched = await db.selectFrom('answers').select(['response_id', 'code', 'value']).where(sql<boolean>`value <> '""'::jsonb`).orderBy('response_id').orderBy('code').limit(500).execute();
    for (const r of rows) await sql`update answers set value = '""'::jsonb where response_id = ${r.response_id} and code = ${r.code}`.execute(db);
    await m017.up(db);
    for (const r of rows) {
      const after = await db.selectFrom('answers').select(sql<string>`value::text`.as('v')).where('response_id', '=', r.response_id).where('code', '=', r.code).executeTakeFirstOrThrow();
      expect(after.v).toBe('null');
    }
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from answers where value = '""'::jsonb`.execute(db)).rows[0].n)).toBe(0);
    const again = await db.selectFrom('answers').select(['response_id', 'code', 'value']).where(sql<boolean>`value <> '""'::jsonb`).orderBy('response_id').orderBy('code').limit(500).execute();
    const changed = new Set(rows.map((r) => `${r.response_id}|${r.code}`));
    expect(again.filter((r) => !changed.has(`${r.response_id}|${r.code}`))).toEqual(untouched.filter((r) => !changed.has(`${r.response_id}|${r.code}`)));
  });
});
