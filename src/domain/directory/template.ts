/**
 * The downloadable directory template (CSV or XLSX: the header, then two example rows) and its Table Schema.
 */
import { tableSchema, type TableSchema } from '../../reports/opendata/schema';
import { writeAnswerTable, type RawCell, type TableFormat } from '../interchange/answerTable';
import { directoryColumns } from './columns';

/** Two rows that pass the checks: a centre social of Lyon with both approvals, an EVS of Villeurbanne. */
export const templateRows: RawCell[][] = [
  ['73282932000074', 'Centre social de la Croix-Rousse', 'CS', '12 rue d’Austerlitz', '69004', '69123', '2024-01-01', '2027-12-31', '2024-01-01', '2027-12-31', 'association', 'oui', 'QN06901M', 'direction@cs-croix-rousse.example.fr', ''],
  ['44306184100047', 'Espace de vie sociale des Buers', 'EVS', '3 place des Buers', '69100', '69266', '2025-01-01', '2028-12-31', '', '', 'collectivite', 'non', '', '', ''],
];

/**
 * The template file in a format.
 * @example await writeFile('annuaire-modele.csv', await directoryTemplate('csv'));
 */
export function directoryTemplate(format: TableFormat): Promise<Uint8Array> {
  return writeAnswerTable({ columns: directoryColumns.map((c) => c.name), rows: templateRows }, format);
}

/**
 * The Table Schema (Frictionless) of the directory file.
 * @example directorySchema().primaryKey // ['siret']
 */
export function directorySchema(): TableSchema {
  return tableSchema(directoryColumns, ['siret']);
}
