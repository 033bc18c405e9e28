import Papa from 'papaparse';
import { unguardCell, writeCsv, type CsvDialect } from '../../domain/csv';
import type { Table, TableValue } from './table';

export type CsvOptions = CsvDialect;

/** What users download: `;`, decimal comma, BOM — opens as is in a French Excel or LibreOffice. */
export const spreadsheetCsv: CsvOptions = { delimiter: ';', decimal: ',', bom: true };
/** Open data: RFC 4180 `,`, decimal point, no BOM (Frictionless default dialect). */
export const openDataCsv: CsvOptions = { delimiter: ',', decimal: '.', bom: false };

/**
 * A table as CSV text: a header of column names, then one line per row; empty fields for null. Through the
 * one CSV writer (domain/csv.ts): text that a spreadsheet would run as a formula gets a leading apostrophe,
 * in every dialect (open data is opened in spreadsheets too); numbers stay numbers.
 * @example toCsv({ title: 't', columns: [{ name: 'a', title: 'A', type: 'number' }], rows: [{ a: 1.5 }] }, spreadsheetCsv) // '\uFEFFa\r\n1,5'
 */
export function toCsv(table: Table, opts: CsvOptions = spreadsheetCsv): string {
  const names = table.columns.map((c) => c.name);
  return writeCsv(names, table.rows.map((r) => names.map((n) => r[n] ?? null)), opts);
}

/**
 * Reads back a CSV written by toCsv with the table's column types (tests, imports of our own files).
 * @example fromCsv(toCsv(t), t.columns)
 */
export function fromCsv(csv: string, columns: Table['columns'], opts: CsvOptions = spreadsheetCsv): Record<string, TableValue>[] {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, delimiter: opts.delimiter, skipEmptyLines: true });
  return parsed.data.map((r) => Object.fromEntries(columns.map((c) => {
    const raw = r[c.name] ?? '';
    if (raw === '') return [c.name, null];
    if (c.type === 'number' || c.type === 'integer') return [c.name, Number(opts.decimal === ',' ? raw.replace(',', '.') : raw)];
    if (c.type === 'boolean') return [c.name, raw === 'true'];
    return [c.name, unguardCell(raw)];
  })));
}
