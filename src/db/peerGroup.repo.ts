import { sql } from 'kysely';
import type { Db } from './connection';
import type { ApprovalKind, StructureAttributes } from '../domain/aggregation/record';

export interface FrozenNeighbour { rank: number; neighbour_id: number; distance: number; reasons: Record<string, string> }

/** A frozen neighbour with its public name and town, as the fact sheet and the position page list it. */
export interface NamedNeighbour extends FrozenNeighbour { name: string; commune_name: string }

/**
 * The frozen groups of a structure for several campaign years, in one statement: by year, nearest first
 * (a year not frozen yet, or without a campaign, has no entry).
 * @example await getFrozenNeighboursOfYears(db, [2023, 2024], 12) // Map { 2023 => [...], 2024 => [...] }
 */
export async function getFrozenNeighboursOfYears(db: Db, years: readonly number[], structureId: number): Promise<Map<number, NamedNeighbour[]>> {
  const byYear = new Map<number, NamedNeighbour[]>();
  if (years.length === 0) return byYear;
  const rows = await db.selectFrom('peer_groups').innerJoin('campaigns', 'campaigns.id', 'peer_groups.campaign_id')
    .innerJoin('structures', 'structures.id', 'peer_groups.neighbour_id').innerJoin('communes', 'communes.code', 'structures.commune_code')
    .select(['campaigns.year', 'peer_groups.rank', 'peer_groups.neighbour_id', 'peer_groups.distance', 'peer_groups.reasons', 'structures.name', 'communes.name as commune_name'])
    .where('campaigns.year', 'in', [...years]).where('peer_groups.structure_id', '=', structureId).orderBy('campaigns.year').orderBy('peer_groups.rank').execute();
  for (const { year, ...n } of rows) {
    let list = byYear.get(year);
    if (!list) byYear.set(year, (list = []));
    list.push(n);
  }
  return byYear;
}

/** The frozen group of a campaign found by its year, with the neighbours' names (empty if not frozen yet, or no such campaign). */
export async function getFrozenNeighboursOfYear(db: Db, year: number, structureId: number): Promise<NamedNeighbour[]> {
  return (await getFrozenNeighboursOfYears(db, [year], structureId)).get(year) ?? [];
}

/**
 * Freezes a group; if another request froze it first, theirs stays (the group never changes within a
 * campaign). Read it back with getFrozenNeighboursOfYear.
 */
export async function freezeNeighbours(db: Db, campaignId: number, structureId: number, group: readonly { rank: number; structureId: number; distance: number; reasons: Record<string, string> }[]) {
  await db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('peer_groups').select('rank').where('campaign_id', '=', campaignId).where('structure_id', '=', structureId).limit(1).executeTakeFirst();
    if (existing || group.length === 0) return;
    await tx.insertInto('peer_groups').values(group.map((g) => ({
      campaign_id: campaignId, structure_id: structureId, rank: g.rank, neighbour_id: g.structureId, distance: g.distance, reasons: JSON.stringify(g.reasons),
    }))).onConflict((oc) => oc.doNothing()).execute();
  });
}

/** What heads a structure's sheet: its name, kind, town and département. */
export interface StructureHeading { name: string; kind: 'CS' | 'EVS'; postal_code: string | null; commune_name: string; departement_name: string }

/**
 * A structure's public attributes as aggregation sees them (budget left to the caller), with its
 * coordinates and what heads its sheet, in one statement.
 */
export async function structureAttributesOf(db: Db, id: number): Promise<{ attributes: StructureAttributes; lat: number | null; lon: number | null; heading: StructureHeading } | undefined> {
  const { rows } = await sql<{
    region_code: string; departement_code: string; epci_code: string | null; commune_code: string; commune_population: number;
    territory_type: string; qpv_status: string; npnru_stage: string; management: string; kind: 'CS' | 'EVS'; federation_member: boolean;
    lat: number | null; lon: number | null; approval_kinds: ApprovalKind[] | null;
    name: string; postal_code: string | null; commune_name: string; departement_name: string;
  }>`select s.region_code, s.departement_code, c.epci_code, s.commune_code, c.population as commune_population, s.territory_type,
      s.qpv_status, s.npnru_stage, s.management, s.kind, s.federation_member, s.lat, s.lon,
      (select jsonb_agg(distinct a.kind) from approvals a where a.structure_id = s.id) as approval_kinds,
      s.name, s.postal_code, c.name as commune_name, d.name as departement_name
    from structures s join communes c on c.code = s.commune_code join departements d on d.code = s.departement_code where s.id = ${id}`.execute(db);
  const r = rows[0];
  if (!r) return undefined;
  return {
    lat: r.lat, lon: r.lon,
    heading: { name: r.name, kind: r.kind, postal_code: r.postal_code, commune_name: r.commune_name, departement_name: r.departement_name },
    attributes: {
      regionCode: r.region_code, departementCode: r.departement_code, epciCode: r.epci_code, communeCode: r.commune_code,
      communePopulation: Number(r.commune_population), territoryType: r.territory_type as StructureAttributes['territoryType'],
      qpvStatus: r.qpv_status as StructureAttributes['qpvStatus'], npnruStage: r.npnru_stage as StructureAttributes['npnruStage'],
      management: r.management as StructureAttributes['management'], approvalKinds: r.approval_kinds ?? [], kind: r.kind,
      federationMember: r.federation_member, budget: null,
    },
  };
}
