import type { Actor } from '../domain/roles';
import { canFollowTerritory, type TerritoryRef } from './territory';

/** A territory that owns local questions: a département (with its region) or a region. */
export type LocalTerritoryRef = Exclude<TerritoryRef, { level: 'nation' }>;

/**
 * Who may read and write a territory's local questions: its département correspondents, the regional
 * coordinators of its region (for the region and each of its départements), national admins anywhere.
 */
export const localQuestionPolicy = {
  /** @example localQuestionPolicy.manage(caf69, { level: 'departement', code: '69', regionCode: '84' }) // true */
  manage: (actor: Actor, t: LocalTerritoryRef) => canFollowTerritory(actor, t),
  /** Listing every territory's local questions at once. @example localQuestionPolicy.listAll(national) // true */
  listAll: (actor: Actor) => actor.memberships.some((m) => m.role === 'national_admin'),
} as const;
