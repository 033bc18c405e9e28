import { z } from 'zod';
import { tableFormats } from '../../../domain/interchange/answerTable';

export const exportQuery = z.object({
  format: z.enum(tableFormats).default('csv'),
  level: z.enum(['nation', 'region', 'departement']).default('nation'),
  code: z.string().regex(/^[0-9AB]{2,3}$/, 'Code de territoire invalide.').optional(),
});

export const importQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  format: z.enum(tableFormats).optional(),
});

/** An import's report: rows and answers read, answers written and responses created (none on a dry run), problems (none on a success). */
export const importReport = z.object({
  year: z.number(), rows: z.number(), answers: z.number(), written: z.number(), responsesCreated: z.number(),
  stored: z.boolean(), dryRun: z.boolean(),
  problems: z.array(z.object({ row: z.number(), column: z.string(), cell: z.string(), message: z.string() })),
});
