import Papa from 'papaparse';
import type { Table, TableValue } from './table';

export interface CsvOptions {
  /** `;` for the files people open in a spreadsheet (French locale), `,` for open data. */
  delimiter: ';' | ',';
  /** Decimal separator of numbers: `,` beside `;` so French spreadsheets read them as numbers. */
  decimal: ',' | '.';
  /** A UTF-8 byte order mark, so Excel reads accents right. */
  bom: boolean;
}

/** What users download: `;`, decimal comma, BOM — opens as is in a French Excel or LibreOffice. */
export const spreadsheetCsv: CsvOptions = { delimiter: ';', decimal: ',', bom: true };
/** Open data: RFC 4180 `,`, decimal point, no BOM (Frictionless default dialect). */
export const openDataCsv: CsvOptions = { delimiter: ',', decimal: '.', bom: false };

/** Text a spreadsheet would run as a formula (CSV injection): such cells get a leading apostrophe. */
const FORMULA = /^[=+@\t\r]/;

function text(v: TableValue, opts: CsvOptions): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return opts.decimal === ',' ? String(v).replace('.', ',') : String(v);
  return opts.bom && FORMULA.test(v) ? `'${v}` : v;
}

/**
 * A table as CSV text: a header of column names, then one line per row; empty fields for null.
 * @example toCsv({ title: 't', columns: [{ name: 'a', title: 'A', type: 'number' }], rows: [{ a: 1.5 }] }, spreadsheetCsv) // '\uFEFFa\r\n1,5'
 */
export function toCsv(table: Table, opts: CsvOptions = spreadsheetCsv): string {
  const names = table.columns.map((c) => c.name);
  const data = table.rows.map((r) => names.map((n) => text(r[n] ?? null, opts)));
  const body = Papa.unparse({ fields: names, data }, { delimiter: opts.delimiter, newline: '\r\n', quotes: false, escapeFormulae: false });
  return (opts.bom ? '\uFEFF' : '') + body;
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
    return [c.name, opts.bom && /^'[=+@\t\r]/.test(raw) ? raw.slice(1) : raw];
  })));
}
