/**
 * Territory roles given to people (correspondents, regional coordinators) and the one rule on giving them:
 * nobody grants a scope wider than their own — the nation grants anything, a regional coordinator grants
 * within their région, a correspondent within their départements, each within their own organisation
 * (CAF or federation) when they belong to one.
 */
import type { Actor, Membership } from './roles';

export const territoryRoles = ['correspondent', 'regional_coordinator'] as const;
export type TerritoryRole = (typeof territoryRoles)[number];
export const organisations = ['caf', 'federation'] as const;
export type Organisation = (typeof organisations)[number];

/** A territory role on its scope: one or several départements for a correspondent, one région for a coordinator. */
export interface TerritoryGrant {
  role: TerritoryRole;
  organisation: Organisation | null;
  departements?: string[];
  regionCode?: string;
}

/** The memberships a grant becomes: one per département for a correspondent. */
export function membershipsOf(g: TerritoryGrant): Membership[] {
  if (g.role === 'regional_coordinator') return [{ role: g.role, organisation: g.organisation, regionCode: g.regionCode ?? null }];
  return (g.departements ?? []).map((d) => ({ role: g.role, organisation: g.organisation, departementCode: d }));
}

const sameOrganisation = (m: Membership, g: TerritoryGrant) => !m.organisation || m.organisation === g.organisation;

/**
 * May this actor give that grant? `regionOf` tells the région of a département.
 * @example canGrant(caf69, { role: 'correspondent', organisation: 'caf', departements: ['69'] }, regionOf) // true
 * @example canGrant(caf69, { role: 'correspondent', organisation: 'caf', departements: ['69', '01'] }, regionOf) // false
 */
export function canGrant(actor: Actor, g: TerritoryGrant, regionOf: (departement: string) => string | undefined): boolean {
  const ms = actor.memberships;
  if (ms.some((m) => m.role === 'national_admin')) return true;
  if (g.role === 'regional_coordinator') {
    return ms.some((m) => m.role === 'regional_coordinator' && m.regionCode === g.regionCode && sameOrganisation(m, g));
  }
  const departements = g.departements ?? [];
  return departements.length > 0 && departements.every((d) => ms.some((m) => sameOrganisation(m, g) && (
    (m.role === 'correspondent' && m.departementCode === d) || (m.role === 'regional_coordinator' && !!m.regionCode && regionOf(d) === m.regionCode))));
}

/**
 * May this actor suspend or reactivate a person holding these memberships? Only someone who could grant every one of them.
 * @example canManagePerson(national, [{ role: 'correspondent', departementCode: '69' }], regionOf) // true
 */
export function canManagePerson(actor: Actor, held: Membership[], regionOf: (departement: string) => string | undefined): boolean {
  if (held.length === 0) return actor.memberships.some((m) => m.role === 'national_admin');
  return held.every((m) => {
    if (m.role === 'national_admin') return actor.memberships.some((a) => a.role === 'national_admin');
    if (m.role === 'regional_coordinator') return canGrant(actor, { role: m.role, organisation: (m.organisation ?? null) as Organisation | null, regionCode: m.regionCode ?? undefined }, regionOf);
    if (m.role === 'correspondent') return canGrant(actor, { role: m.role, organisation: (m.organisation ?? null) as Organisation | null, departements: [m.departementCode ?? ''] }, regionOf);
    return actor.memberships.some((a) => a.role === 'national_admin');
  });
}

export const grantLabel = (g: TerritoryGrant): string => {
  const org = g.organisation === 'caf' ? 'CAF' : g.organisation === 'federation' ? 'fédération' : null;
  const where = g.role === 'regional_coordinator' ? `région ${g.regionCode}` : `département${(g.departements ?? []).length > 1 ? 's' : ''} ${(g.departements ?? []).join(', ')}`;
  return `${g.role === 'regional_coordinator' ? 'Coordination régionale' : 'Correspondant·e'}${org ? ` ${org}` : ''}, ${where}`;
};
