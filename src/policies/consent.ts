import type { Actor, StructurePlace } from '../domain/roles';
import { structurePolicy } from './structure';

/** A consent request as the policy sees it: the two structures involved. */
export interface ConsentParties { requester: StructurePlace; target: StructurePlace }

/**
 * Joint consent is the directors' business only: correspondents, coordinators and national admins, who
 * may read answers for their own reasons, neither grant nor use it on a structure's behalf.
 */
export const consentPolicy = {
  /** Asking others on behalf of a structure, seeing its requests and its named comparison. @example consentPolicy.act(director, place) */
  act: (actor: Actor, structure: StructurePlace) => structurePolicy.manage(actor, structure),
  /** Accepting or refusing: the target's director. */
  decide: (actor: Actor, c: ConsentParties) => structurePolicy.manage(actor, c.target),
  /** Withdrawing: the director of either structure. */
  withdraw: (actor: Actor, c: ConsentParties) => structurePolicy.manage(actor, c.requester) || structurePolicy.manage(actor, c.target),
} as const;
