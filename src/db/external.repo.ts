/** External data sets: all their SQL. */
import { sql } from 'kysely';
import type { Db } from './connection';
import type { AggregationRecord, ApprovalKind, StructureAttributes } from '../domain/aggregation/record';
import type { DirectoryEntry } from '../domain/external/matching';
import type { DatasetMapping, ExternalValue, MatchMethod } from '../domain/external/types';

/** Every structure of the directory with its commune's name, for matching rows. */
export async function directoryForMatching(db: Db): Promise<DirectoryEntry[]> {
  const rows = await db.selectFrom('structures').innerJoin('communes', 'communes.code', 'structures.commune_code')
    .select(['structures.id', 'structures.siret', 'structures.name', 'structures.commune_code', 'communes.name as commune_name'])
    .orderBy('structures.id').execute();
  return rows.map((r) => ({ id: r.id, siret: r.siret, name: r.name, communeCode: r.commune_code, communeName: r.commune_name }));
}

export async function getDataset(db: Db, name: string, year: number) {
  return db.selectFrom('external_datasets').selectAll().where('name', '=', name).where('year', '=', year).executeTakeFirst();
}

/** Data sets with their row counts, newest year first. */
export async function listDatasets(db: Db) {
  return db.selectFrom('external_datasets')
    .select(['id', 'name', 'year', 'source', 'licence', 'updated_at',
      (eb) => eb.selectFrom('external_rows').whereRef('external_rows.dataset_id', '=', 'external_datasets.id').select(eb.fn.countAll<number>().as('n')).as('rows'),
      (eb) => eb.selectFrom('external_rows').whereRef('external_rows.dataset_id', '=', 'external_datasets.id').where('match_method', 'in', ['siret', 'name', 'confirmed']).select(eb.fn.countAll<number>().as('n')).as('matched'),
      (eb) => eb.selectFrom('external_rows').whereRef('external_rows.dataset_id', '=', 'external_datasets.id').where('match_method', '=', 'proposal').select(eb.fn.countAll<number>().as('n')).as('proposals')])
    .orderBy('year', 'desc').orderBy('name').execute();
}

export interface StoredRow {
  line: number; siret: string | null; name: string; commune: string; structureId: number | null;
  method: MatchMethod; score: number | null; values: Record<string, ExternalValue>;
}

/**
 * Replaces a data set's rows by those of a new file, in ONE transaction: the data set (created or
 * updated), its rows, and the import's line in the history. Nothing is kept if any statement fails.
 */
export async function storeDataset(db: Db, p: {
  name: string; year: number; source: string; licence: string; mapping: DatasetMapping; fileHash: string; fileName: string;
  actorId: number | null; rows: readonly StoredRow[]; onProgress?: (done: number, total: number) => void;
}) {
  return db.transaction().execute(async (tx) => {
    const ds = await tx.insertInto('external_datasets')
      .values({ name: p.name, year: p.year, source: p.source, licence: p.licence, mapping: JSON.stringify(p.mapping), file_hash: p.fileHash })
      .onConflict((oc) => oc.columns(['name', 'year']).doUpdateSet({
        source: p.source, licence: p.licence, mapping: JSON.stringify(p.mapping), file_hash: p.fileHash, updated_at: sql`now()`,
      }))
      .returning('id').executeTakeFirstOrThrow();
    await tx.deleteFrom('external_rows').where('dataset_id', '=', ds.id).execute();
    // 500 rows a statement: on the embedded database each statement holds the event loop (~0.1 s each here).
    const chunk = 500;
    for (let i = 0; i < p.rows.length; i += chunk) {
      const input = JSON.stringify(p.rows.slice(i, i + chunk));
      await sql`insert into external_rows (dataset_id, line, siret, name, commune, structure_id, match_method, match_score, values)
        select ${ds.id}, x.line, x.siret, x.name, x.commune, x."structureId", x.method, x.score, x.values
        from jsonb_to_recordset(${input}::jsonb) as x(line integer, siret text, name text, commune text, "structureId" integer, method text, score real, values jsonb)`.execute(tx);
      p.onProgress?.(Math.min(i + chunk, p.rows.length), p.rows.length);
    }
    const matched = p.rows.filter((r) => r.structureId !== null && ['siret', 'name', 'confirmed'].includes(r.method)).length;
    await tx.insertInto('external_imports').values({ dataset_id: ds.id, file_hash: p.fileHash, file_name: p.fileName, rows: p.rows.length, matched, imported_by: p.actorId }).execute();
    return { datasetId: ds.id, matched };
  });
}

/** A data set's rows, in file order. */
export async function datasetRows(db: Db, datasetId: number) {
  const rows = await db.selectFrom('external_rows').selectAll().where('dataset_id', '=', datasetId).orderBy('line').execute();
  return rows.map((r) => ({
    id: Number(r.id), line: r.line, siret: r.siret, name: r.name, commune: r.commune, structureId: r.structure_id,
    method: r.match_method as MatchMethod, score: r.match_score, values: r.values,
  }));
}

/**
 * External values of some structures for a year, by data set then field — what `ext('dataset', 'field')`
 * reads. Only trusted matches (SIRET, clear name, confirmed).
 */
export async function externalValuesOf(db: Db, year: number, structureIds: readonly number[]): Promise<Map<number, Record<string, Record<string, ExternalValue>>>> {
  const out = new Map<number, Record<string, Record<string, ExternalValue>>>();
  if (structureIds.length === 0) return out;
  const rows = await db.selectFrom('external_rows').innerJoin('external_datasets', 'external_datasets.id', 'external_rows.dataset_id')
    .select(['external_rows.structure_id', 'external_datasets.name', 'external_rows.values'])
    .where('external_datasets.year', '=', year).where('external_rows.match_method', 'in', ['siret', 'name', 'confirmed'])
    .where('external_rows.structure_id', 'in', [...structureIds]).execute();
  for (const r of rows) {
    const byDataset = out.get(r.structure_id!) ?? out.set(r.structure_id!, {}).get(r.structure_id!)!;
    byDataset[r.name] = r.values;
  }
  return out;
}

/** Names and places of structures (for report lines). */
export async function structuresByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('structures').select(['id', 'name', 'departement_code', 'region_code']).where('id', 'in', [...ids]).execute();
}

/** Aggregation records without values (public attributes + cell key) of some structures, for the gate. */
export async function recordsOfStructures(db: Db, ids: readonly number[]): Promise<Map<number, AggregationRecord>> {
  const out = new Map<number, AggregationRecord>();
  if (ids.length === 0) return out;
  const { rows } = await sql<{
    id: number; cell_key: number; region_code: string; departement_code: string; epci_code: string | null; commune_code: string; population: number;
    territory_type: string; qpv_status: string; npnru_stage: string; management: string; kind: 'CS' | 'EVS'; federation_member: boolean; approval_kinds: ApprovalKind[] | null;
  }>`select s.id, s.cell_key, s.region_code, s.departement_code, c.epci_code, s.commune_code, c.population, s.territory_type, s.qpv_status,
      s.npnru_stage, s.management, s.kind, s.federation_member,
      (select jsonb_agg(distinct a.kind) from approvals a where a.structure_id = s.id) as approval_kinds
    from structures s join communes c on c.code = s.commune_code where s.id in (${sql.join([...ids])})`.execute(db);
  for (const r of rows) {
    const attributes: StructureAttributes = {
      regionCode: r.region_code, departementCode: r.departement_code, epciCode: r.epci_code, communeCode: r.commune_code, communePopulation: Number(r.population),
      territoryType: r.territory_type as StructureAttributes['territoryType'], qpvStatus: r.qpv_status as StructureAttributes['qpvStatus'],
      npnruStage: r.npnru_stage as StructureAttributes['npnruStage'], management: r.management as StructureAttributes['management'],
      approvalKinds: r.approval_kinds ?? [], kind: r.kind, federationMember: r.federation_member, budget: null,
    };
    out.set(r.id, { structureId: r.id, cellKey: Number(r.cell_key), attributes, values: {} });
  }
  return out;
}

/**
 * The example's sources: every structure with a response to the year's campaign (and last year's), with
 * its numeric and choice answers and its commune's name, by structure id.
 */
export async function exampleSources(db: Db, year: number) {
  const { rows } = await sql<{ id: number; siret: string | null; name: string; commune_name: string; year: number; answers: Record<string, unknown> | null }>`
    select s.id, s.siret, s.name, c.name as commune_name, k.year,
      (select jsonb_object_agg(a.code, a.value) from answers a where a.response_id = r.id and a.code like 'rh.%') as answers
    from responses r join campaigns k on k.id = r.campaign_id join structures s on s.id = r.structure_id join communes c on c.code = s.commune_code
    where k.year in (${year}, ${year - 1}) order by s.id, k.year`.execute(db);
  const byId = new Map<number, { siret: string | null; name: string; communeName: string; answers: Record<string, unknown>; previous?: Record<string, unknown> }>();
  for (const r of rows) {
    const e = byId.get(r.id) ?? byId.set(r.id, { siret: r.siret, name: r.name, communeName: r.commune_name, answers: {} }).get(r.id)!;
    if (r.year === year) e.answers = r.answers ?? {};
    else e.previous = r.answers ?? {};
  }
  return [...byId.values()].filter((e) => Object.keys(e.answers).length > 0);
}

/** Rows a person reviews: proposed matches and the decisions already taken on them, in file order. */
export async function reviewableRows(db: Db, datasetId: number) {
  const rows = await db.selectFrom('external_rows').leftJoin('structures', 'structures.id', 'external_rows.structure_id')
    .leftJoin('communes', 'communes.code', 'structures.commune_code')
    .select(['external_rows.line', 'external_rows.siret', 'external_rows.name', 'external_rows.commune', 'external_rows.structure_id', 'external_rows.match_method',
      'external_rows.match_score', 'structures.name as structure_name', 'communes.name as structure_commune'])
    .where('external_rows.dataset_id', '=', datasetId).where('external_rows.match_method', 'in', ['proposal', 'confirmed', 'rejected'])
    .orderBy('external_rows.line').execute();
  return rows.map((r) => ({
    line: r.line, siret: r.siret, name: r.name, commune: r.commune, structureId: r.structure_id, method: r.match_method as MatchMethod,
    score: r.match_score, structureName: r.structure_name, structureCommune: r.structure_commune,
  }));
}

/**
 * Records a person's decisions on a data set's reviewable rows (line → structure id to confirm, null to
 * reject), in one transaction; answers how many rows changed.
 */
export async function decideRows(db: Db, datasetId: number, decisions: readonly { line: number; structureId: number | null }[]) {
  return db.transaction().execute(async (tx) => {
    let changed = 0;
    for (const d of decisions) {
      const r = await tx.updateTable('external_rows')
        .set({ structure_id: d.structureId, match_method: d.structureId === null ? 'rejected' : 'confirmed' })
        .where('dataset_id', '=', datasetId).where('line', '=', d.line).where('match_method', 'in', ['proposal', 'confirmed', 'rejected'])
        .executeTakeFirst();
      changed += Number(r.numUpdatedRows);
    }
    await tx.updateTable('external_datasets').set({ updated_at: sql`now()` }).where('id', '=', datasetId).execute();
    return changed;
  });
}
