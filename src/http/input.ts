import type { Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../domain/errors';

z.config(z.locales.fr());

const MAX_BODY = 1_000_000;

/** PostgreSQL text and jsonb cannot hold U+0000: such input is refused before it reaches the database. */
function hasNul(root: unknown): boolean {
  // Iterative: a 1 MB body can nest arrays deeply enough to overflow a recursive walk.
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') { if (v.includes('\u0000')) return true; }
    else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { if (k.includes('\u0000')) return true; stack.push(x); }
  }
  return false;
}
const NUL_MESSAGE = 'Caractère nul (U+0000) interdit.';

/** Turns zod issues into one French sentence naming each field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.slice(0, 5).map((i) => (i.path.length ? `« ${i.path.join('.')} » : ` : '') + i.message).join(' ; ');
}

/**
 * Reads and validates a JSON body; bad JSON or bad fields become a 400 with a French message.
 * @example const body = await readBody(c, loginSchema);
 */
export async function readBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new AppError('bad_request', 'Le corps de la requête doit être du JSON (Content-Type: application/json).');
  }
  const text = await c.req.text();
  if (text.length > MAX_BODY) throw new AppError('payload_too_large', 'La requête est trop volumineuse.');
  let raw: unknown;
  try { raw = JSON.parse(text); } catch { throw new AppError('invalid_json', 'Le corps de la requête n’est pas un JSON valide.'); }
  if (hasNul(raw)) throw new AppError('validation_failed', `Données invalides : ${NUL_MESSAGE}`);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('validation_failed', `Données invalides : ${describeIssues(parsed.error)}`, parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return parsed.data;
}

/** Validates the query string with a zod object schema. */
export function readQuery<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const query = c.req.query();
  if (hasNul(query)) throw new AppError('validation_failed', `Paramètres invalides : ${NUL_MESSAGE}`);
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new AppError('validation_failed', `Paramètres invalides : ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** A positive integer path parameter, or a 404 (an id that cannot exist names nothing). */
export function readId(c: Context, name = 'id'): number {
  const v = c.req.param(name) ?? '';
  if (!/^\d{1,9}$/.test(v)) throw new AppError('not_found', 'Ressource introuvable.');
  return Number(v);
}
