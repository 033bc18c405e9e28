/**
 * Answer tables as XLSX workbooks (exceljs, loaded on first use; first sheet), and CSV or XLSX chosen by
 * format. The CSV side and the table shape are pure, in src/domain/interchange/answerTable.ts.
 */
import type ExcelJSTypes from 'exceljs';
import { lazyModule } from '../../lazyModule';
import { AppError } from '../../domain/errors';
import { answerTableCsv, formatOf, readCsvTable, tableOfGrid, type AnswerTable, type RawCell, type TableFormat } from '../../domain/interchange/answerTable';

const ExcelJS = lazyModule<typeof ExcelJSTypes>('exceljs');

/**
 * Reads a CSV or XLSX answer table; blank rows are skipped but keep numbering the rows after them.
 * @example const table = await readAnswerTable(await readFile('reponses-2024.csv'));
 * table.columns; // ['siret', 'structure', 'participation.benevoles', …]
 */
export async function readAnswerTable(bytes: Uint8Array, format: TableFormat = formatOf(bytes)): Promise<AnswerTable> {
  return format === 'xlsx' ? tableOfGrid(await readXlsx(bytes)) : readCsvTable(new TextDecoder('utf-8').decode(bytes));
}

/**
 * The first sheet of an XLSX workbook as a table.
 * @example (await readXlsxTable(bytes)).columns
 */
export async function readXlsxTable(bytes: Uint8Array): Promise<AnswerTable> {
  return tableOfGrid(await readXlsx(bytes));
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
  if (format === 'csv') return answerTableCsv(table);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('réponses');
  sheet.addRow(table.columns);
  for (const row of table.rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
