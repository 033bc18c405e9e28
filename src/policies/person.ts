import type { Actor, Role } from '../domain/roles';

/** The structure roles a director may remove from their own team. */
const TEAM_ROLES: readonly Role[] = ['contributor', 'board_member'];

/**
 * Who may act on a person's data. Everyone reads their own data; the national administration removes
 * anyone but itself; a director removes a person whose every role is a team role in a structure they direct.
 */
export const personPolicy = {
  remove(actor: Actor, target: { id: number; memberships: { role: Role; structure_id: number | null }[] }): boolean {
    if (!actor.userId || actor.userId === target.id) return false;
    if (actor.memberships.some((m) => m.role === 'national_admin')) return true;
    const directed = new Set(actor.memberships.filter((m) => m.role === 'director').map((m) => m.structureId));
    return target.memberships.length > 0 && target.memberships.every((m) => TEAM_ROLES.includes(m.role) && m.structure_id !== null && directed.has(m.structure_id));
  },
  /** Handing a structure's direction over: its director, or the national administration. */
  handOver(actor: Actor, structureId: number): boolean {
    return actor.memberships.some((m) => m.role === 'national_admin' || (m.role === 'director' && m.structureId === structureId));
  },
} as const;
