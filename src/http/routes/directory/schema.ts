import { z } from 'zod';
import { tableFormats } from '../../../domain/interchange/answerTable';
import { editableColumns } from '../../../app/structures/editStructureIdentity';
import { comparedFields } from '../../../domain/directory/diff';

export const importQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  format: z.enum(tableFormats).optional(),
});

export const templateQuery = z.object({ format: z.enum(tableFormats).default('csv') });

export const identityBody = z.strictObject(Object.fromEntries(editableColumns.map((c) => [c, z.string().max(2000).optional()])) as Record<(typeof editableColumns)[number], z.ZodOptional<z.ZodString>>);

export const correctionBody = z.object({ body: z.string().trim().min(5, 'Décrivez la correction (5 caractères au moins).').max(2000, '2 000 caractères au plus.') });

export const closeCorrectionBody = z.object({ state: z.enum(['done', 'declined'], { message: 'État attendu : done (corrigée) ou declined (refusée).' }) });

/** A Table Schema (Frictionless), as src/domain/tableSchema.ts writes it: the directory file's, and each open data file's. */
export const tableSchemaView = z.object({
  fields: z.array(z.object({
    name: z.string(), type: z.string(), title: z.string(), description: z.string(), unit: z.string().optional(), format: z.string().optional(),
    constraints: z.object({
      // The Table Schema constraints (Frictionless) the code writes.
      required: z.boolean().optional(), unique: z.boolean().optional(), enum: z.array(z.string()).optional(), pattern: z.string().optional(),
      minimum: z.number().optional(), maximum: z.number().optional(), minLength: z.number().optional(), maxLength: z.number().optional(),
    }).optional(),
  })),
  missingValues: z.array(z.string()),
  primaryKey: z.array(z.string()).optional(),
});

const approval = z.object({ kind: z.enum(['animation_globale', 'animation_collective_familles', 'evs']), startsOn: z.string(), endsOn: z.string().nullable() });
/** A field of a structure that changed, with its value before and after (text, yes/no, QPV codes or approvals). */
const fieldChange = z.object({
  field: z.enum(comparedFields),
  before: z.union([z.string(), z.boolean(), z.array(z.string()), z.array(approval)]).nullable(),
  after: z.union([z.string(), z.boolean(), z.array(z.string()), z.array(approval)]).nullable(),
});

/** What a directory import changes (or would change, on a dry run); a file with problems is a 400 carrying this report. */
export const directoryReportResponse = z.object({
  rows: z.number(), dryRun: z.boolean(), stored: z.boolean(),
  problems: z.array(z.object({ row: z.number(), column: z.string(), cell: z.string(), message: z.string() })),
  created: z.array(z.object({
    row: z.number(), siret: z.string(), name: z.string(), communeCode: z.string(), kind: z.enum(['CS', 'EVS']), endedOn: z.string().nullable(), splitFrom: z.array(z.string()),
  })),
  updated: z.array(z.object({
    id: z.number(), row: z.number(), siret: z.string(), name: z.string(), changes: z.array(fieldChange), tookOver: z.array(z.string()), splitFrom: z.array(z.string()),
  })),
  takenOver: z.array(z.object({ id: z.number(), siret: z.string().nullable(), name: z.string(), endedOn: z.string(), successorSiret: z.string() })),
  ended: z.array(z.object({ siret: z.string(), name: z.string(), endedOn: z.string() })),
  absent: z.array(z.object({ id: z.number(), siret: z.string().nullable(), name: z.string() })),
  unchanged: z.number(),
});

/** A structure's identity after a correction: the fields that changed (none when the patch changed nothing). */
export const identityEditResponse = z.object({ id: z.number(), changes: z.array(fieldChange) });

const correctionState = z.enum(['open', 'done', 'declined']);

/** Correction requests, newest first. */
export const correctionListResponse = z.array(z.object({
  id: z.number(), structureId: z.number(), structureName: z.string(), body: z.string(), state: correctionState,
  createdAt: z.string(), closedAt: z.string().nullable(), authorName: z.string().nullable(),
}));

/** A correction request just made. */
export const correctionCreatedResponse = z.object({ id: z.number() });

/** A correction request just closed. */
export const correctionClosedResponse = z.object({ id: z.number(), state: z.enum(['done', 'declined']) });
