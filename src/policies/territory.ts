import type { Actor } from '../domain/roles';

/** A territory a private view can be asked for: the nation, a region or a département. */
export type TerritoryRef =
  | { level: 'nation' }
  | { level: 'region'; code: string }
  | { level: 'departement'; code: string; regionCode: string };

/**
 * Who may follow a territory (campaign progress, responses list):
 * national admins everywhere, regional coordinators in their region and its départements,
 * correspondents in their département.
 */
export function canFollowTerritory(actor: Actor, t: TerritoryRef): boolean {
  return actor.memberships.some((m) => {
    if (m.role === 'national_admin') return true;
    if (m.role === 'regional_coordinator') {
      return (t.level === 'region' && t.code === m.regionCode) || (t.level === 'departement' && t.regionCode === m.regionCode);
    }
    if (m.role === 'correspondent') return t.level === 'departement' && t.code === m.departementCode;
    return false;
  });
}

/** The widest territory an actor follows, for their home page; null for structure people and visitors. */
export function homeTerritory(actor: Actor): TerritoryRef | null {
  const ms = actor.memberships;
  if (ms.some((m) => m.role === 'national_admin')) return { level: 'nation' };
  const reg = ms.find((m) => m.role === 'regional_coordinator');
  if (reg?.regionCode) return { level: 'region', code: reg.regionCode };
  const cor = ms.find((m) => m.role === 'correspondent');
  if (cor?.departementCode) return { level: 'departement', code: cor.departementCode, regionCode: '' };
  return null;
}
