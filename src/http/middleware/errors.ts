import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, errorStatus, type ErrorCode } from '../../domain/errors';
import type { Env } from '../context';

/** The one place errors become responses: `{ error: { code, message } }`, never a stack trace. */
export function errorResponse(err: Error, c: Context<Env>) {
  if (err instanceof AppError) {
    // A 429 says when to come back (limiters put the delay in the details).
    const retry = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (err.code === 'rate_limited' && typeof retry === 'number') c.header('Retry-After', String(retry));
    return send(c, err.code, err.message, err.details);
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code: ErrorCode = err.status === 413 ? 'payload_too_large' : err.status === 404 ? 'not_found' : 'bad_request';
    return send(c, code, code === 'payload_too_large' ? 'La requête est trop volumineuse.' : 'Requête invalide.');
  }
  c.get('deps')?.logger.error({ err, path: c.req.path }, 'unexpected error');
  return send(c, 'internal', 'Une erreur inattendue est survenue. Elle a été enregistrée ; réessayez plus tard.');
}

function send(c: Context, code: ErrorCode, message: string, details?: unknown) {
  return c.json({ error: { code, message, ...(details ? { details } : {}) } }, errorStatus[code] as 400);
}

export function notFound(c: Context) {
  return send(c, 'not_found', 'Cette adresse n’existe pas.');
}
