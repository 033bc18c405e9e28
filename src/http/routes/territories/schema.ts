import { z } from 'zod';

/** The régions of France (COG), by name. */
export const regionListResponse = z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })), total: z.number() });

/** Départements (COG) with their région, by code. */
export const departementListResponse = z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), regionCode: z.string() })), total: z.number() });

/** Communes matching a search, most populated first. */
export const communeListResponse = z.object({
  items: z.array(z.object({
    code: z.string(), name: z.string(), departementCode: z.string(), postalCode: z.string().nullable(), population: z.number(), epciCode: z.string().nullable(),
  })),
  total: z.number(),
});
