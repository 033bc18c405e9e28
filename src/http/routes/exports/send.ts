import type { Context } from 'hono';
import { spreadsheetCsv, toCsv } from '../../../reports/table/csv';
import type { Table } from '../../../reports/table/table';
import { fileSlug } from '../../../reports/table/table';
import { toXlsx } from '../../../reports/table/xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';


/**
 * Sends a table as a download: CSV (UTF-8 with BOM, `;`) or XLSX.
 * @example return sendTable(c, table, 'xlsx', 'tableau-de-bord-2024');
 */
export async function sendTable(c: Context, table: Table, format: 'csv' | 'xlsx', name: string): Promise<Response> {
  const file = `senacs-${fileSlug(name)}.${format}`;
  const headers = { 'Content-Disposition': `attachment; filename="${file}"`, 'Cache-Control': 'no-store' };
  if (format === 'csv') return c.body(toCsv(table, spreadsheetCsv), 200, { ...headers, 'Content-Type': 'text/csv; charset=utf-8' });
  const bytes = await toXlsx([table]);
  return c.body(new Uint8Array(bytes), 200, { ...headers, 'Content-Type': XLSX_TYPE });
}
