import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type ResponseEncoding = 'br' | 'gzip';

/**
 * The encoding to answer with, from a request's Accept-Encoding: brotli when accepted, else gzip, else none
 * (q=0 refuses; `*` stands for the encodings not named).
 * @example chooseEncoding('gzip, deflate, br') // 'br'
 * @example chooseEncoding('br;q=0, gzip') // 'gzip'
 */
export function chooseEncoding(header: string | undefined): ResponseEncoding | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (e: ResponseEncoding) => (q.get(e) ?? q.get('*') ?? 0) > 0;
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : undefined;
}

/** Brotli at a fast level (4: most of the gain at a gzip-like cost), gzip at its default. */
export const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };
export const GZIP_OPTIONS = { level: 6 };

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Bytes compressed in one piece, in zlib's thread pool (the event loop only hands them over).
 * @example await encodeBytes(Buffer.from(json), 'br')
 */
export async function encodeBytes(bytes: Uint8Array, encoding: ResponseEncoding): Promise<Uint8Array> {
  return encoding === 'br' ? brotli(bytes, BROTLI_OPTIONS) : gzipped(bytes, GZIP_OPTIONS);
}
