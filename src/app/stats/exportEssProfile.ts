import type { Db } from '../../db/connection';
import { essCsvRows, essPdfDocument } from '../../domain/ess/export';
import type { Actor } from '../../domain/roles';
import { renderPdf, type PdfContent } from '../../reports/pdf';
import { spreadsheetCsv, toCsv } from '../../reports/table/csv';
import { fileSlug } from '../../reports/table/table';
import { getEssProfile } from './getEssProfile';

/**
 * The ESS profile as a file for the regional ESS chamber: CSV (semicolons, UTF-8 with BOM, for spreadsheets
 * set to French) or PDF (the reports' pdfmake renderer). Same access as the profile page.
 * @example const { body, contentType, filename } = await exportEssProfile({ db, actor, structureId: 12, year: 2024, format: 'pdf' });
 */
export async function exportEssProfile(p: { db: Db; actor: Actor; structureId: number; year?: number; format: 'csv' | 'pdf' }) {
  const view = await getEssProfile(p);
  const filename = `profil-ess-${fileSlug(view.structure.name, 60)}-${view.year}.${p.format}`;
  if (p.format === 'csv') {
    // Through the shared CSV writer: free text (names, reasons) never starts a spreadsheet formula.
    const [header, ...lines] = essCsvRows(view);
    const table = { title: filename, columns: header.map((name) => ({ name, title: name, type: 'string' as const })), rows: lines.map((l) => Object.fromEntries(header.map((h, i) => [h, l[i]]))) };
    return { filename, contentType: 'text/csv; charset=utf-8', body: Buffer.from(toCsv(table, spreadsheetCsv), 'utf8') };
  }
  const doc = essPdfDocument(view);
  const body = await renderPdf({ ...doc, content: doc.content as PdfContent[] });
  return { filename, contentType: 'application/pdf', body };
}
