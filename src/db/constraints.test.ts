import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from './connection';
import { openTestDatabase } from '../testing/testDb';
import { campaignStates } from '../domain/campaignState';
import { responseStates } from '../domain/responseState';
import { queryStates } from '../domain/workflow';
import { roles } from '../domain/roles';

let database: Database$;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database.close());

const columns = [
  ['campaigns', 'campaigns_state', 'state', campaignStates],
  ['responses', 'responses_state', 'state', responseStates],
  ['queries', 'queries_state', 'state', queryStates],
  ['memberships', 'memberships_role', 'role', roles],
] as const;

describe('CHECK constraints on state and role columns (migration 013)', () => {
  it.each(columns)('%s.%s accepts exactly the domain\'s values', async (table, name, column, values) => {
    const r = await sql<{ def: string }>`select pg_get_constraintdef(oid) as def from pg_constraint where conname = ${name}`.execute(database.db);
    expect(r.rows).toHaveLength(1);
    const allowed = [...r.rows[0].def.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(allowed.sort()).toEqual([...values].sort());
    // A value the domain does not know is refused by the database itself, and changes nothing.
    const row = await sql<{ id: number }>`select id from ${sql.table(table)} limit 1`.execute(database.db);
    const e = await (row.rows.length
      ? sql`update ${sql.table(table)} set ${sql.ref(column)} = 'draft' where id = ${row.rows[0].id}`
      // No query in the template: a new one in a state that does not exist.
      : sql`insert into queries (response_id, code, opened_by, state) select (select min(id) from responses), 'q', (select min(id) from users), 'draft'`
    ).execute(database.db).then(() => undefined, (x: unknown) => x);
    expect((e as { code?: string })?.code).toBe('23514');
  });
});
