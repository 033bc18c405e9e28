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
