import Papa from 'papaparse';
import type { Db } from '../db/connection';
import { essCsvRows, essPdfDocument } from '../domain/ess/export';
import type { Actor } from '../domain/roles';
import { renderPdf, type PdfContent } from '../reports/pdf';
import { getEssProfile } from './getEssProfile';

const slug = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/**
 * The ESS profile as a file for the regional ESS chamber: CSV (semicolons, UTF-8 with BOM, for spreadsheets
 * set to French) or PDF (the reports' pdfmake renderer). Same access as the profile page.
 * @example const { body, contentType, filename } = await exportEssProfile({ db, actor, structureId: 12, year: 2024, format: 'pdf' });
 */
export async function exportEssProfile(p: { db: Db; actor: Actor; structureId: number; year?: number; format: 'csv' | 'pdf' }) {
  const view = await getEssProfile(p);
  const filename = `profil-ess-${slug(view.structure.name)}-${view.year}.${p.format}`;
  if (p.format === 'csv') {
    const text = '\ufeff' + Papa.unparse(essCsvRows(view), { delimiter: ';', newline: '\r\n' });
    return { filename, contentType: 'text/csv; charset=utf-8', body: Buffer.from(text, 'utf8') };
  }
  const doc = essPdfDocument(view);
  const body = await renderPdf({ ...doc, content: doc.content as PdfContent[] });
  return { filename, contentType: 'application/pdf', body };
}
