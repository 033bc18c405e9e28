import { z } from 'zod';

const year = z.coerce.number().int('Année invalide.').min(2000, 'Année invalide.').max(2100, 'Année invalide.');

export const plaquetteQuery = z.object({
  level: z.enum(['nation', 'region', 'departement'], 'Niveau attendu : nation, region ou departement.'),
  code: z.string().regex(/^[0-9AB]{2,3}$/, 'Code de territoire invalide.').optional(),
  year,
});

export const factSheetQuery = z.object({ year, format: z.enum(['pdf', 'json'], 'Format attendu : pdf ou json.').default('pdf') });

/** A structure's fact sheet as the web page shows it (format=json): the PDF's texts and tables, figures already written out in French. */
export const factSheetResponse = z.object({
  year: z.number(),
  structure: z.object({
    name: z.string(), kind: z.enum(['CS', 'EVS']), kindLabel: z.string(), communeName: z.string(), postalCode: z.string().nullable(), departementName: z.string(),
  }),
  intro: z.string(),
  sentences: z.array(z.string()),
  indicators: z.array(z.object({ code: z.string(), label: z.string(), own: z.string(), group: z.string(), position: z.string() })),
  evolution: z.object({
    years: z.array(z.number()),
    rows: z.array(z.object({ code: z.string(), label: z.string(), cells: z.array(z.object({ own: z.string(), group: z.string() })) })),
  }),
  notes: z.array(z.object({ letter: z.string(), text: z.string() })),
});
