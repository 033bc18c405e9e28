import type { Context } from 'hono';
import { AppError } from '../domain/errors';

/** Refused bodies up to this size are read and dropped; beyond, the connection is closed instead. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/**
 * The answer to a body over the limit (issue 13). The client of a kept-alive connection is still sending
 * the body: left unread, @hono/node-server closed the socket under it, and the client's next request on
 * that connection failed (reset). So a body announced with a Content-Length up to 64 MB is read and
 * dropped before the 413, and the connection stays usable; a larger or unannounced one gets the 413 with
 * `Connection: close`, so the client opens a new connection for what comes next.
 * @example bodyLimit({ maxSize: 1_000_000, onError: (c) => refuseTooLarge(c, 'La requête est trop volumineuse.') })
 */
export async function refuseTooLarge(c: Context, message: string): Promise<never> {
  const length = Number(c.req.header('content-length'));
  let drained = false;
  if (Number.isFinite(length) && length <= DRAIN_LIMIT && c.req.raw.body && !c.req.raw.bodyUsed) {
    try {
      const reader = c.req.raw.body.getReader();
      for (let read = 0; read <= DRAIN_LIMIT;) {
        const chunk = await reader.read();
        if (chunk.done) { drained = true; break; }
        read += chunk.value.byteLength;
      }
    } catch {
      // The client went away: nothing left to keep.
    }
  }
  if (!drained) c.header('Connection', 'close');
  throw new AppError('payload_too_large', message);
}
