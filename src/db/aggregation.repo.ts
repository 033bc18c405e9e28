import { sql } from 'kysely';
import type { Db } from './connection';
import { shortLived } from './shortLived';
import type { AggregationRecord, ApprovalKind, StructureAttributes } from '../domain/aggregation/record';
import type { TerritoryPlace } from '../domain/aggregation/groups';
import { publishedStates } from '../domain/workflow';

/** Which responses a population holds: published figures count validated and locked ones only. */
export const populationModes = ['published', 'working'] as const;
export type PopulationMode = (typeof populationModes)[number];

/** Response states of the correspondents' private working view: everything begun, marked by state. */
const workingStates = ['in_progress', 'submitted', 'returned', 'validated', 'locked'] as const;

/** What the server keeps beside each record: never published, used for distances and markings. */
export interface RecordPlace { lat: number | null; lon: number | null; state: string; validated: boolean }

export interface LoadedRecords { records: AggregationRecord[]; places: Map<number, RecordPlace> }

interface Row {
  id: number; cell_key: number; region_code: string; departement_code: string; epci_code: string | null; commune_code: string;
  commune_population: number; territory_type: string; qpv_status: string; npnru_stage: string; management: string; kind: 'CS' | 'EVS';
  federation_member: boolean; lat: number | null; lon: number | null; approval_kinds: ApprovalKind[] | null; state: string;
  vals: Record<string, number | boolean> | null;
}

/**
 * Every structure's aggregation record for one campaign year, in one query: public attributes (with the
 * commune's population and EPCI), the secret cell key, and the numeric and yes/no answers by code (other
 * answers are not aggregated). Structures without a response in the mode's states are left out: they
 * contribute to no cell. The budget attribute is the year's `finances.produits`.
 * @example const { records } = await loadAggregationRecords(db, 2024, 'published');
 */
export async function loadAggregationRecords(db: Db, year: number, mode: PopulationMode): Promise<LoadedRecords> {
  const states: readonly string[] = mode === 'published' ? publishedStates : workingStates;
  const { rows } = await sql<Row>`
    select s.id, s.cell_key, s.region_code, s.departement_code, c.epci_code, s.commune_code, c.population as commune_population,
      s.territory_type, s.qpv_status, s.npnru_stage, s.management, s.kind, s.federation_member, s.lat, s.lon, r.state,
      (select jsonb_agg(distinct a.kind) from approvals a where a.structure_id = s.id) as approval_kinds,
      (select jsonb_object_agg(x.code, x.value) from answers x
        where x.response_id = r.id and jsonb_typeof(x.value) in ('number', 'boolean')) as vals
    from responses r
    join campaigns k on k.id = r.campaign_id
    join structures s on s.id = r.structure_id
    join communes c on c.code = s.commune_code
    where k.year = ${year} and r.state in (${sql.join([...states])})
    order by s.id`.execute(db);
  const records: AggregationRecord[] = [];
  const places = new Map<number, RecordPlace>();
  for (const r of rows) {
    const values = r.vals ?? {};
    const budget = values['finances.produits'];
    const attributes: StructureAttributes = {
      regionCode: r.region_code, departementCode: r.departement_code, epciCode: r.epci_code, communeCode: r.commune_code,
      communePopulation: Number(r.commune_population),
      territoryType: r.territory_type as StructureAttributes['territoryType'],
      qpvStatus: r.qpv_status as StructureAttributes['qpvStatus'],
      npnruStage: r.npnru_stage as StructureAttributes['npnruStage'],
      management: r.management as StructureAttributes['management'],
      approvalKinds: r.approval_kinds ?? [], kind: r.kind, federationMember: r.federation_member,
      budget: typeof budget === 'number' ? budget : null,
    };
    records.push({ structureId: r.id, cellKey: Number(r.cell_key), attributes, values });
    places.set(r.id, { lat: r.lat, lon: r.lon, state: r.state, validated: (publishedStates as readonly string[]).includes(r.state) });
  }
  return { records, places };
}

/**
 * A cheap fingerprint of a campaign's responses in a mode: it changes whenever a response enters or leaves
 * the mode's states (state changes stamp updated_at; validated and locked answers cannot be edited). In
 * working mode autosaves change it too. Used to check a cached population without reloading it.
 * @example await populationFingerprint(db, 2024, 'published') // '3812|2025-06-20T10:00:00.000Z'
 */
export async function populationFingerprint(db: Db, year: number, mode: PopulationMode): Promise<string> {
  const states: readonly string[] = mode === 'published' ? publishedStates : workingStates;
  const { rows } = await sql<{ n: number; at: Date | string | null }>`
    select count(*)::int as n, max(r.updated_at) as at from responses r join campaigns k on k.id = r.campaign_id
    where k.year = ${year} and r.state in (${sql.join([...states])})`.execute(db);
  const at = rows[0]?.at;
  return `${rows[0]?.n ?? 0}|${at instanceof Date ? at.toISOString() : String(at)}`;
}

/** Read on every dashboard and fact sheet; a campaign is added once a year (prepareCampaign forgets). */
const years = shortLived<number[]>(1000);

/** Years with a campaign, oldest first (a copy). */
export async function campaignYears(db: Db): Promise<number[]> {
  return [...(await years.read(db, 'all', async () => (await db.selectFrom('campaigns').select('year').orderBy('year').execute()).map((r) => r.year)))];
}

/** After a campaign was added: this process sees it at once, the others within a second. */
export const forgetCampaignYears = (): void => years.forget();

/** One structure's numeric and yes/no answers per campaign year (whatever the response's state), with the state. */
export async function ownAnswersByYear(db: Db, structureId: number): Promise<Map<number, { state: string; values: Record<string, number | boolean> }>> {
  const { rows } = await sql<{ year: number; state: string; vals: Record<string, number | boolean> | null }>`
    select k.year, r.state, (select jsonb_object_agg(x.code, x.value) from answers x
      where x.response_id = r.id and jsonb_typeof(x.value) in ('number', 'boolean')) as vals
    from responses r join campaigns k on k.id = r.campaign_id where r.structure_id = ${structureId} order by k.year`.execute(db);
  return new Map(rows.map((r) => [r.year, { state: r.state, values: r.vals ?? {} }]));
}

/** Names, communes and coordinates of structures, for lists of peers (public directory data). */
export async function structureSummaries(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { id: number; name: string; kind: string; commune_name: string; departement_code: string; lat: number | null; lon: number | null }>();
  const rows = await db.selectFrom('structures').innerJoin('communes', 'communes.code', 'structures.commune_code')
    .select(['structures.id', 'structures.name', 'structures.kind', 'communes.name as commune_name', 'structures.departement_code', 'structures.lat', 'structures.lon'])
    .where('structures.id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every structure's coordinates (public), for distance peer groups. */
export async function structureCoordinates(db: Db) {
  return db.selectFrom('structures').select(['id', 'lat', 'lon']).execute();
}

/**
 * Coordinates of structures from the public directory, for a release's frozen population (whose responses
 * were all validated when it was published).
 * @example (await placesOf(db, [1, 2])).get(1)?.lat
 */
export async function placesOf(db: Db, ids: readonly number[]): Promise<Map<number, RecordPlace>> {
  const out = new Map<number, RecordPlace>();
  if (ids.length === 0) return out;
  const { rows } = await sql<{ id: number; lat: number | null; lon: number | null }>`
    select id, lat, lon from structures where id = any(${[...ids]}::int[])`.execute(db);
  for (const r of rows) out.set(r.id, { lat: r.lat, lon: r.lon, state: 'locked', validated: true });
  return out;
}

/**
 * Every place of the public directory (each structure's commune, EPCI, département and region), the frame
 * published tables are laid over so that a territory whose structures did not answer reads like one with
 * a few respondents.
 * @example const frame = await loadDirectoryPlaces(db); // [{ regionCode: '84', departementCode: '69', … }]
 */
export async function loadDirectoryPlaces(db: Db): Promise<TerritoryPlace[]> {
  const rows = await db.selectFrom('structures as s').innerJoin('communes as c', 'c.code', 's.commune_code')
    .select(['s.region_code', 's.departement_code', 'c.epci_code', 's.commune_code']).distinct().execute();
  return rows.map((r) => ({ regionCode: r.region_code, departementCode: r.departement_code, epciCode: r.epci_code, communeCode: r.commune_code }));
}
