import { z } from 'zod';
import { campaignStates } from '../../../domain/campaignState';
import { responseStates } from '../../../domain/responseState';

/** A territory the caller follows: the nation, or a région or a département by its code. */
export const territoryScope = z.union([
  z.object({ level: z.literal('nation') }),
  z.object({ level: z.enum(['region', 'departement']), code: z.string() }),
]);

/** A yearly campaign: state, dates, questionnaire and later deadlines per territory ({ "departement:69": "2026-07-31" }). */
export const campaignRow = z.object({
  id: z.number(), year: z.number(), state: z.enum(campaignStates), opens_on: z.string(), closes_on: z.string(),
  questionnaire_id: z.number().nullable(), deadlines: z.record(z.string(), z.string()),
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
    structure_id: z.number(), name: z.string(), kind: z.enum(['CS', 'EVS']), departement_code: z.string(),
    response_id: z.number().nullable(), updated_at: z.string().nullable(), quality_score: z.number().nullable(),
    state: z.enum(responseStates), open_queries: z.number(),
  })),
  total: z.number(),
});
