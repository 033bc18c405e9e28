import { z } from 'zod';

export const yearParam = z.coerce.number().int('Année invalide.').min(2000, 'Année invalide.').max(2100, 'Année invalide.');
/** A territory of a fixed table: the nation, a région or a département. */
export const territoryQuery = z.object({
  year: yearParam,
  level: z.enum(['nation', 'region', 'departement'], 'Niveau : nation, region ou departement.').default('nation'),
  code: z.string().regex(/^[0-9AB]{2,3}$/, 'Code de territoire invalide.').optional(),
});

export const essProfileQuery = z.object({ year: yearParam.optional() });
export const essExportQuery = z.object({ year: yearParam.optional(), format: z.enum(['csv', 'pdf'], 'Format : csv ou pdf.').default('pdf') });

const cell = z.union([
  z.object({ state: z.literal('value'), value: z.number(), n: z.number() }),
  z.object({ state: z.literal('suppressed'), rule: z.string() }),
  z.object({ state: z.literal('no_data') }),
]);
export const territoryFiguresResponse = z.object({
  year: z.number(),
  territory: z.object({ level: z.string(), code: z.string(), name: z.string() }),
  children: z.array(z.object({ level: z.string(), code: z.string(), name: z.string() })),
  indicators: z.array(z.object({ code: z.string(), label: z.string(), unit: z.string() })),
  figures: z.array(z.object({ indicator: z.string(), stat: z.string(), territory: z.object({ level: z.string(), code: z.string() }), cell })),
});
