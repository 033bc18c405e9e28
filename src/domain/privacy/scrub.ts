/**
 * What must never reach a log line: e-mail addresses and secret tokens (session cookies, CSRF, invitation and
 * password-reset links, hashes). Pure, so the logger and the tests share one definition.
 */
export const EMAIL_PATTERN = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/** 24 or more characters of base64url or hex in one run, with at least one digit: random tokens and digests, not words. */
export const TOKEN_PATTERN = /(?<![A-Za-z0-9_-])(?=[A-Za-z_-]*\d)[A-Za-z0-9_-]{24,}(?![A-Za-z0-9_-])/g;

/** Keys whose values are secrets or personal data whatever they hold. */
const SECRET_KEYS = /^(password|currentPassword|newPassword|password_hash|token|token_hash|csrfToken|csrf_token|cookie|set-cookie|authorization|x-csrf-token|email|to_email|to|name|value|values|body|previous)$/i;

/**
 * Text with addresses and tokens replaced.
 * @example scrubText('refusé pour lea@example.org') // 'refusé pour [adresse]'
 */
export function scrubText(text: string): string {
  return text.replace(EMAIL_PATTERN, '[adresse]').replace(TOKEN_PATTERN, '[jeton]');
}

/**
 * A copy of a value fit for logs: secret keys masked, every string scrubbed, errors turned into
 * { type, message, stack } (scrubbed too: a database error quotes the row it refused).
 * @example scrubValue({ email: 'a@b.fr', n: 1 }) // { email: '[masqué]', n: 1 }
 */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[…]';
  if (value instanceof Error) {
    const e = value as Error & { code?: unknown };
    return { type: e.name, message: scrubText(e.message), ...(e.code !== undefined ? { code: scrubValue(e.code, depth + 1) } : {}), ...(e.stack ? { stack: scrubText(e.stack) } : {}) };
  }
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.test(k) && v !== null && v !== undefined ? '[masqué]' : scrubValue(v, depth + 1);
  return out;
}
