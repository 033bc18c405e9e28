import type { InsertType, SelectType } from 'kysely';

/** Exact type equality (not distributive: `string` is not `'a' | 'b'`, and the other way round). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** How typegen.ts writes a JSON document: any value but SQL NULL. */
type JsonDocument = NonNullable<unknown>;

/** Whether a column may be left out of an insert, as Kysely's `Insertable` decides it (null or undefined accepted). */
type OptionalAtInsert<C> = undefined extends InsertType<C> ? true : null extends InsertType<C> ? true : false;

/**
 * What differs between a hand-written column type `M` and the generated one `G` (never when nothing does):
 * - nullability of the selected value (skipped when `M` reads `unknown`, a JSON value left open on purpose);
 * - the selected value's type: identical, so a CHECK value list must be the same literal union, except for
 *   JSON documents, whose shape the database does not know;
 * - a column the types let an insert leave out (Generated, or nullable) while the database requires it (no
 *   default, NOT NULL). The other way round, types asking for a value the database could default, is safe.
 */
type ColumnDrift<M, G> =
  | (unknown extends SelectType<M> ? never : Same<null extends SelectType<M> ? 1 : 0, null extends SelectType<G> ? 1 : 0> extends true ? never : 'nullabilité')
  | (Same<NonNullable<SelectType<G>>, JsonDocument> extends true ? never : Same<NonNullable<SelectType<M>>, NonNullable<SelectType<G>>> extends true ? never : 'type')
  | (OptionalAtInsert<M> extends true ? (OptionalAtInsert<G> extends true ? never : 'valeur par défaut') : never);

type Columns<T> = Extract<keyof T, string>;

type TableDrift<Table extends string, M, G> =
  & { [K in Exclude<Columns<G>, Columns<M>> as `${Table}.${K}`]: 'colonne absente des types' }
  & { [K in Exclude<Columns<M>, Columns<G>> as `${Table}.${K}`]: 'colonne absente de la base' }
  & { [K in Columns<M> & Columns<G> as ColumnDrift<M[K], G[K]> extends never ? never : `${Table}.${K}`]: ColumnDrift<M[K], G[K]> };

/** Turns an intersection of mapped types into one object type, so that tsc lists its keys in an error. */
type Flat<T> = { [K in keyof T]: T[K] };

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * Every difference between hand-written Kysely table types `M` and the types generated from the migrated
 * database `G` (src/db/generated.ts), as an object type keyed `table` or `table.column`: `{}` when they
 * agree. Assigning `{}` to it makes tsc name each difference as a missing property.
 * @example
 * type D = SchemaDrift<{ t: { a: string } }, { t: { a: string | null; b: number } }>;
 * // { 't.b': 'colonne absente des types'; 't.a': 'nullabilité' | 'valeur par défaut' }
 * const none: SchemaDrift<Database, DB> = {}; // compiles only when schema.ts matches the database
 */
export type SchemaDrift<M, G> = Flat<
  & { [T in Exclude<Columns<G>, Columns<M>>]: 'table absente des types' }
  & { [T in Exclude<Columns<M>, Columns<G>>]: 'table absente de la base' }
  & UnionToIntersection<{ [T in Columns<M> & Columns<G>]: TableDrift<T, M[T], G[T]> }[Columns<M> & Columns<G>]>
>;
