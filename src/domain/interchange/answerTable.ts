/**
 * Answer tables as files: one row per structure (identified by SIRET), one column per indicator code.
 * CSV (papaparse; comma or semicolon, detected) here; XLSX (exceljs, first sheet) in src/app/files/answerTableFile.ts,
 * which loads the spreadsheet library. Cells keep their raw type (a number cell of a workbook stays a
 * number); converting them is cellValue.ts's job.
 */
import Papa from 'papaparse';
import { AppError } from '../errors';
import { unguardCell, writeCsv } from '../csv';

export const tableFormats = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof tableFormats)[number];

export type RawCell = string | number | boolean | null;

/** A table read from a file: its header and its rows, each with its spreadsheet row number (header = 1). */
export interface AnswerTable {
  columns: string[];
  rows: { row: number; cells: RawCell[] }[];
}

/**
 * The format of a file from its first bytes: an .xlsx workbook is a zip ("PK"), anything else is read as CSV.
 * @example formatOf(await readFile('réponses.xlsx')); // 'xlsx'
 */
export function formatOf(bytes: Uint8Array): TableFormat {
  return bytes[0] === 0x50 && bytes[1] === 0x4b ? 'xlsx' : 'csv';
}

/**
 * A table from CSV text already decoded (external data sets detect their encoding first, then share this reader).
 * @example readCsvTable('siret;nom\n73282932000074;Centre\n').rows[0].cells // ['73282932000074', 'Centre']
 */
export function readCsvTable(text: string, delimiter?: string): AnswerTable {
  return tableOfGrid(parseCsvText(text, delimiter));
}

/**
 * A table from a grid of cells (first row: the header); blank rows are skipped but keep numbering the rows after them.
 * @example tableOfGrid([['siret', 'nom'], [null, null], ['73282932000074', 'Centre']]).rows // [{ row: 3, cells: ['73282932000074', 'Centre'] }]
 */
export function tableOfGrid(grid: RawCell[][]): AnswerTable {
  const [header = [], ...body] = grid;
  const columns = header.map((c) => String(c ?? '').trim());
  const rows = body.map((cells, i) => ({ row: i + 2, cells }))
    .filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== ''));
  return { columns, rows };
}

function parseCsvText(source: string, delimiter?: string): RawCell[][] {
  let text = source;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) throw new AppError('validation_failed', 'Le fichier n’est pas un CSV lisible (caractère nul).');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, ...(delimiter ? { delimiter } : {}) });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new AppError('validation_failed', `CSV illisible, ligne ${(fatal.row ?? 0) + 1} : guillemets non refermés.`);
  // A cell our own export guarded against formulas ("'=…") reads back as the text that was answered.
  return parsed.data.map((r) => r.map((c) => (c === '' ? null : unguardCell(c))));
}

/**
 * Writes an answer table as CSV: UTF-8 with BOM, comma-separated, dot decimals, through the one CSV writer,
 * so a free-text answer never starts a formula in a spreadsheet.
 * @example new TextDecoder().decode(answerTableCsv({ columns: ['siret'], rows: [['73282932000074']] })) // '\uFEFFsiret\n73282932000074\n'
 */
export function answerTableCsv(table: { columns: string[]; rows: RawCell[][] }): Uint8Array {
  return new TextEncoder().encode(writeCsv(table.columns, table.rows, { delimiter: ',', decimal: '.', bom: true, finalNewline: true }));
}
