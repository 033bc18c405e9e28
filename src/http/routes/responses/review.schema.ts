import { z } from 'zod';
import { findingKinds, findingLevels } from '../../../domain/quality/types';
import { responseStates } from '../../../domain/responseState';
import { roles } from '../../../domain/roles';
import { queryStates } from '../../../domain/workflow';

export const openQueryBody = z.object({
  code: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1, 'Le message est vide.').max(4000),
});
export const queryMessageBody = z.object({ body: z.string().trim().min(1, 'Le message est vide.').max(4000) });
export const reasonBody = z.object({ reason: z.string().trim().max(2000).optional() });

const person = z.object({ id: z.number(), name: z.string(), email: z.string(), role: z.enum(roles), organisation: z.string().nullable() });

/** A response's quality: score (null until computed), findings with their reason and suspect answer, the people concerned. */
export const qualityResponse = z.object({
  responseId: z.number(), year: z.number(), state: z.enum(responseStates), structure: z.object({ id: z.number(), name: z.string() }),
  score: z.number().nullable(), computedAt: z.string().nullable(),
  findings: z.array(z.object({
    kind: z.enum(findingKinds), level: z.enum(findingLevels), rule: z.string(), codes: z.array(z.string()), reason: z.string(),
    suspect: z.object({ code: z.string(), likelihood: z.number(), correction: z.object({ value: z.number(), reason: z.string() }).optional() }).nullable(),
  })),
  people: z.object({ structure: z.array(person), correspondents: z.array(person) }),
});

/** The correspondents' queries on a response, each with its messages. */
export const queryListResponse = z.object({
  items: z.array(z.object({
    id: z.number(), code: z.string(), state: z.enum(queryStates), openedAt: z.string(), closedAt: z.string().nullable(), openedByName: z.string().nullable(),
    messages: z.array(z.object({ queryId: z.number(), kind: z.enum(['question', 'answer', 'close']), body: z.string(), at: z.string(), authorName: z.string() })),
  })),
  total: z.number(),
});

/** A query opened, replied to, closed or asked again: its new state. */
export const queryStateResponse = z.object({ id: z.number(), state: z.enum(queryStates) });

/** A response validated, reopened or unlocked: its new state. */
export const reviewedResponse = z.object({ state: z.enum(responseStates) });
