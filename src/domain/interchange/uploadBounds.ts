/**
 * Bounds on an uploaded table, checked BEFORE any parser runs: a 106 KB workbook can unpack to 400,000
 * rows, and exceljs or papaparse then hold the server for seconds. For an XLSX, the zip's central
 * directory gives the declared sizes (refused at once when too large), then each part is inflated as a
 * stream (zlib, off the event loop) and the sheets' <row> and <c> tags are counted, stopping at the first
 * bound crossed; a part that inflates beyond its declared size is refused too. For a CSV, one pass over
 * the bytes counts lines and separators. exceljs makes a dense grid of the last row × the last column,
 * so those two (not only the counts) are bounded.
 * Pure parts: the inflating (zlib) is done by checkUploadBounds in src/app.
 */
import { AppError } from '../errors';

export interface UploadBounds { rows: number; columns: number; cells: number; unpackedBytes: number; zipEntries: number }

/** Generous for every real file: a national external file has ~50,000 rows, a campaign ~4,000 structures × a few hundred codes. */
export const defaultUploadBounds: UploadBounds = { rows: 100_000, columns: 2_000, cells: 3_000_000, unpackedBytes: 200 * 1024 * 1024, zipEntries: 2_000 };

const fmt = (n: number) => new Intl.NumberFormat('fr-FR').format(n);

function tooLarge(limit: keyof UploadBounds, message: string, max: number, found?: number): AppError {
  return new AppError('payload_too_large', `Fichier refusé avant lecture : ${message} Découpez-le ou allégez-le, puis envoyez-le à nouveau.`, { limit, max, ...(found !== undefined ? { found } : {}) });
}

function checkShape(rows: number, columns: number, b: UploadBounds) {
  if (rows > b.rows) throw tooLarge('rows', `le tableau dépasse ${fmt(b.rows)} lignes.`, b.rows, rows);
  if (columns > b.columns) throw tooLarge('columns', `le tableau dépasse ${fmt(b.columns)} colonnes.`, b.columns, columns);
  if (rows * columns > b.cells) throw tooLarge('cells', `le tableau dépasse ${fmt(b.cells)} cellules (${fmt(rows)} lignes × ${fmt(columns)} colonnes).`, b.cells, rows * columns);
}

/**
 * Refuses a CSV file too large to parse: lines, and for each line the most frequent of « ; », « , » and tab
 * (quotes are not honoured, so both are upper bounds).
 * @example checkCsvBounds(new TextEncoder().encode('a;b\n1;2\n'), defaultUploadBounds) // passes
 */
export function checkCsvBounds(bytes: Uint8Array, b: UploadBounds): void {
  let lines = 1;
  let semi = 0, comma = 0, tab = 0, widest = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x3b) semi++;
    else if (c === 0x2c) comma++;
    else if (c === 0x09) tab++;
    else if (c === 0x0a) {
      widest = Math.max(widest, semi, comma, tab);
      semi = comma = tab = 0;
      if (++lines > b.rows + 1) throw tooLarge('rows', `le tableau dépasse ${fmt(b.rows)} lignes.`, b.rows);
    } else continue;
    if (semi >= b.columns || comma >= b.columns || tab >= b.columns) throw tooLarge('columns', `le tableau dépasse ${fmt(b.columns)} colonnes.`, b.columns);
  }
  checkShape(lines - 1, Math.max(widest, semi, comma, tab) + 1, b);
}

interface ZipEntry { name: string; method: number; compressedSize: number; size: number; localOffset: number }

/**
 * The error for a workbook that cannot be read.
 * @example throw unreadableWorkbook();
 */
export const unreadableWorkbook = () => new AppError('validation_failed', 'Le fichier n’est pas un classeur .xlsx lisible.');
const unreadable = unreadableWorkbook;

/** The entries of a zip's central directory (no data read yet). */
function zipEntries(bytes: Uint8Array, b: UploadBounds): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw unreadable();
  const count = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    throw new AppError('validation_failed', 'Le classeur est au format ZIP64, non pris en charge : enregistrez-le à nouveau depuis votre tableur.');
  }
  if (count > b.zipEntries) throw tooLarge('zipEntries', `le classeur contient plus de ${fmt(b.zipEntries)} parties.`, b.zipEntries, count);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw unreadable();
    const nameLength = view.getUint16(p + 28, true);
    entries.push({
      method: view.getUint16(p + 10, true), compressedSize: view.getUint32(p + 20, true), size: view.getUint32(p + 24, true),
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)), localOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

/** One part of a workbook's zip: its name, how it is stored (0 stored, 8 deflated), its declared size, its bytes. */
export interface XlsxPart { name: string; method: number; size: number; data: Uint8Array; sheet: SheetScanner | undefined }

/**
 * The parts of an XLSX workbook (a zip), one at a time and in order, after refusing a workbook whose declared
 * unpacked size is too large; each sheet comes with a scanner to feed its XML text to. Lazy: a bad part
 * is refused only when reached, after the parts before it were checked.
 * @example for (const part of xlsxParts(bytes, defaultUploadBounds)) { part.sheet?.feed(xmlOf(part)); part.sheet?.end(); }
 */
export function* xlsxParts(bytes: Uint8Array, b: UploadBounds): Generator<XlsxPart> {
  const entries = zipEntries(bytes, b);
  const declared = entries.reduce((s, e) => s + e.size, 0);
  if (declared > b.unpackedBytes) throw tooLarge('unpackedBytes', `le classeur décompressé dépasse ${fmt(b.unpackedBytes / 1024 / 1024)} Mo.`, b.unpackedBytes, declared);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const local = e.localOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw unreadable();
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + e.compressedSize);
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name) ? new SheetScanner(b) : undefined;
    yield { name: e.name, method: e.method, size: e.size, data, sheet };
  }
}

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** Counts a sheet's rows and cells as its XML streams by: the last row and last column it reaches, refused past the bounds. */
export class SheetScanner {
  private carry = '';
  private lastRow = 0;
  private lastColumn = 0;
  private maxColumn = 0;
  constructor(private readonly b: UploadBounds) {}

  feed(text: string) {
    let s = this.carry + text;
    const open = s.lastIndexOf('<');
    if (open >= 0 && s.indexOf('>', open) < 0) { this.carry = s.slice(open); s = s.slice(0, open); } else this.carry = '';
    if (this.carry.length > 1_000_000) throw unreadable();
    const tag = /<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s>/])([^>]*)>/g;
    for (let m = tag.exec(s); m; m = tag.exec(s)) {
      const ref = /\sr="([A-Z]*)(\d*)"/.exec(m[2]);
      if (m[1] === 'row') {
        this.lastRow = ref?.[2] ? Number(ref[2]) : this.lastRow + 1;
        this.lastColumn = 0;
      } else {
        this.lastColumn = ref?.[1] ? columnNumber(ref[1]) : this.lastColumn + 1;
        if (this.lastColumn > this.maxColumn) this.maxColumn = this.lastColumn;
      }
      if (this.lastRow > this.b.rows + 1 || this.maxColumn > this.b.columns) checkShape(this.lastRow - 1, this.maxColumn, this.b);
    }
    checkShape(Math.max(0, this.lastRow - 1), this.maxColumn, this.b);
  }

  end() { checkShape(Math.max(0, this.lastRow - 1), this.maxColumn, this.b); }
}
