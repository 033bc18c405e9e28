import { z } from 'zod';
import { campaignStates } from '../../../domain/campaignState';
import { responseStates } from '../../../domain/responseState';
import { followUpSorts } from '../../../app/campaigns/listFollowUp';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ.');

/** A territory the caller follows: the nation, or a région or a département by its code. */
const territoryScope = z.union([
  z.object({ level: z.literal('nation') }),
  z.object({ level: z.enum(['region', 'departement']), code: z.string() }),
]);

/** A yearly campaign: state, dates, questionnaire and later deadlines per territory ({ "departement:69": "2026-07-31" }). */
export const campaignRow = z.object({
  id: z.number(), year: z.number(), state: z.enum(campaignStates), opensOn: z.string(), closesOn: z.string(),
  questionnaireId: z.number().nullable(), deadlines: z.record(z.string(), z.string()),
});

/** The campaigns, most recent first. */
export const campaignListResponse = z.object({ items: z.array(campaignRow), total: z.number() });

/** Responses of a campaign on a territory by state (structures without a response count as not started). */
export const campaignProgressResponse = z.object({
  campaign: z.object({ year: z.number(), state: z.enum(campaignStates) }), territory: territoryScope,
  expected: z.number(), byState: z.partialRecord(z.enum(responseStates), z.number()),
});

/** The follow-up list: one row per awaited structure, its response (if any), state, score and open queries. */
export const followUpResponse = z.object({
  items: z.array(z.object({
    structureId: z.number(), name: z.string(), kind: z.enum(['CS', 'EVS']), departementCode: z.string(),
    responseId: z.number().nullable(), updatedAt: z.string().nullable(), qualityScore: z.number().nullable(),
    state: z.enum(responseStates), openQueries: z.number(),
  })),
  total: z.number(),
});

/** A territory asked for in a query string: the nation, a région or a département. */
export const territoryQuery = z.object({
  level: z.enum(['nation', 'region', 'departement']).default('nation'),
  code: z.string().regex(/^[0-9AB]{2,3}$/, 'Code de territoire invalide.').optional(),
});
export const responsesQuery = territoryQuery.extend({
  state: z.enum(['not_started', 'in_progress', 'submitted', 'returned', 'validated', 'locked']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  scoreBelow: z.coerce.number().int().min(1).max(101).optional(),
  openQueries: z.enum(['with', 'without']).optional(),
  sort: z.enum(followUpSorts).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
});
export const prepareCampaignBody = z.object({
  year: z.number().int().min(2000).max(2100),
  opensOn: isoDate,
  closesOn: isoDate,
  questionnaireYear: z.number().int().min(2000).max(2100).optional(),
});
export const deadlineBody = z.object({
  level: z.enum(['region', 'departement'], { message: 'Niveau attendu : region ou departement.' }),
  code: z.string().regex(/^[0-9AB]{2,3}$/, 'Code de territoire invalide.'),
  /** null removes the territory's later deadline. */
  date: isoDate.nullable(),
});

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
  campaign: z.object({ year: z.number(), state: z.enum(campaignStates), closesOn: z.string(), deadlines: z.array(territoryDeadline) }),
  territory: territoryScope,
  expected: z.number(), byState: z.partialRecord(z.enum(responseStates), z.number()), onTimeRate: z.number().nullable(),
  timeliness: z.object({ onTime: z.number(), late: z.number(), missing: z.number(), onTimeOfExpected: z.number().nullable() }),
  qualityDistribution: z.array(z.object({ from: z.number(), to: z.number(), n: z.number() })),
  openQueries: z.number(),
  mostFindings: z.array(z.object({ id: z.number(), name: z.string(), responseId: z.number(), qualityScore: z.number().nullable(), findings: z.number() })),
});

/** Reminders prepared: late structures, mails put in the outbox, mails sent now (0 without a mail server). */
export const remindersResponse = z.object({ structures: z.number(), mails: z.number(), sent: z.number() });
