import { z } from 'zod';

const year = z.coerce.number().int().min(2000, 'Année invalide.').max(2100, 'Année invalide.');

export const diffQuery = z.object({ from: year, to: year });

/** A page, panel or question of a definition: kept loose on purpose, SurveyJS owns that schema. */
const definitionElement = z.looseObject({ type: z.string().optional(), name: z.string(), elements: z.array(z.looseObject({ name: z.string() })).optional() });

/** A yearly questionnaire: SurveyJS JSON (its own properties pass through) with our `senacs` block. */
export const questionnaireDefinition = z.looseObject({
  title: z.string().optional(), description: z.string().optional(), locale: z.string().optional(),
  senacs: z.object({ year: z.number(), theme: z.string(), mappings: z.array(z.object({ from: z.string(), to: z.string(), kind: z.literal('meaning'), note: z.string() })) }),
  pages: z.array(definitionElement),
});

/** What changed between two years' questionnaires: codes added and removed, wording, meaning, choices, metadata. */
export const questionnaireDiffResponse = z.object({
  from: z.number(), to: z.number(), added: z.array(z.string()), removed: z.array(z.string()),
  wording: z.array(z.object({ code: z.string(), before: z.string(), after: z.string() })),
  meaning: z.array(z.object({ from: z.string(), to: z.string(), note: z.string() })),
  choices: z.array(z.object({ code: z.string(), added: z.array(z.string()), removed: z.array(z.string()), relabelled: z.array(z.string()) })),
  metadata: z.array(z.object({ code: z.string(), property: z.enum(['unit', 'aggregate', 'disclosure']), before: z.string(), after: z.string() })),
});

/** Proposals of change to a year's questionnaire, grouped by question, most proposed first. */
export const proposalsResponse = z.object({
  year: z.number(),
  items: z.array(z.object({
    code: z.string(), label: z.string().nullable(), count: z.number(),
    proposals: z.array(z.object({ id: z.number(), body: z.string(), at: z.string(), author: z.string(), structure: z.object({ id: z.number(), name: z.string(), departementCode: z.string() }) })),
  })),
  total: z.number(), proposals: z.number(),
});
