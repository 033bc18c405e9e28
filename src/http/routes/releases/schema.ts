import { z } from 'zod';

export const releaseYearParam = z.coerce.number().int().min(2000).max(2100);
export const publishReleaseBody = z.object({
  note: z.string().max(2000, 'La note de version fait au plus 2 000 caractères.').default(''),
}).strict();
