import { z } from 'zod';
import { essStates } from '../../../domain/ess/profile';
import { responseStates } from '../../../domain/responseState';
import { yearParam } from '../stats/schema';

export const essProfileQuery = z.object({ year: yearParam.optional() });
export const essExportQuery = z.object({ year: yearParam.optional(), format: z.enum(['csv', 'pdf'], 'Format : csv ou pdf.').default('pdf') });

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
