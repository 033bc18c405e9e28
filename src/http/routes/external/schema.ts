import { z } from 'zod';
import { tableFormats } from '../../../domain/interchange/answerTable';
import { columnRoles } from '../../../domain/external/types';

const year = z.coerce.number({ message: 'Année attendue (quatre chiffres).' }).int().min(2000, 'Année attendue entre 2000 et 2100.').max(2100, 'Année attendue entre 2000 et 2100.');
const datasetName = z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, 'Nom de jeu de données invalide : lettres minuscules, chiffres, « - » ou « _ ».');
const tolerance = z.coerce.number({ message: 'Tolérance : un nombre est attendu.' }).min(0, 'La tolérance ne peut pas être négative.').max(1e12).optional();

export const importQuery = z.object({
  dataset: datasetName,
  year,
  dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  format: z.enum(tableFormats).optional(),
});

/** Form fields sent with the file (multipart), as JSON text. */
export const mappingSchema = z.object({
  columns: z.array(z.object({
    column: z.string().max(200),
    role: z.enum(columnRoles),
    field: z.string().max(40).optional(),
    indicator: z.string().max(80).optional(),
  })).max(300),
});
export const confirmationsSchema = z.record(z.string().regex(/^\d{1,7}$/, 'Numéro de ligne attendu.'), z.number().int().positive().max(2_147_483_647).nullable());
/** A person's review of an imported data set's proposed matches: line → structure id, or null to reject. */
export const decisionsBody = z.object({ decisions: confirmationsSchema.refine((d) => Object.keys(d).length <= 5000, 'Au plus 5 000 décisions par envoi.') });
export const metaSchema = z.object({ source: z.string().max(500).optional(), licence: z.string().max(200).optional() });

export const reportQuery = z.object({ toleranceAbs: tolerance, toleranceRel: tolerance });
export const exportQuery = reportQuery.extend({ format: z.enum(tableFormats).default('csv') });
export const exampleQuery = z.object({ year, format: z.enum(tableFormats).default('csv') });
export const datasetParams = { name: datasetName, year };
