import { z } from 'zod';
import { tableFormats } from '../../../domain/interchange/answerTable';
import { editableColumns } from '../../../app/editStructureIdentity';

export const importQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  format: z.enum(tableFormats).optional(),
});

export const templateQuery = z.object({ format: z.enum(tableFormats).default('csv') });

export const identityBody = z.strictObject(Object.fromEntries(editableColumns.map((c) => [c, z.string().max(2000).optional()])) as Record<(typeof editableColumns)[number], z.ZodOptional<z.ZodString>>);

export const correctionBody = z.object({ body: z.string().trim().min(5, 'Décrivez la correction (5 caractères au moins).').max(2000, '2 000 caractères au plus.') });

export const closeCorrectionBody = z.object({ state: z.enum(['done', 'declined'], { message: 'État attendu : done (corrigée) ou declined (refusée).' }) });
