import { sql } from 'kysely';
import type { Db } from './connection';
import type { ActionSheetContent, ActionSheetState } from '../domain/actionSheets';

export interface ActionSheetFilters {
  q?: string;
  theme?: string;
  regionCode?: string;
  departementCode?: string;
  structureId?: number;
  /** Which states to list; the public only ever asks for published ones. */
  states: readonly ActionSheetState[];
}

/** The French full-text document of a fiche: every text the search should find, keywords included. */
const document = sql`to_tsvector('french', action_sheets.title || ' ' || action_sheets.summary || ' ' || action_sheets.keywords::text || ' '
  || action_sheets.audience || ' ' || action_sheets.partners || ' ' || action_sheets.resources || ' ' || action_sheets.results_territory || ' '
  || action_sheets.results_centre || ' ' || action_sheets.results_inhabitants || ' ' || action_sheets.limits || ' ' || action_sheets.next_steps)`;

/** Columns safe for anyone who may read the fiche (never who wrote it). */
const sheetColumns = [
  'action_sheets.id', 'action_sheets.structure_id', 'action_sheets.state', 'action_sheets.title', 'action_sheets.summary', 'action_sheets.themes',
  'action_sheets.keywords', 'action_sheets.audience', 'action_sheets.partners', 'action_sheets.resources', 'action_sheets.results_territory',
  'action_sheets.results_centre', 'action_sheets.results_inhabitants', 'action_sheets.limits', 'action_sheets.next_steps',
  'action_sheets.created_at', 'action_sheets.updated_at', 'action_sheets.published_at',
] as const;
const placeColumns = ['structures.name as structure_name', 'structures.kind as structure_kind', 'structures.departement_code', 'structures.region_code', 'communes.name as commune_name'] as const;

function filtered(db: Db, f: ActionSheetFilters) {
  let q = db.selectFrom('action_sheets')
    .innerJoin('structures', 'structures.id', 'action_sheets.structure_id')
    .innerJoin('communes', 'communes.code', 'structures.commune_code')
    .where('action_sheets.state', 'in', [...f.states]);
  if (f.q) {
    // French stemming finds "jardins partagés" for "jardin partage"; the ILIKE on the title catches word
    // beginnings the stemmer cuts differently ("numéri" while typing).
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([
      eb(sql<boolean>`${document} @@ websearch_to_tsquery('french', ${f.q})`, '=', true),
      eb('action_sheets.title', 'ilike', like),
    ]));
  }
  if (f.theme) q = q.where(sql<boolean>`action_sheets.themes @> ${JSON.stringify([f.theme])}::jsonb`);
  if (f.regionCode) q = q.where('structures.region_code', '=', f.regionCode);
  if (f.departementCode) q = q.where('structures.departement_code', '=', f.departementCode);
  if (f.structureId !== undefined) q = q.where('action_sheets.structure_id', '=', f.structureId);
  return q;
}

/**
 * One page of fiches matching the filters, best matches first when searching, else the latest published.
 * @example await searchActionSheets(db, { q: 'jardin', states: ['published'] }, { offset: 0, limit: 20 })
 */
export async function searchActionSheets(db: Db, f: ActionSheetFilters, page: { offset: number; limit: number }) {
  let list = filtered(db, f).select([...sheetColumns, ...placeColumns]);
  if (f.q) list = list.orderBy(sql`ts_rank(${document}, websearch_to_tsquery('french', ${f.q}))`, 'desc');
  list = list.orderBy(sql`coalesce(action_sheets.published_at, action_sheets.updated_at)`, 'desc').orderBy('action_sheets.id', 'desc');
  const [items, total] = await Promise.all([
    list.offset(page.offset).limit(page.limit).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function getActionSheet(db: Db, id: number) {
  return db.selectFrom('action_sheets')
    .innerJoin('structures', 'structures.id', 'action_sheets.structure_id')
    .innerJoin('communes', 'communes.code', 'structures.commune_code')
    .select([...sheetColumns, ...placeColumns]).where('action_sheets.id', '=', id).executeTakeFirst();
}

const values = (c: ActionSheetContent) => ({ ...c, themes: JSON.stringify(c.themes), keywords: JSON.stringify(c.keywords) });

export async function insertActionSheet(db: Db, p: { structureId: number; authorId: number | null; content: ActionSheetContent; state?: ActionSheetState; publishedAt?: Date }) {
  const r = await db.insertInto('action_sheets').values({
    structure_id: p.structureId, author_id: p.authorId, ...values(p.content), state: p.state ?? 'draft',
    published_at: p.state === 'published' ? (p.publishedAt ?? new Date()) : null,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Bulk insert for the demo seed. */
export async function insertActionSheets(db: Db, rows: { structureId: number; content: ActionSheetContent; state: ActionSheetState; publishedAt: Date | null }[]) {
  if (rows.length === 0) return;
  await db.insertInto('action_sheets').values(rows.map((r) => ({
    structure_id: r.structureId, author_id: null, ...values(r.content), state: r.state, published_at: r.publishedAt,
    created_at: r.publishedAt ?? new Date(), updated_at: r.publishedAt ?? new Date(),
  })) as never).execute();
}

export async function updateActionSheet(db: Db, id: number, content: ActionSheetContent) {
  await db.updateTable('action_sheets').set({ ...values(content), updated_at: sql`now()` as never }).where('id', '=', id).execute();
}

/** Publishes (stamping the first publication date) or takes back to draft. */
export async function setActionSheetState(db: Db, id: number, state: ActionSheetState) {
  await db.updateTable('action_sheets').set({
    state, updated_at: sql`now()` as never,
    published_at: state === 'published' ? sql`coalesce(published_at, now())` as never : null,
  }).where('id', '=', id).execute();
}

export async function deleteActionSheet(db: Db, id: number) {
  await db.deleteFrom('action_sheets').where('id', '=', id).execute();
}

/** Published fiches per theme (for the search page's filter counts). */
export async function countPublishedByTheme(db: Db) {
  const r = await sql<{ theme: string; n: number }>`select t.theme, count(*)::int as n from action_sheets, jsonb_array_elements_text(themes) as t(theme)
    where state = 'published' group by t.theme`.execute(db);
  return Object.fromEntries(r.rows.map((x) => [x.theme, Number(x.n)]));
}
