import { z } from 'zod';
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
