import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Test helpers over poppler-utils (pdftotext, pdftoppm): what a reader of the PDF would see.
 * Set REPORTS_PNG_DIR to keep PNG renderings of the pages for a look.
 */

/**
 * The text of a PDF, laid out as on the page (columns kept on one line).
 * @example pdfText(pdf).includes('Note de méthode')
 */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
}

/**
 * Renders every page in grey at low resolution and returns, per page, the share of pixels that are not
 * white: a blank page scores 0.
 * @example pageInk(pdf).every((ink) => ink > 0.005)
 */
export function pageInk(pdf: Buffer, keepAs?: string): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'senacs-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-gray', '-r', '30', file, join(dir, 'page')]);
    const keep = process.env.REPORTS_PNG_DIR;
    if (keep && keepAs) execFileSync('pdftoppm', ['-png', '-r', '80', file, join(keep, keepAs)]);
    return readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort().map((f) => inkOf(readFileSync(join(dir, f))));
  } finally { rmSync(dir, { recursive: true, force: true }); }
}

/** Share of non-white pixels of a binary PGM (P5) image. */
function inkOf(pgm: Buffer): number {
  // Header: P5, width, height, maxval, each separated by whitespace, then one byte per pixel.
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(pgm[pos]))) pos++;
    const start = pos;
    while (!/\s/.test(String.fromCharCode(pgm[pos]))) pos++;
    fields.push(pgm.subarray(start, pos).toString('ascii'));
  }
  pos++;
  const [, w, h] = fields.map(Number);
  let ink = 0;
  for (let i = pos; i < pos + w * h; i++) if (pgm[i] < 200) ink++;
  return ink / (w * h);
}
