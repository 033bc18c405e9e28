import type { Context } from 'hono';
import type { Env } from './context';
import { notModified, storedFileTag } from './conditional';

/**
 * A PDF answer: shown in the browser by default, saved under a readable name; cached publicly (published figures) or never (private).
 * A stored PDF's SHA-256 (hex) becomes its entity tag: a client that sends it back gets a 304 without the file.
 * @example return pdfResponse(c, pdf, 'plaquette-2024-departement-69.pdf', 'public', stored.sha256);
 */
export function pdfResponse(c: Context<Env>, pdf: Uint8Array, filename: string, cache: 'public' | 'private', sha256?: string) {
  const headers: Record<string, string> = {
    'content-type': 'application/pdf',
    'content-disposition': `inline; filename="${filename}"`,
    'cache-control': cache === 'public' ? 'public, max-age=300' : 'private, no-store',
  };
  if (sha256 && cache === 'public') {
    const etag = storedFileTag(sha256);
    const unchanged = notModified(c, etag, { 'cache-control': headers['cache-control'] });
    if (unchanged) return unchanged;
    headers.etag = etag;
  }
  return c.body(new Uint8Array(pdf), 200, headers);
}
