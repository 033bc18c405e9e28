import { createHash } from 'node:crypto';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { notModified } from './conditional';
import { encodeBytes, type ResponseEncoding } from './middleware/encoding';

/** A JSON answer kept beside the object it was made from: its text, and its compressed bytes once asked for. */
export interface JsonBody {
  text: string;
  encoded: Map<ResponseEncoding, Promise<Uint8Array>>;
  /** Its entity tag (a hash of `text`), made once when first sent. */
  etag?: string;
  /** The response that carries `text`: compression uses the cache only if the answer was not replaced since. */
  response?: Response;
}

const bodies = new WeakMap<object, JsonBody>();

/**
 * The JSON body of a value that is handed out again and again as the same object (a published dashboard kept in
 * its population's memo): serialised once, compressed once per encoding (see compressResponses). A new value — a
 * new release, another territory — is another object, so nothing is ever stale; entries go with their objects.
 * @example jsonBodyOf(dashboard) === jsonBodyOf(dashboard) // true
 */
export function jsonBodyOf(value: object): JsonBody {
  let body = bodies.get(value);
  if (!body) bodies.set(value, (body = { text: JSON.stringify(value), encoded: new Map() }));
  return body;
}

/**
 * Its compressed bytes, made once (in zlib's thread pool, off the event loop) and kept.
 * @example await encodedJson(jsonBodyOf(dashboard), 'br')
 */
export function encodedJson(body: JsonBody, encoding: ResponseEncoding): Promise<Uint8Array> {
  let bytes = body.encoded.get(encoding);
  if (!bytes) {
    bytes = encodeBytes(Buffer.from(body.text), encoding);
    body.encoded.set(encoding, bytes);
    bytes.catch(() => body.encoded.delete(encoding));
  }
  return bytes;
}

/**
 * Answers `value` as JSON (200), its text and compressed bytes reused while `value` is the same object, with
 * an entity tag: a client that sends it back (`If-None-Match`) gets a 304 without the body. For values built
 * once and shared: a value built per request gains nothing (use `c.json`).
 * @example return sendSharedJson(c, await getDashboard(...));
 */
export function sendSharedJson<T extends object>(c: Context, value: T): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  const body = jsonBodyOf(value);
  body.etag ??= `"${createHash('sha256').update(body.text).digest('base64url').slice(0, 27)}"`;
  // Revalidated at each use (no-cache), never kept by a shared cache: a follower's working view is his own.
  const headers = { 'Cache-Control': 'private, no-cache', ETag: body.etag };
  const unchanged = notModified(c, body.etag, headers);
  if (unchanged) return unchanged as Response & TypedResponse<JSONParsed<T>, 200, 'json'>;
  const res = c.body(body.text, 200, { 'Content-Type': 'application/json', ...headers });
  c.set('jsonBody', { ...body, response: res });
  return res as unknown as Response & TypedResponse<JSONParsed<T>, 200, 'json'>;
}
