import type { Context } from 'hono';
import type { Env } from './context';

/**
 * A PDF answer: shown in the browser by default, saved under a readable name; cached publicly (published figures) or never (private).
 * @example return pdfResponse(c, pdf, 'plaquette-2024-departement-69.pdf', 'public');
 */
export function pdfResponse(c: Context<Env>, pdf: Uint8Array, filename: string, cache: 'public' | 'private') {
  return c.body(new Uint8Array(pdf), 200, {
    'content-type': 'application/pdf',
    'content-disposition': `inline; filename="${filename}"`,
    'cache-control': cache === 'public' ? 'public, max-age=300' : 'private, no-store',
  });
}
