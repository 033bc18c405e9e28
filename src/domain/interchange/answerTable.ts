/**
 * Answer tables as files: one row per structure (identified by SIRET), one column per indicator code.
 * CSV (papaparse; comma or semicolon, detected) and XLSX (exceljs, first sheet). Cells keep their raw
 * type (a number cell of a workbook stays a number); converting them is cellValue.ts's job.
 */
import type ExcelJSTypes from 'exceljs';
import { lazyModule } from '../../lazyModule';
import Papa from 'papaparse';
import { AppError } from '../errors';
import { unguardCell, writeCsv } from '../csv';

const ExcelJS = lazyModule<typeof ExcelJSTypes>('exceljs');

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
 * Reads a CSV or XLSX answer table; blank rows are skipped but keep numbering the rows after them.
 * @example const table = await readAnswerTable(await readFile('reponses-2024.csv'));
 * table.columns; // ['siret', 'structure', 'participation.benevoles', …]
 */
export async function readAnswerTable(bytes: Uint8Array, format: TableFormat = formatOf(bytes)): Promise<AnswerTable> {
  return tableOfGrid(format === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes));
}

/**
 * A table from CSV text already decoded (external data sets detect their encoding first, then share this reader).
 * @example readCsvTable('siret;nom\n73282932000074;Centre\n').rows[0].cells // ['73282932000074', 'Centre']
 */
export function readCsvTable(text: string, delimiter?: string): AnswerTable {
  return tableOfGrid(parseCsvText(text, delimiter));
}

/**
 * The first sheet of an XLSX workbook as a table.
 * @example (await readXlsxTable(bytes)).columns
 */
export async function readXlsxTable(bytes: Uint8Array): Promise<AnswerTable> {
  return tableOfGrid(await readXlsx(bytes));
}

function tableOfGrid(grid: RawCell[][]): AnswerTable {
  const [header = [], ...body] = grid;
  const columns = header.map((c) => String(c ?? '').trim());
  const rows = body.map((cells, i) => ({ row: i + 2, cells }))
    .filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== ''));
  return { columns, rows };
}

function readCsv(bytes: Uint8Array): RawCell[][] {
  return parseCsvText(new TextDecoder('utf-8').decode(bytes));
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

async function readXlsx(bytes: Uint8Array): Promise<RawCell[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJSTypes.Buffer);
  } catch {
    throw new AppError('validation_failed', 'Le fichier n’est pas un classeur .xlsx lisible.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('validation_failed', 'Le classeur ne contient aucune feuille.');
  const grid: RawCell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: RawCell[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, sheet.columnCount); c++) cells.push(rawOf(row.getCell(c)));
    grid.push(cells);
  }
  return grid;
}

function rawOf(cell: ExcelJSTypes.Cell): RawCell {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) {
    const result = (v as ExcelJSTypes.CellFormulaValue).result;
    return typeof result === 'number' || typeof result === 'boolean' || typeof result === 'string' ? result : cell.text;
  }
  return cell.text;
}

/**
 * Writes an answer table as CSV (UTF-8 with BOM, comma-separated, dot decimals; through the one CSV writer,
 * so a free-text answer never starts a formula in a spreadsheet) or XLSX (cells are values, never formulas).
 * @example await writeFile('reponses-2024.csv', await writeAnswerTable({ columns, rows }, 'csv'));
 */
export async function writeAnswerTable(table: { columns: string[]; rows: RawCell[][] }, format: TableFormat): Promise<Uint8Array> {
  if (format === 'csv') {
    return new TextEncoder().encode(writeCsv(table.columns, table.rows, { delimiter: ',', decimal: '.', bom: true, finalNewline: true }));
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('réponses');
  sheet.addRow(table.columns);
  for (const row of table.rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
