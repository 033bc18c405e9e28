import { z } from 'zod';
import { essStates } from '../../../domain/ess/profile';
import { responseStates } from '../../../domain/responseState';
import { publishedCell } from '../compare/schema';

export const yearParam = z.coerce.number().int('Année invalide.').min(2000, 'Année invalide.').max(2100, 'Année invalide.');
/** A territory of a fixed table: the nation, a région or a département. */
export const territoryQuery = z.object({
  year: yearParam,
  level: z.enum(['nation', 'region', 'departement'], 'Niveau : nation, region ou departement.').default('nation'),
  code: z.string().regex(/^[0-9AB]{2,3}$/, 'Code de territoire invalide.').optional(),
});

export const essProfileQuery = z.object({ year: yearParam.optional() });
export const essExportQuery = z.object({ year: yearParam.optional(), format: z.enum(['csv', 'pdf'], 'Format : csv ou pdf.').default('pdf') });

const cell = publishedCell;
export const territoryFiguresResponse = z.object({
  year: z.number(),
  territory: z.object({ level: z.string(), code: z.string(), name: z.string() }),
  children: z.array(z.object({ level: z.string(), code: z.string(), name: z.string() })),
  indicators: z.array(z.object({ code: z.string(), label: z.string(), unit: z.string() })),
  figures: z.array(z.object({ indicator: z.string(), stat: z.string(), territory: z.object({ level: z.string(), code: z.string() }), cell })),
});

const essItem = z.object({ key: z.string(), label: z.string(), state: z.enum(essStates), reason: z.string(), evidence: z.array(z.string()), codes: z.array(z.string()) });
const count = z.number().nullable();

/** A structure's ESS profile for a year: its identity, the law's criteria and the guide's good practice, read from its answers (private). */
export const essProfileResponse = z.object({
  structure: z.object({
    id: z.number(), name: z.string(), kind: z.enum(['CS', 'EVS']), siret: z.string().nullable(), address: z.string().nullable(), postalCode: z.string().nullable(),
    commune: z.string(), departementCode: z.string(), departementName: z.string(), regionCode: z.string(), management: z.string(),
  }),
  year: z.number(), years: z.array(z.number()), responseState: z.enum(responseStates),
  profile: z.object({
    management: z.string().nullable(), status: z.enum(['ess_by_status', 'outside', 'unknown']), statusReason: z.string(),
    facts: z.object({
      adherents: count, agDate: z.string().nullable(), agPresents: count, agAttendance: count, board: count, boardWomen: count, boardWomenShare: count,
      boardUnder30: count, boardOver60: count, boardInhabitants: count, boardInhabitantsShare: count, boardInstitutions: count, boardInstitutionsShare: count,
      boardOthers: count, volunteers: count, volunteerHours: count, ownFunds: count, reserves: count, result: count,
    }),
    criteria: z.array(essItem), goodPractice: z.array(essItem),
    summary: z.object({ met: z.number(), notMet: z.number(), unknown: z.number() }),
    notAsked: z.array(z.string()),
  }),
});
