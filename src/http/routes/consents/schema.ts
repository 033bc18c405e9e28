import { z } from 'zod';

export const consentRequestBody = z.object({
  targetIds: z.array(z.number().int().positive().max(999_999_999)).min(1, 'Choisissez au moins une structure.').max(20, 'Au plus 20 structures à la fois.'),
});

const consentState = z.enum(['pending', 'accepted', 'refused', 'withdrawn']);

/** Requests made and received, the ledger about them, and the nearby structures one may ask. */
export const consentListResponse = z.object({
  requests: z.array(z.object({
    id: z.number(), requesterId: z.number(), requesterName: z.string(), targetId: z.number(), targetName: z.string(), state: consentState,
    createdAt: z.string(), decidedAt: z.string().nullable(), withdrawnAt: z.string().nullable(),
  })),
  ledger: z.array(z.object({
    id: z.number(), requestId: z.number(), structureId: z.number(), action: z.enum(['request', 'grant', 'refuse', 'withdraw']), at: z.string(), actorName: z.string().nullable(),
  })),
  candidates: z.array(z.object({ id: z.number(), km: z.number().nullable(), neighbour: z.boolean(), name: z.string(), commune: z.string(), kind: z.string() })),
});

/** The requests just made, one per target. */
export const consentRequestResponse = z.object({ items: z.array(z.object({ id: z.number(), requesterId: z.number(), targetId: z.number(), state: consentState })) });

/** A request after a decision or a withdrawal. */
export const consentDecisionResponse = z.object({ id: z.number(), state: consentState });
