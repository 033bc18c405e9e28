import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import type { Db } from '../db/connection';
import { essCsvRows, essPdfDocument } from '../domain/ess/export';
import type { Actor } from '../domain/roles';
import { getEssProfile } from './getEssProfile';

/** The slice of pdfmake 0.3 we use (it ships no types). */
interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}
let engine: PdfMake | undefined;

/** pdfmake with its Roboto fonts in memory and no file or URL access from documents. */
function pdfmake(): PdfMake {
  if (engine) return engine;
  const require = createRequire(import.meta.url);
  const pm = require('pdfmake') as PdfMake;
  const dir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const files = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' };
  const fonts = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, join(dir, f)]));
  for (const path of Object.values(fonts)) pm.virtualfs.writeFileSync(path, readFileSync(path));
  pm.setFonts({ Roboto: fonts });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((path) => Object.values(fonts).includes(path));
  return (engine = pm);
}

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
const slug = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/**
 * The ESS profile as a file for the regional ESS chamber: CSV (semicolons, UTF-8 with BOM, for spreadsheets
 * set to French) or PDF. Same access as the profile page.
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
  const body = await pdfmake().createPdf({
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 }, language: 'fr-FR', ...doc,
    info: { creator: 'Senacs', producer: 'Senacs (pdfmake)', creationDate: FIXED_DATE, modDate: FIXED_DATE, ...doc.info },
  }).getBuffer();
  return { filename, contentType: 'application/pdf', body };
}
