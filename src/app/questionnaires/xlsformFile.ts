/** Reads and writes XLSForm workbooks (.xlsx) with exceljs; the conversion itself is pure (src/domain/questionnaire/xlsform.ts). */
import type ExcelJSTypes from 'exceljs';
import { lazyModule } from '../../lazyModule';
import type { XlsForm } from '../../domain/questionnaire/xlsformTypes';

const ExcelJS = lazyModule<typeof ExcelJSTypes>('exceljs');

/** Date written in the workbook and its zip entries: the same questionnaire gives the same bytes. */
const fixedDate = new Date(Date.UTC(2000, 0, 1));

/** exceljs stamps the zip entries with the time of writing: stamp them with a fixed date instead. */
async function reproducible(bytes: Uint8Array): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) out.file(entry.name, await entry.async('uint8array'), { date: fixedDate, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * Writes the sheets to an .xlsx workbook, every cell as text; the same form always gives the same bytes.
 *
 * @example
 * const bytes = await writeXlsForm(toXlsForm(definition).form);
 * await writeFile('questionnaire-2024.xlsx', bytes);
 */
export async function writeXlsForm(form: XlsForm): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = fixedDate;
  workbook.modified = fixedDate;
  for (const [name, sheet] of Object.entries(form)) {
    const worksheet = workbook.addWorksheet(name);
    worksheet.addRow(sheet.columns);
    for (const row of sheet.rows) worksheet.addRow(sheet.columns.map((c) => row[c] ?? ''));
  }
  return reproducible(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/**
 * Reads every sheet of an .xlsx workbook: first row as column names, then one record per row (blank
 * rows kept, so row i of a sheet is spreadsheet row i + 2).
 *
 * @example
 * const form = await readXlsForm(await readFile('form.xlsx'));
 * const { definition, issues } = fromXlsForm(form);
 */
export async function readXlsForm(bytes: Uint8Array): Promise<XlsForm> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJSTypes.Buffer);
  const form: XlsForm = {};
  workbook.eachSheet((worksheet) => {
    const header = worksheet.getRow(1);
    const columns: string[] = [];
    header.eachCell({ includeEmpty: true }, (cell, col) => { columns[col - 1] = cell.text.trim(); });
    const rows: Record<string, string>[] = [];
    for (let r = 2; r <= worksheet.rowCount; r++) {
      const row = worksheet.getRow(r);
      rows.push(Object.fromEntries(columns.map((c, i) => [c, row.getCell(i + 1).text ?? ''] as const).filter(([c]) => c)));
    }
    form[worksheet.name.trim().toLowerCase()] = { columns: columns.filter(Boolean), rows };
  });
  return form;
}
