import { z } from 'zod';
import { yearParam } from '../stats/schema';

export const factSheetQuery = z.object({ year: yearParam, format: z.enum(['pdf', 'json'], 'Format attendu : pdf ou json.').default('pdf') });

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
