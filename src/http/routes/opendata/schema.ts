import { z } from 'zod';
import { tableSchemaView } from '../directory/schema';

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
