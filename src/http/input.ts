import type { Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../domain/errors';
import { describeIssues } from '../domain/validationMessage';

z.config(z.locales.fr());

const MAX_BODY = 1_000_000;

/** A lone UTF-16 surrogate ("\\ud800" in JSON): no character at all, which PostgreSQL refuses in text and jsonb. */
const LONE_SURROGATE = /\p{Cs}/u;
const NUL_MESSAGE = 'Caractère nul (U+0000) interdit.';
const SURROGATE_MESSAGE = 'texte mal formé (demi-caractère UTF-16 isolé, par exemple « \\ud800 ») : corrigez ou retapez le texte.';

/** Why a string cannot be stored, or undefined when it can. */
const badText = (s: string) => (s.includes('\u0000') ? NUL_MESSAGE : LONE_SURROGATE.test(s) ? SURROGATE_MESSAGE : undefined);

/**
 * PostgreSQL text and jsonb cannot hold U+0000 nor a lone surrogate: such input is refused (400, stable code
 * validation_failed) before it reaches the database, where it was a 500. Returns the French reason.
 */
function badTextIn(root: unknown): string | undefined {
  // Iterative: a 1 MB body can nest arrays deeply enough to overflow a recursive walk.
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') { const why = badText(v); if (why) return why; }
    else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { const why = badText(k); if (why) return why; stack.push(x); }
  }
  return undefined;
}

export { describeIssues };

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
  const bad = badTextIn(raw);
  if (bad) throw new AppError('validation_failed', `Données invalides : ${bad}`);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('validation_failed', `Données invalides : ${describeIssues(parsed.error)}`, parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return parsed.data;
}

/** Validates the query string with a zod object schema. */
export function readQuery<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const query = c.req.query();
  const bad = badTextIn(query);
  if (bad) throw new AppError('validation_failed', `Paramètres invalides : ${bad}`);
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

/**
 * The `:year` path parameter (four digits), or a 404 saying what the path names (a year that cannot exist names nothing).
 * @example const year = readYear(c, 'Questionnaire introuvable.');
 */
export function readYear(c: Context, notFound = 'Campagne introuvable.'): number {
  const year = c.req.param('year') ?? '';
  if (!/^\d{4}$/.test(year)) throw new AppError('not_found', notFound);
  return Number(year);
}
