import { z } from 'zod';

export const personalDataQuery = z.object({ format: z.enum(['json', 'csv'], 'Format attendu : json ou csv.').default('json') }).strict();
export const directionBody = z.object({
  successorId: z.number().int().positive('Choisissez la personne qui reprend la direction.'),
  /** The departing director leaves the structure instead of staying in its team. */
  leave: z.boolean().default(false),
}).strict();
export const removalResponse = z.object({ id: z.number(), pseudonym: z.string() });
