import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import type { PublishedCell } from '../../domain/disclosure';
import { fromCsv, openDataCsv, spreadsheetCsv, toCsv } from './csv';
import { dashboardTable } from './figures';
import { cellColumns, cellStatus, type Table } from './table';
import { fromXlsx, sheetName, toXlsx } from './xlsx';

const cells: PublishedCell[] = [
  { state: 'value', value: 1234.5, n: 12 },
  { state: 'value', value: -3, n: 4 },
  { state: 'suppressed', rule: 'min_size' },
  { state: 'suppressed', rule: 'secondary' },
  { state: 'no_data' },
];
const dashboard = dashboardTable({
  year: 2024, view: 'published', territory: { level: 'region', code: '84', name: 'Auvergne-Rhône-Alpes' },
  children: [{ level: 'departement', code: '69', name: 'Rhône' }],
  figures: cells.map((cell, i) => ({ indicator: 'finances.produits', stat: 'sum', territory: i % 2 ? { level: 'departement', code: '69' } : { level: 'region', code: '84' }, cell, change: i === 0 ? { absolute: 10, relative: 0.0125 } : null })),
});

describe('cell columns', () => {
  it('keep the three states apart: a value, a suppressed cell naming its rule, no data', () => {
    expect(cellColumns(cells[0])).toEqual({ valeur: 1234.5, effectif: 12, statut: 'publié' });
    expect(cellColumns(cells[2])).toEqual({ valeur: null, effectif: null, statut: 'secret (effectif trop faible)' });
    expect(cellColumns(cells[4])).toEqual({ valeur: null, effectif: null, statut: 'sans données' });
    expect(new Set(cells.map(cellStatus)).size).toBe(4);
  });
});

describe('CSV', () => {
  it('spreadsheet CSV: BOM, semicolons, decimal comma, empty value for withheld cells; papaparse reads back the same cells', () => {
    const csv = toCsv(dashboard, spreadsheetCsv);
    expect(csv.startsWith('\uFEFFniveau;territoire_code;')).toBe(true);
    expect(csv).toContain('1234,5');
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, delimiter: ';', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => [r.valeur, r.statut])).toEqual([
      ['1234,5', 'publié'], ['-3', 'publié'], ['', 'secret (effectif trop faible)'], ['', 'secret (secret secondaire)'], ['', 'sans données'],
    ]);
    expect(fromCsv(csv, dashboard.columns)).toEqual(dashboard.rows);
  });

  it('open data CSV: commas, decimal point, no BOM', () => {
    const csv = toCsv(dashboard, openDataCsv);
    expect(csv.startsWith('niveau,territoire_code')).toBe(true);
    expect(fromCsv(csv, dashboard.columns, openDataCsv)).toEqual(dashboard.rows);
  });

  it('quotes separators and line breaks, and defuses formulas in every dialect (open data is opened in spreadsheets too); negative numbers stay numbers', () => {
    const t: Table = { title: 't', columns: [{ name: 'a', title: 'A', type: 'string' }, { name: 'b', title: 'B', type: 'number' }], rows: [{ a: 'x;y "z"\nw', b: 1 }, { a: '=HYPERLINK("x")', b: null }, { a: '-2+3', b: -1.5 }, { a: '@SUM(A1)', b: -3 }] };
    const csv = toCsv(t);
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).toContain(`"'-2+3";-1,5`);
    expect(csv).toContain(`"'@SUM(A1)";-3`);
    expect(fromCsv(csv, t.columns)).toEqual(t.rows);
    const open = toCsv(t, openDataCsv);
    expect(open).toContain(`"'=HYPERLINK(""x"")"`);
    expect(open).toContain(`"'-2+3",-1.5`);
    expect(fromCsv(open, t.columns, openDataCsv)).toEqual(t.rows);
  });
});

describe('XLSX', () => {
  it('exceljs reads back the same values and statuses, numbers as numbers, withheld cells empty', async () => {
    const bytes = await toXlsx([dashboard]);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(await fromXlsx(bytes, dashboard.columns)).toEqual(dashboard.rows);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe(sheetName(dashboard.title));
    expect(ws.getRow(1).getCell(1).value).toBe('Niveau');
    expect(typeof ws.getRow(2).getCell(dashboard.columns.findIndex((c) => c.name === 'valeur') + 1).value).toBe('number');
    // The notes (source, secrecy) follow the table after an empty line.
    const last = ws.getRow(ws.rowCount).getCell(1).value;
    expect(String(last)).toMatch(/secret/);
  });

  it('several tables become several sheets with distinct, valid names', async () => {
    const bytes = await toXlsx([{ ...dashboard, title: 'Tableau: a/b' }, { ...dashboard, title: 'Tableau: a/b' }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tableau  a b', 'Tableau  a b (2)']);
  });
});
