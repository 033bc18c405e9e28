import { directoryColumns } from '../../domain/directory/columns';
import { templateRows } from '../../domain/directory/template';
import type { TableFormat } from '../../domain/interchange/answerTable';
import { writeAnswerTable } from '../files/answerTableFile';

/**
 * The downloadable directory template in a format (CSV or XLSX): the header, then two example rows.
 * @example await writeFile('annuaire-modele.csv', await directoryTemplate('csv'));
 */
export function directoryTemplate(format: TableFormat): Promise<Uint8Array> {
  return writeAnswerTable({ columns: directoryColumns.map((c) => c.name), rows: templateRows }, format);
}
