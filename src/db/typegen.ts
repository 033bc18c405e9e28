import { sql } from 'kysely';
import { generate, PostgresDialect, type DatabaseMetadata } from 'kysely-codegen';
import type { Db } from './connection';

/**
 * Where the generated types live (checked in); `npm run db:types` rewrites it, src/db/schema.test.ts
 * fails when it no longer matches the migrated database.
 */
export const GENERATED_TYPES_FILE = 'src/db/generated.ts';

/**
 * How database values reach the code (see connection.ts): int8 and numeric are parsed as numbers by
 * both drivers; a JSON document is "any value but SQL NULL", so that the generated type still says
 * whether the column may be NULL (kysely-codegen's own Json type contains null). bytea reads as a
 * Uint8Array: PGlite gives a plain one, node-postgres a Buffer (a Uint8Array too).
 */
const typeMapping = { int8: 'number', numeric: 'number', json: 'NonNullable<unknown>', jsonb: 'NonNullable<unknown>', bytea: 'Uint8Array' };

/**
 * A `CHECK (column IN ('a', 'b'))` as PostgreSQL prints it back:
 * `CHECK ((state = ANY (ARRAY['a'::text, 'b'::text])))`, or `ANY ((ARRAY[…])::text[])` on a varchar column. Other checks (ranges, cross-column rules) are
 * not value lists and are left alone.
 */
const valueList = /^CHECK \(\((\w+) = ANY \((?:ARRAY\[(.*)\]|\(ARRAY\[(.*)\]\)::text\[\])\)\)\)$/;

/**
 * The allowed values of a CHECK constraint that restricts one text column to a list, or null.
 * @example checkedValues("CHECK ((kind = ANY (ARRAY['CS'::text, 'EVS'::text])))") // { column: 'kind', values: ['CS', 'EVS'] }
 */
export function checkedValues(definition: string): { column: string; values: string[] } | null {
  const m = valueList.exec(definition);
  if (!m) return null;
  const values = (m[2] ?? m[3]).split(', ').map((v) => /^'((?:[^']|'')*)'::(text|character varying)$/.exec(v)?.[1]?.replaceAll("''", "'"));
  return values.every((v) => v !== undefined) ? { column: m[1], values: values as string[] } : null;
}

/** Gives each text column restricted by a CHECK value list the union of its values, as an enum type would. */
async function withCheckedValues(db: Db, metadata: DatabaseMetadata): Promise<DatabaseMetadata> {
  const { rows } = await sql<{ table: string; definition: string }>`
    select c.conrelid::regclass::text as "table", pg_get_constraintdef(c.oid) as definition
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'c' and n.nspname = 'public'`.execute(db);
  for (const { table, definition } of rows) {
    const checked = checkedValues(definition);
    const column = checked && metadata.tables.find((t) => t.name === table)?.columns.find((c) => c.name === checked.column);
    if (column) column.enumValues = [...checked.values].sort();
  }
  return metadata;
}

/**
 * The TypeScript types of a migrated database's tables (kysely-codegen over the database's own Kysely
 * instance, so PGlite works as well as PostgreSQL), with the CHECK value lists as literal unions.
 * @example const text = await databaseTypes(db); // 'export interface Campaigns { … state: Generated<"archived" | …> …'
 */
export async function databaseTypes(db: Db): Promise<string> {
  return generate({
    db, dialect: new PostgresDialect(), outFile: null, typeMapping, postprocess: ({ metadata }) => withCheckedValues(db, metadata),
    typeOnlyImports: true,
  });
}
