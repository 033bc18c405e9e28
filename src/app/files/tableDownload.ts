import { spreadsheetCsv, toCsv } from '../../reports/table/csv';
import { fileSlug, type Table } from '../../reports/table/table';
import { toXlsx } from '../../reports/table/xlsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file to download: its name, its type and its content. */
export interface Download { filename: string; contentType: string; body: string | Uint8Array<ArrayBuffer> }

/**
 * A table as a file for spreadsheets: CSV (UTF-8 with BOM, `;`, free text never starting a formula) or XLSX,
 * named `senacs-<slug of name>.<format>`.
 * @example await tableDownload(table, 'xlsx', 'tableau-de-bord-2024') // { filename: 'senacs-tableau-de-bord-2024.xlsx', contentType: 'application/vnd.openxmlformats…', body: Uint8Array }
 */
export async function tableDownload(table: Table, format: 'csv' | 'xlsx', name: string): Promise<Download> {
  const filename = `senacs-${fileSlug(name)}.${format}`;
  if (format === 'csv') return { filename, contentType: 'text/csv; charset=utf-8', body: toCsv(table, spreadsheetCsv) };
  return { filename, contentType: XLSX_TYPE, body: new Uint8Array(await toXlsx([table])) };
}
