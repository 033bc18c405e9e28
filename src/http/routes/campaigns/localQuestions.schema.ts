import { z } from 'zod';
import { campaignStates } from '../../../domain/campaignState';
import { localLevels } from '../../../domain/localQuestions/namespace';

export const localTerritoryQuery = z.object({
  level: z.enum(localLevels).optional(),
  code: z.string().regex(/^[0-9AB]{2,3}$/, 'Code de territoire invalide.').optional(),
});

/** A SurveyJS question as JSON; its content is checked by loading it with the national questionnaire. */
const element = z.record(z.string(), z.unknown());

export const addLocalQuestionBody = z.object({
  name: z.string().trim().min(1).max(120),
  element,
});

export const editLocalQuestionBody = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  element,
});

/** A local question: its territory, code `local.<territory>.<name>` and SurveyJS element. */
export const localQuestionView = z.object({
  id: z.number(), year: z.number(), level: z.enum(localLevels), territoryCode: z.string(), code: z.string(), name: z.string(),
  element, updatedAt: z.string(),
});

/** The local questions of a territory (or of all, for the national administration), with the campaign's state. */
export const localQuestionListResponse = z.object({
  campaign: z.object({ year: z.number(), state: z.enum(campaignStates) }), items: z.array(localQuestionView), total: z.number(),
});

/** A local question removed. */
export const localQuestionRemoved = z.object({ id: z.number(), removed: z.literal(true) });
