import { z } from 'zod';

const year = z.coerce.number().int().min(2000, 'Année invalide.').max(2100, 'Année invalide.');

export const diffQuery = z.object({ from: year, to: year });
