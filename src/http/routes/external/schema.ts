import { z } from 'zod';
import { tableFormats } from '../../../domain/interchange/answerTable';
import { columnRoles, matchMethods } from '../../../domain/external/types';
import { territoryLevels } from '../../../domain/disclosure';
import { units } from '../../../domain/indicators';
import { publishedCell } from '../stats/schema';

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

const columnMapping = z.object({ column: z.string(), role: z.enum(columnRoles), field: z.string().optional(), indicator: z.string().optional() });
const matchCandidate = z.object({ structureId: z.number(), name: z.string(), commune: z.string(), score: z.number() });

/** The external data sets with their counts, whether the reader may import, and the indicators a column may be compared with. */
export const datasetListResponse = z.object({
  canImport: z.boolean(),
  datasets: z.array(z.object({
    id: z.number(), name: z.string(), year: z.number(), source: z.string(), licence: z.string(), updatedAt: z.string(),
    rows: z.number(), matched: z.number(), proposals: z.number(),
  })),
  indicators: z.array(z.object({ code: z.string(), label: z.string(), unit: z.enum(units) })),
});

/** What an import read, matched and stored (or would store, on a dry run); a file with problems is a 400 carrying this report. */
export const importReportResponse = z.object({
  dataset: z.string(), year: z.number(), fileHash: z.string(), format: z.enum(tableFormats).nullable(), encoding: z.string().nullable(),
  columns: z.array(z.string()), mapping: z.object({ columns: z.array(columnMapping) }).nullable(),
  counts: z.object({ rows: z.number(), siret: z.number(), name: z.number(), proposals: z.number(), unknown: z.number() }),
  problems: z.array(z.object({
    line: z.number(), column: z.string(), cell: z.string(),
    kind: z.enum(['encoding', 'missing_column', 'malformed_number', 'duplicate', 'unknown_structure', 'wrong_year', 'unreadable']), message: z.string(),
  })),
  notes: z.array(z.object({ line: z.number(), message: z.string() })),
  proposals: z.array(z.object({ line: z.number(), name: z.string(), commune: z.string(), siret: z.string().nullable(), candidates: z.array(matchCandidate) })),
  stored: z.boolean(), unchanged: z.boolean(), dryRun: z.boolean(), rechecked: z.number(),
});

/** The concordance report of a data set with the observatory, for a reader (structure lines only where they may see them). */
export const concordanceReportResponse = z.object({
  tolerance: z.object({ absolute: z.number(), relative: z.number() }),
  indicators: z.array(z.object({
    field: z.string(), indicator: z.string(), label: z.string(), pairs: z.number(), beyondTolerance: z.number(), pearson: z.number().nullable(), spearman: z.number().nullable(),
  })),
  differences: z.array(z.object({
    structureId: z.number(), name: z.string(), departementCode: z.string(), line: z.number(),
    indicator: z.string(), external: z.number(), observed: z.number(), absolute: z.number(), relative: z.number().nullable(),
  })),
  aggregates: z.array(z.object({
    indicator: z.string(), territory: z.object({ level: z.enum(territoryLevels), code: z.string() }), external: publishedCell, observatory: publishedCell,
    difference: z.object({ absolute: z.number(), relative: z.number().nullable() }).nullable(),
  })),
  unmatched: z.object({
    external: z.array(z.object({ line: z.number(), siret: z.string().nullable(), name: z.string(), commune: z.string(), method: z.enum(matchMethods) })),
    observatory: z.array(z.object({ structureId: z.number(), name: z.string(), departementCode: z.string() })),
  }),
  hiddenStructures: z.number(),
  dataset: z.object({ name: z.string(), year: z.number(), source: z.string(), licence: z.string(), rows: z.number() }),
  scope: z.enum(['all', 'territory']),
});

/** Rows awaiting a person's decision, and those decided, with the closest structures. */
export const proposalListResponse = z.object({
  items: z.array(z.object({
    line: z.number(), siret: z.string().nullable(), name: z.string(), commune: z.string(), state: z.enum(['proposal', 'confirmed', 'rejected']),
    structure: z.object({ id: z.number(), name: z.string(), commune: z.string() }).nullable(), candidates: z.array(matchCandidate),
  })),
  total: z.number(),
});

/** Rows changed by the decisions, and responses re-checked because their rules read the data set. */
export const proposalDecisionResponse = z.object({ changed: z.number(), rechecked: z.number() });
