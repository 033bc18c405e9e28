import type { getStructureIdentity } from '../../app/structures/getStructureIdentity';
import type { searchStructures } from '../../app/structures/searchStructures';
import type { listStructureCampaignResponses } from '../../app/campaigns/listStructureCampaignResponses';
import type { getStructureMap } from '../../app/stats/getStructureMap';

type StructureRow = Awaited<ReturnType<typeof searchStructures>>['items'][number];
type IdentityRow = Awaited<ReturnType<typeof getStructureIdentity>>;
type ResponseRow = Awaited<ReturnType<typeof listStructureCampaignResponses>>[number];
type PointRow = Awaited<ReturnType<typeof getStructureMap>>['items'][number];

/**
 * A structure's public identity as the directory lists it.
 * @example presentStructureSummary(row) // { id: 12, kind: 'CS', name: 'Centre social…', postalCode: '69003', communeName: 'Lyon', … }
 */
export function presentStructureSummary(s: StructureRow) {
  return {
    id: s.id, kind: s.kind, name: s.name, siret: s.siret, address: s.address, postalCode: s.postal_code, communeCode: s.commune_code,
    communeName: s.commune_name, departementCode: s.departement_code, regionCode: s.region_code, lat: s.lat, lon: s.lon, email: s.email,
    website: s.website, management: s.management, federationMember: s.federation_member, territoryType: s.territory_type,
    qpvStatus: s.qpv_status, npnruStage: s.npnru_stage, npnruInterest: s.npnru_interest, travellers: s.travellers, multiSite: s.multi_site,
    itinerant: s.itinerant, firstApprovalOn: s.first_approval_on,
  };
}

/**
 * A structure's public identity card: its directory data, commune and département names, and approvals.
 * @example presentStructureIdentity(row) // { id: 12, …, communePopulation: 522_000, departementName: 'Rhône', approvals: [{ kind: 'evs', startsOn: …, endsOn: null }] }
 */
export function presentStructureIdentity(s: IdentityRow) {
  return {
    ...presentStructureSummary(s), communePopulation: s.commune_population, departementName: s.departement_name,
    approvals: s.approvals.map((a) => ({ kind: a.kind, startsOn: a.starts_on, endsOn: a.ends_on })),
  };
}

/**
 * One of a structure's responses to the campaigns.
 * @example presentStructureResponse(row) // { id: 7, year: 2024, state: 'submitted', submittedAt: …, validatedAt: null, updatedAt: …, answerCount: 41 }
 */
export function presentStructureResponse(r: ResponseRow) {
  return {
    id: r.id, year: r.year, state: r.state, submittedAt: r.submitted_at, validatedAt: r.validated_at, updatedAt: r.updated_at,
    answerCount: r.answer_count,
  };
}

/**
 * A structure as a point of the public map (directory data only).
 * @example presentStructurePoint(point) // { id: 1, name: '…', kind: 'CS', lon: 4.8, lat: 45.7, communeName: 'Lyon', departementCode: '69' }
 */
export function presentStructurePoint(p: PointRow) {
  return { id: p.id, name: p.name, kind: p.kind, lon: p.lon, lat: p.lat, communeName: p.commune_name, departementCode: p.departement_code };
}
