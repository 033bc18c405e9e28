import type { Actor } from '../domain/roles';

/** Questionnaire versions are public; preparing next year's (proposals, imports) is the national committee's. */
export const questionnairePolicy = {
  /** Proposals of change made by structures, with who made them. @example questionnairePolicy.readProposals(national) // true */
  readProposals: (actor: Actor) => actor.memberships.some((m) => m.role === 'national_admin'),
} as const;
