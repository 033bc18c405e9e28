import type { Context } from 'hono';
import { spreadsheetCsv, toCsv } from '../../../reports/table/csv';
import type { Table } from '../../../reports/table/table';
import { toXlsx } from '../../../reports/table/xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file name safe in a Content-Disposition header: ASCII letters, digits and dashes. */
export function fileSlug(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 80) || 'export';
}

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
