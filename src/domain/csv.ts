/**
 * The one CSV writer of every download (exports, responses, ESS profile, concordance, open data, examples),
 * so every file gets the same guard against formulas (CSV injection, OWASP): papaparse's `escapeFormulae`
 * with our own pattern.
 */
import Papa from 'papaparse';

/**
 * Text a spreadsheet would run as a formula: starting with = + - @, tab, CR (OWASP's list), LF, or their
 * full-width forms (read as formulas by some Asian-locale spreadsheets). A plain number ("-12", "-1,5",
 * "-2.5e3") is not a formula: it stays as is, so negative numbers are still numbers. Papaparse 5.7's own
 * default, /^[=+\-@\t\r].*$/, has no `s` flag: "=1+1\nx" (text on two lines) would slip through it.
 */
export const FORMULA_START = /^(?!-?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?$)[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A guarded cell as written: the apostrophe spreadsheets read as "this is text", then the formula-like text. */
const GUARDED = /^'[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvDialect {
  /** `;` for the files people open in a spreadsheet (French locale), `,` for open data and interchange. */
  delimiter: ';' | ',';
  /** Decimal separator of numbers: `,` beside `;` so French spreadsheets read them as numbers. */
  decimal: ',' | '.';
  /** A UTF-8 byte order mark, so Excel reads accents right. */
  bom: boolean;
  /** A line break after the last row (CSV files of the interchange format end with one). */
  finalNewline?: boolean;
}

function cellText(v: CsvCell, decimal: ',' | '.'): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return decimal === ',' ? String(v).replace('.', ',') : String(v);
  return v;
}

/**
 * Writes a header and rows as CSV text, CRLF line breaks, quoting only where needed. Text that would start
 * a formula is written with a leading apostrophe, quoted (numbers, in whatever decimal form, are left alone).
 * @example writeCsv(['nom', 'n'], [['=1+1', -2.5]], { delimiter: ';', decimal: ',', bom: false }) // 'nom;n\r\n"\'=1+1";-2,5'
 */
export function writeCsv(fields: string[], rows: CsvCell[][], dialect: CsvDialect): string {
  const data = rows.map((r) => r.map((c) => cellText(c, dialect.decimal)));
  const text = Papa.unparse({ fields: fields.map((f) => cellText(f, dialect.decimal)), data }, {
    delimiter: dialect.delimiter, newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START,
  });
  return (dialect.bom ? '\uFEFF' : '') + text + (dialect.finalNewline ? '\r\n' : '');
}

/**
 * A cell read back from a CSV this writer made: the guard's apostrophe removed (a text that itself began
 * with an apostrophe before a formula sign loses that apostrophe: the price of a readable guard).
 * @example unguardCell("'=1+1") // '=1+1'
 */
export function unguardCell(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}
