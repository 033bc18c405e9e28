import { z } from 'zod';
import { managementModes, qpvStatuses, territoryTypes } from '../../../domain/indicators';

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

export const structureSummary = z.object({
  id: z.number(), kind: z.enum(['CS', 'EVS']), name: z.string(), commune_code: z.string(), commune_name: z.string(),
  departement_code: z.string(), region_code: z.string(), management: z.string(), qpv_status: z.string(),
});

export const structureListResponse = z.object({ items: z.array(structureSummary), total: z.number() });
