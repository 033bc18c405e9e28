import type { Actor, Membership, Role, StructurePlace } from '../domain/roles';

/**
 * Does this membership reach that structure?
 * Structure roles reach their own structure; correspondents their département;
 * regional coordinators their region; national administrators everything.
 */
export function membershipCovers(m: Membership, s: StructurePlace): boolean {
  switch (m.role) {
    case 'contributor':
    case 'board_member':
    case 'director':
      return m.structureId === s.id;
    case 'correspondent':
      return m.departementCode === s.departementCode;
    case 'regional_coordinator':
      return m.regionCode === s.regionCode;
    case 'national_admin':
      return true;
  }
}

function holds(actor: Actor, s: StructurePlace, allowed: readonly Role[]): boolean {
  return actor.memberships.some((m) => allowed.includes(m.role) && membershipCovers(m, s));
}

/** Declared abilities on one structure. The public directory needs none of them. */
export const structurePolicy = {
  /** Responses, answers, members, progress: the structure itself and its territory. */
  readPrivate: (a: Actor, s: StructurePlace) => holds(a, s, ['contributor', 'board_member', 'director', 'correspondent', 'regional_coordinator', 'national_admin']),
  /** Filling answers. */
  fill: (a: Actor, s: StructurePlace) => holds(a, s, ['contributor', 'board_member', 'director']),
  /** Inviting people, submitting, answering queries, consent. */
  manage: (a: Actor, s: StructurePlace) => holds(a, s, ['director']),
  /** Inviting people into the structure by e-mail link, and revoking those links: its director, and the nation. */
  invite: (a: Actor, s: StructurePlace) => holds(a, s, ['director', 'national_admin']),
  /** Changing the directory entry (identity). */
  editIdentity: (a: Actor, s: StructurePlace) => holds(a, s, ['director', 'correspondent', 'regional_coordinator', 'national_admin']),
  /** Querying and validating answers. */
  review: (a: Actor, s: StructurePlace) => holds(a, s, ['correspondent', 'regional_coordinator', 'national_admin']),
} as const;

export type StructureAbility = keyof typeof structurePolicy;
