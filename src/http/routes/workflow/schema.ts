import { z } from 'zod';
import { campaignStates } from '../../../domain/campaignState';
import { outboxStates } from '../../../domain/outbox';
import { findingKinds, findingLevels } from '../../../domain/quality/types';
import { responseStates } from '../../../domain/responseState';
import { roles } from '../../../domain/roles';
import { queryStates } from '../../../domain/workflow';
import { territoryScope } from '../campaigns/schema';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ.');

export const openQueryBody = z.object({
  code: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1, 'Le message est vide.').max(4000),
});
export const queryMessageBody = z.object({ body: z.string().trim().min(1, 'Le message est vide.').max(4000) });
export const reasonBody = z.object({ reason: z.string().trim().max(2000).optional() });
export const prepareCampaignBody = z.object({
  year: z.number().int().min(2000).max(2100),
  opensOn: isoDate,
  closesOn: isoDate,
  questionnaireYear: z.number().int().min(2000).max(2100).optional(),
});
export const territoryQuery = z.object({
  level: z.enum(['nation', 'region', 'departement']).default('nation'),
  code: z.string().regex(/^[0-9AB]{2,3}$/, 'Code de territoire invalide.').optional(),
});
export const outboxQuery = territoryQuery.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const deadlineBody = z.object({
  level: z.enum(['region', 'departement'], { message: 'Niveau attendu : region ou departement.' }),
  code: z.string().regex(/^[0-9AB]{2,3}$/, 'Code de territoire invalide.'),
  /** null removes the territory's later deadline. */
  date: isoDate.nullable(),
});

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
    id: z.number(), code: z.string(), state: z.enum(queryStates), opened_at: z.string(), closed_at: z.string().nullable(), opened_by_name: z.string().nullable(),
    messages: z.array(z.object({ query_id: z.number(), kind: z.enum(['question', 'answer', 'close']), body: z.string(), at: z.string(), author_name: z.string() })),
  })),
  total: z.number(),
});

/** A query opened, replied to, closed or asked again: its new state. */
export const queryStateResponse = z.object({ id: z.number(), state: z.enum(queryStates) });

/** A response validated, reopened or unlocked: its new state. */
export const reviewedResponse = z.object({ state: z.enum(responseStates) });

/** A campaign prepared. */
export const preparedCampaign = z.object({ id: z.number(), year: z.number(), state: z.literal('preparation') });

/** A campaign opened or closed; closing locks the validated responses (how many). */
export const campaignStateResponse = z.object({ year: z.number(), state: z.enum(campaignStates), locked: z.number() });

/** A territory's later deadline (region or département, day AAAA-MM-JJ). */
const territoryDeadline = z.object({ level: z.enum(['region', 'departement']), code: z.string(), date: z.string() });

/** The campaign's later deadlines per territory after the change. */
export const deadlinesResponse = z.object({ year: z.number(), deadlines: z.array(territoryDeadline) });

/** A territory's follow-up dashboard: states, timeliness against each structure's deadline, quality scores, open queries, structures with most findings. */
export const cockpitResponse = z.object({
  campaign: z.object({ year: z.number(), state: z.enum(campaignStates), closes_on: z.string(), deadlines: z.array(territoryDeadline) }),
  territory: territoryScope,
  expected: z.number(), byState: z.partialRecord(z.enum(responseStates), z.number()), onTimeRate: z.number().nullable(),
  timeliness: z.object({ onTime: z.number(), late: z.number(), missing: z.number(), onTimeOfExpected: z.number().nullable() }),
  qualityDistribution: z.array(z.object({ from: z.number(), to: z.number(), n: z.number() })),
  openQueries: z.number(),
  mostFindings: z.array(z.object({ id: z.number(), name: z.string(), response_id: z.number(), quality_score: z.number().nullable(), findings: z.number() })),
});

/** Reminders prepared: late structures, mails put in the outbox, mails sent now (0 without a mail server). */
export const remindersResponse = z.object({ structures: z.number(), mails: z.number(), sent: z.number() });

/** A page of the outbox; the mail server's error replies are shown to the national administration only. */
export const outboxResponse = z.object({
  items: z.array(z.object({
    id: z.number(), to_email: z.string(), subject: z.string(), body: z.string(), created_at: z.string(), sent_at: z.string().nullable(),
    structure_name: z.string().nullable(), state: z.enum(outboxStates), attempts: z.number(), next_attempt_at: z.string(), last_error: z.string().nullable(),
  })),
  total: z.number(),
});

/** A mail put back in the queue, and its state after the attempt. */
export const retriedMail = z.object({ id: z.number(), state: z.enum(outboxStates) });
