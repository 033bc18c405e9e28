import { z } from 'zod';

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
