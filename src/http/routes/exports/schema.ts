import { z } from 'zod';
import { dashboardQuery, positionQuery } from '../compare/schema';
import { tableSchemaView } from '../directory/schema';
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

/** GET /api/opendata/:year: the files of a campaign's open data, with their schemas and the licence. */
export const openDataListResponse = z.object({
  year: z.number().int(),
  licence: z.object({ name: z.string(), title: z.string(), path: z.string() }),
  datapackage: z.string(),
  items: z.array(z.object({ name: z.string(), title: z.string(), description: z.string(), rows: z.number().int().min(0), csv: z.string(), schema: z.string() })),
  total: z.number().int().min(0),
});

/** datapackage.json of a campaign's open data (Frictionless Tabular Data Package; each resource names its schema file). */
const dataPackageView = z.object({
  profile: z.literal('tabular-data-package'), name: z.string(), title: z.string(), description: z.string(),
  licenses: z.array(z.object({ name: z.string(), title: z.string(), path: z.string() })),
  resources: z.array(z.object({
    profile: z.literal('tabular-data-resource'), name: z.string(), path: z.string(), title: z.string(), description: z.string(), format: z.literal('csv'),
    mediatype: z.literal('text/csv'), encoding: z.literal('utf-8'), dialect: z.object({ delimiter: z.string(), header: z.boolean() }), schema: z.string(),
  })),
});

/** An open data file sent as JSON: datapackage.json, or a CSV's Table Schema (<name>.schema.json). */
export const openDataJsonFile = z.union([dataPackageView, tableSchemaView]);
