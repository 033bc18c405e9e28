import { z } from 'zod';
import { managementModes, qpvStatuses, territoryTypes } from '../../../domain/indicators';
import { responseStates } from '../../../domain/responseState';
import { roles } from '../../../domain/roles';
import { cashSignal, regionCode } from '../stats/schema';

const code = (re: RegExp, what: string) => z.string().regex(re, `${what} invalide.`);

export const structureListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  region: code(/^\d{2}$/, 'Code région').optional(),
  departement: code(/^(\d{2}|2A|2B|97\d)$/, 'Code département').optional(),
  commune: code(/^(\d{5}|2[AB]\d{3})$/, 'Code commune').optional(),
  kind: z.enum(['CS', 'EVS']).optional(),
  management: z.enum(managementModes).optional(),
  qpv: z.enum(qpvStatuses).optional(),
  territory: z.enum(territoryTypes).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** A structure's public identity as the directory lists it. */
export const structureSummary = z.object({
  id: z.number(), kind: z.enum(['CS', 'EVS']), name: z.string(), siret: z.string().nullable(), address: z.string().nullable(), postalCode: z.string().nullable(),
  communeCode: z.string(), communeName: z.string(), departementCode: z.string(), regionCode: z.string(), lat: z.number().nullable(), lon: z.number().nullable(),
  email: z.string().nullable(), website: z.string().nullable(), management: z.string(), federationMember: z.boolean(), territoryType: z.string(),
  qpvStatus: z.string(), npnruStage: z.string(), npnruInterest: z.string().nullable(), travellers: z.boolean(), multiSite: z.boolean(),
  itinerant: z.boolean(), firstApprovalOn: z.string().nullable(),
});

export const structureListResponse = z.object({ items: z.array(structureSummary), total: z.number() });

/** A structure's public identity card: its directory data, commune and département names, and approvals. */
export const structureIdentity = structureSummary.extend({
  communePopulation: z.number(), departementName: z.string(),
  approvals: z.array(z.object({ kind: z.string(), startsOn: z.string(), endsOn: z.string().nullable() })),
});

/** A structure's team (private). */
export const structureTeamResponse = z.object({
  items: z.array(z.object({ id: z.number(), name: z.string(), email: z.string(), role: z.enum(roles) })), total: z.number(),
});

/** A structure's responses to the campaigns, newest year first (private). */
export const structureResponsesResponse = z.object({
  items: z.array(z.object({
    id: z.number(), year: z.number(), state: z.enum(responseStates), submittedAt: z.string().nullable(), validatedAt: z.string().nullable(),
    updatedAt: z.string(), answerCount: z.number(),
  })),
  total: z.number(),
});

export const directionBody = z.object({
  successorId: z.number().int().positive('Choisissez la personne qui reprend la direction.'),
  /** The departing director leaves the structure instead of staying in its team. */
  leave: z.boolean().default(false),
}).strict();

/** The direction handed over: the successor, and the directors who stepped down. */
export const directionResponse = z.object({ structureId: z.number(), directorId: z.number(), departing: z.array(z.number()) });

const euros = z.number().nullable();

/** A structure's cash indicators and difficulty signal, each year it answered (private). */
export const structureCashResponse = z.object({
  structureId: z.number(),
  thresholds: z.object({ alertDays: z.number(), watchDays: z.number(), deficitShare: z.number(), delayDays: z.number(), bankChargesShare: z.number(), funderShare: z.number() }),
  years: z.array(z.object({
    year: z.number(), responseState: z.enum(responseStates), cash: euros, expenses: euros, income: euros, cashDays: euros,
    workingCapital: z.object({ computable: z.literal(false), missing: z.array(z.string()) }),
    reservesDays: euros, bankCharges: euros, bankChargesShare: euros, paymentDelayDays: euros,
    largestFunder: z.object({ key: z.string(), label: z.string(), amount: z.number(), share: z.number() }).nullable(),
    result: euros, signal: cashSignal,
  })),
});

export const structurePointsQuery = z.object({
  region: regionCode.optional(),
  departement: z.string().regex(/^[0-9AB]{2,3}$/, 'Code de département invalide.').optional(),
  kind: z.enum(['CS', 'EVS'], 'Type de structure inconnu : CS ou EVS.').optional(),
});

export const structurePointsResponse = z.object({
  total: z.number(), withoutCoordinates: z.number(),
  items: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string(), lon: z.number(), lat: z.number(), communeName: z.string(), departementCode: z.string() })),
});
