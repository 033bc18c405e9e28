import { AppError } from '../../domain/errors';
import { delimiterOf } from '../../domain/external/analyse';
import { decodeText, type TextEncodingName } from '../../domain/external/encoding';
import type { FileProblem } from '../../domain/external/types';
import { formatOf, readCsvTable, type AnswerTable, type TableFormat } from '../../domain/interchange/answerTable';
import { readXlsxTable } from '../files/answerTableFile';

export interface ReadFile { table: AnswerTable; format: TableFormat; encoding: TextEncodingName | null }

/**
 * Reads a CSV (encoding detected, separator detected) or XLSX file into a table; a file that cannot be
 * read at all gives one problem instead. The XLSX side loads the spreadsheet library: it is here, not in the domain.
 * @example const read = await readExternalFile(bytes); if ('problem' in read) …
 */
export async function readExternalFile(bytes: Uint8Array, format: TableFormat = formatOf(bytes)): Promise<ReadFile | { problem: FileProblem }> {
  if (bytes.length === 0) return { problem: { line: 1, column: '', cell: '1', kind: 'unreadable', message: 'Le fichier est vide.' } };
  try {
    if (format === 'xlsx') return { table: await readXlsxTable(bytes), format, encoding: null };
    const decoded = decodeText(bytes);
    if (!decoded.ok) return { problem: { line: decoded.line, column: '', cell: String(decoded.line), kind: 'encoding', message: decoded.message } };
    return { table: readCsvTable(decoded.text, delimiterOf(decoded.text)), format, encoding: decoded.encoding };
  } catch (e) {
    if (e instanceof AppError) return { problem: { line: 1, column: '', cell: '1', kind: 'unreadable', message: e.message } };
    throw e;
  }
}
