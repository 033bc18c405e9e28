import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * pdfmake on the server: Roboto as shipped with pdfmake (Apache-2.0), no other file or URL access from
 * documents (every image is an inline SVG we built ourselves), and a fixed creation date so the same figures give the same bytes (the public routes are compared
 * byte for byte across actors, and caches stay valid).
 */

/** The slice of pdfmake's document definition we use (pdfmake 0.3 ships no types). */
export type PdfContent = Record<string, unknown> | string | PdfContent[];
export interface PdfDocument {
  content: PdfContent[];
  info?: { title?: string; author?: string; subject?: string; keywords?: string };
  [key: string]: unknown;
}

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

const FONT_FILES = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' } as const;
let ready: PdfMake | undefined;

function engine(): PdfMake {
  if (ready) return ready;
  // Loaded on first use (a second or more): most processes never print a PDF.
  const pm = createRequire(import.meta.url)('pdfmake') as PdfMake;
  const dir = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  // Given by path, not through the virtual file system: pdfkit then caches each font under its path, and
  // the SVG text of charts (svg-to-pdfkit asks for the same path) reuses it instead of parsing it again.
  const fonts = Object.fromEntries(Object.entries(FONT_FILES).map(([style, file]) => [style, join(dir, file)]));
  pm.setFonts({ Roboto: fonts });
  reuseParsedFonts(createRequire(createRequire(import.meta.url).resolve('pdfmake')), new Set(Object.values(fonts)));
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((path) => Object.values(fonts).includes(path));
  return (ready = pm);
}

interface PdfKitDoc {
  _fontFamilies: Record<string, unknown>;
  _fontCount: number;
  _font: { constructor: new (doc: PdfKitDoc, font: unknown, id: string) => unknown; font: unknown };
}

/**
 * pdfkit parses each TrueType font again for every document (fontkit + restructure: a good part of a
 * plaquette's time). The parsed font is read-only once loaded — each document still makes its own subset —
 * so our four Roboto files are parsed once per process and handed to each new document. Other fonts go
 * through pdfkit untouched.
 */
function reuseParsedFonts(requireFromPdfmake: NodeJS.Require, paths: ReadonlySet<string>): void {
  const proto = (requireFromPdfmake('pdfkit') as { prototype: { font: (this: PdfKitDoc, ...a: unknown[]) => unknown } }).prototype;
  const original = proto.font;
  const parsed = new Map<string, { make: PdfKitDoc['_font']['constructor']; font: unknown }>();
  proto.font = function font(this: PdfKitDoc, src: unknown, ...rest: unknown[]) {
    const ours = typeof src === 'string' && paths.has(src);
    if (ours && !this._fontFamilies[src]) {
      const known = parsed.get(src);
      if (known) this._fontFamilies[src] = new known.make(this, known.font, `F${++this._fontCount}`);
    }
    const out = original.call(this, src, ...rest);
    if (ours && !parsed.has(src)) parsed.set(src, { make: this._font.constructor, font: this._font.font });
    return out;
  };
}

/** The date written in every PDF's metadata: documents are dated in their text (campaign year), not by the clock. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/**
 * Renders a document definition to PDF bytes.
 * @example const pdf = await renderPdf({ content: ['Bonjour'] }); pdf.subarray(0, 5).toString() // '%PDF-'
 */
export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  const info = { creator: 'Senacs', producer: 'Senacs (pdfmake)', creationDate: FIXED_DATE, modDate: FIXED_DATE, ...doc.info };
  return engine().createPdf({ defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 }, language: 'fr-FR', ...doc, info }).getBuffer();
}
