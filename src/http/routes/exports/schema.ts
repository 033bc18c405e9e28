import { z } from 'zod';
import { dashboardQuery } from '../stats/schema';
import { positionQuery } from '../structures/position.schema';
import { structureListQuery } from '../structures/schema';

/** `csv` (UTF-8 with BOM, `;`, decimal comma: opens as is in a French spreadsheet) or `xlsx`. */
export const exportFormat = z.object({ format: z.enum(['csv', 'xlsx'], 'Format : « csv » ou « xlsx ».').default('csv') });

export const dashboardExportQuery = dashboardQuery.extend(exportFormat.shape);
export const positionExportQuery = positionQuery.extend(exportFormat.shape);
export const directoryExportQuery = structureListQuery.omit({ page: true, pageSize: true }).extend(exportFormat.shape);
export const responsesExportQuery = z.object({
  level: z.enum(['nation', 'region', 'departement']).default('nation'),
  code: z.string().regex(/^[0-9AB]{2,3}$/, 'Code de territoire invalide.').optional(),
  state: z.enum(['not_started', 'in_progress', 'submitted', 'returned', 'validated', 'locked']).optional(),
  ...exportFormat.shape,
});
