import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from './connection';
import type { DB } from './generated';
import type { Database } from './schema';
import type { SchemaDrift } from './schemaDrift';
import { checkedValues, databaseTypes, GENERATED_TYPES_FILE } from './typegen';
import { openTestDatabase } from '../testing/testDb';

/*
 * Checked by tsc (part of `npm test`), not at run time: the hand-written types of schema.ts agree with
 * the types generated from the migrated database, table by table and column by column (nullability,
 * type, default), and each CHECK value list is the same literal union. A difference fails the type check
 * with its place as a missing property, e.g. "Property 'invitations.role' is missing".
 */
({}) satisfies SchemaDrift<Database, DB>;

/* The drift finder finds each kind of difference, and only those (an extra or a missing key fails tsc). */
type Mine = {
  same: { id: { __select__: number; __insert__: number | undefined; __update__: number }; at: Date; note: string | null };
  narrowed: { state: 'a' | 'b'; kind: string; doc: { __select__: Record<string, unknown>; __insert__: string; __update__: string } };
  gone: { x: number };
};
type Generated = {
  same: { id: { __select__: number; __insert__: number | undefined; __update__: number }; at: Date; note: string | null };
  narrowed: { state: 'a' | 'b' | 'c'; kind: 'x' | 'y'; doc: NonNullable<unknown> | null; added: string };
  added: { y: number };
};
({

  added: 'table absente des types',
  gone: 'table absente de la base',
  'narrowed.added': 'colonne absente des types',
  'narrowed.state': 'type',
  'narrowed.kind': 'type',
  'narrowed.doc': 'nullabilité',
}) satisfies SchemaDrift<Mine, Generated>;

let database: Database$;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database.close());

describe('database types', () => {
  it('src/db/generated.ts is what the migrations give (else: npm run db:types, then align schema.ts)', async () => {
    const checkedIn = await readFile(resolve(import.meta.dirname, '../..', GENERATED_TYPES_FILE), 'utf8');
    const fresh = await databaseTypes(database.db);
    expect(fresh, 'src/db/generated.ts ne correspond plus aux migrations : lancez « npm run db:types »').toBe(checkedIn);
  });

  it('every CHECK value list of the database is a literal union in the generated types', async () => {
    const text = await databaseTypes(database.db);
    expect(text).toContain('state: Generated<"archived" | "closed" | "open" | "preparation" | "published">;');
    expect(text).toContain('role: "board_member" | "contributor" | "correspondent" | "director" | "national_admin" | "regional_coordinator";');
    expect(text).toContain('kind: "CS" | "EVS";');
  });

  it('reads a CHECK value list as PostgreSQL prints it, and nothing else', () => {
    expect(checkedValues("CHECK ((kind = ANY (ARRAY['CS'::text, 'EVS'::text])))")).toEqual({ column: 'kind', values: ['CS', 'EVS'] });
    expect(checkedValues("CHECK ((role = ANY ((ARRAY['a'::character varying, 'l''x'::character varying])::text[])))")).toEqual({ column: 'role', values: ['a', "l'x"] });
    expect(checkedValues('CHECK ((number >= 1))')).toBeNull();
    expect(checkedValues('CHECK (((structure_id IS NULL) <> (scope IS NULL)))')).toBeNull();
    expect(checkedValues("CHECK ((kind = ANY (ARRAY['CS'::text, lower(name)])))")).toBeNull();
  });
});
