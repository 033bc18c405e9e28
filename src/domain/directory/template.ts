/**
 * The directory template's rows (the header, then two example rows) and its Table Schema; the file itself
 * (CSV or XLSX) is written by directoryTemplate in src/app.
 */
import type { RawCell } from '../interchange/answerTable';
import { tableSchema, type TableSchema } from '../tableSchema';
import { directoryColumns } from './columns';

/** Two rows that pass the checks: a centre social of Lyon with both approvals, an EVS of Villeurbanne. */
export const templateRows: RawCell[][] = [
  ['73282932000074', 'Centre social de la Croix-Rousse', 'CS', '12 rue d’Austerlitz', '69004', '69123', '2024-01-01', '2027-12-31', '2024-01-01', '2027-12-31', 'association', 'oui', 'QN06901M', 'direction@cs-croix-rousse.example.fr', ''],
  ['44306184100047', 'Espace de vie sociale des Buers', 'EVS', '3 place des Buers', '69100', '69266', '2025-01-01', '2028-12-31', '', '', 'collectivite', 'non', '', '', ''],
];

/**
 * The Table Schema (Frictionless) of the directory file.
 * @example directorySchema().primaryKey // ['siret']
 */
export function directorySchema(): TableSchema {
  return tableSchema(directoryColumns, ['siret']);
}
