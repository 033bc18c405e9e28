import { createInflateRaw } from 'node:zlib';
import { checkCsvBounds, defaultUploadBounds, unreadableWorkbook, xlsxParts, type UploadBounds } from '../../domain/interchange/uploadBounds';

/**
 * Refuses (AppError 'payload_too_large', 413, `details.limit` says which bound) a CSV or XLSX file whose
 * table would be too large to parse, without parsing it: the bounds and the counting are the domain's
 * (src/domain/interchange/uploadBounds.ts), the inflating of the workbook's parts (zlib, off the event loop) is here.
 * @example await checkUploadBounds(bytes, 'xlsx'); const table = await readAnswerTable(bytes, 'xlsx');
 */
export async function checkUploadBounds(bytes: Uint8Array, format: 'csv' | 'xlsx', bounds: UploadBounds = defaultUploadBounds): Promise<void> {
  if (format === 'csv') { checkCsvBounds(bytes, bounds); return; }
  for (const part of xlsxParts(bytes, bounds)) {
    const { sheet } = part;
    if (part.method === 0) sheet?.feed(Buffer.from(part.data).toString('latin1'));
    else if (part.method === 8) await inflateChecked(part.data, part.size, (chunk) => sheet?.feed(chunk));
    else throw unreadableWorkbook();
    sheet?.end();
  }
}

/** Inflates a part as a stream, refusing it as soon as it grows past the size its directory declared. */
function inflateChecked(data: Uint8Array, declaredSize: number, onText: (text: string) => void): Promise<void> {
  return new Promise((ok, fail) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      try {
        if (size > declaredSize) throw unreadableWorkbook();
        onText(chunk.toString('latin1'));
      } catch (e) {
        inflate.destroy();
        fail(e);
      }
    });
    inflate.on('error', () => fail(unreadableWorkbook()));
    inflate.on('end', () => ok());
    inflate.end(data);
  });
}
