import type { Db } from '../../db/connection';
import { exampleSources } from '../../db/external.repo';
import { elisfaExample } from '../../domain/external/example';
import { AppError } from '../../domain/errors';
import type { TableFormat } from '../../domain/interchange/answerTable';
import { writeAnswerTable } from '../files/answerTableFile';
import { writeCsv } from '../../domain/csv';

/**
 * The ELISFA-shaped example data set of a campaign year, generated from this database's answers (so it
 * matches its structures), as a semicolon CSV in UTF-8 like the branch's exports, or XLSX.
 * @example await writeFile('elisfa.csv', await externalExample({ db, year: 2024 }));
 */
export async function externalExample(p: { db: Db; year: number; format?: TableFormat }): Promise<Uint8Array> {
  const sources = await exampleSources(p.db, p.year);
  if (sources.length === 0) throw new AppError('not_found', `Aucune réponse pour ${p.year} : impossible de générer l’exemple.`);
  const [header, ...rows] = elisfaExample(sources, p.year);
  if (p.format === 'xlsx') return writeAnswerTable({ columns: header, rows }, 'xlsx');
  return new TextEncoder().encode(writeCsv(header, rows, { delimiter: ';', decimal: ',', bom: true, finalNewline: true }));
}
