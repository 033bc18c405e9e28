import type { Context } from 'hono';

/**
 * Whether a request's `If-None-Match` names this entity tag: `*`, or one of its tags by weak comparison (RFC 9110
 * § 13.1.2, what a GET asks for), so the tag the compression made weak (`W/"…"`) still matches its strong one.
 * @example matchesIfNoneMatch('W/"abc", "def"', '"abc"') // true
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

/**
 * A 304 when the client already holds this version of the answer (its `If-None-Match` names `etag`), else
 * undefined: the body is then sent as usual, with the same headers. A figure from a published release is the
 * same until the next release, so a browser or a script that comes back pays for a few bytes, not the body.
 * @example const unchanged = notModified(c, etag, headers); if (unchanged) return unchanged;
 */
export function notModified(c: Context, etag: string, headers: Record<string, string>): Response | undefined {
  return matchesIfNoneMatch(c.req.header('If-None-Match'), etag) ? c.body(null, 304, { ...headers, ETag: etag }) : undefined;
}

/**
 * The entity tag of a release's stored file, from the SHA-256 (hex) it was stored with.
 * @example storedFileTag('9f86d0…') // '"9f86d081884c7d659a2feaa0c55ad015"'
 */
export function storedFileTag(sha256: string): string {
  return `"${sha256.slice(0, 32)}"`;
}
