import { z } from 'zod';

/** The régions of France (COG), by name. */
export const regionListResponse = z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })), total: z.number() });

/** Départements (COG) with their région, by code. */
export const departementListResponse = z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), region_code: z.string() })), total: z.number() });

/** Communes matching a search, most populated first. */
export const communeListResponse = z.object({
  items: z.array(z.object({
    code: z.string(), name: z.string(), departement_code: z.string(), postal_code: z.string().nullable(), population: z.number(), epci_code: z.string().nullable(),
  })),
  total: z.number(),
});
