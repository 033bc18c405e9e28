import { Duplex } from 'node:stream';
import { createBrotliCompress, createGzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import { encodedJson, type JsonBody } from '../jsonBody';
import { BROTLI_OPTIONS, GZIP_OPTIONS, chooseEncoding, encodeBytes, type ResponseEncoding } from './encoding';

/** Bodies up to this size are read whole and compressed in one piece, off the event loop; longer ones stream. */
const ONE_PIECE = 4 * 1024 * 1024;

/**
 * Compresses responses of a compressible type (JSON, text, CSV, HTML, SVG; never event streams) of
 * `threshold` bytes or more, with brotli at a fast level or gzip. A body is read up to the threshold first,
 * so small JSON answers go out as they are; one read whole within 4 MB is compressed in one piece in zlib's
 * thread pool; longer downloads stream. An answer made by sendSharedJson reuses its bytes compressed once.
 * Files already compressed (the web app's .br/.gz, made at build time) pass through.
 * @example app.use('*', compressResponses({ threshold: 1024 }));
 */
export function compressResponses(o: { threshold?: number } = {}): MiddlewareHandler<{ Variables: { jsonBody?: JsonBody } }> {
  const threshold = o.threshold ?? 1024;
  return async (c, next) => {
    await next();
    const res = c.res;
    // Headers first: reading `body` turns the server's light response into a full one (the whole text re-encoded).
    const type = res.headers.get('Content-Type');
    if (c.req.method === 'HEAD' || [204, 206, 304].includes(res.status) || res.headers.has('Content-Encoding')
      || !type || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) || /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('Cache-Control') ?? '')) return;
    const vary = res.headers.get('Vary');
    if (vary !== '*' && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary ?? '')) res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const length = res.headers.get('Content-Length');
    if (length && Number(length) < threshold) return;
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    if (!encoding) return;
    const shared = c.get('jsonBody');
    if (shared?.response === res) {
      if (shared.text.length < threshold) return;
      return answer(c, res, await encodedJson(shared, encoding), encoding);
    }
    if (!res.body) return;
    const reader = res.body.getReader();
    const head: Uint8Array[] = [];
    let size = 0;
    let ended = false;
    while (size < ONE_PIECE) {
      const r = await reader.read();
      if (r.done) { ended = true; break; }
      head.push(r.value);
      size += r.value.byteLength;
    }
    if (ended) {
      const whole = Buffer.concat(head, size);
      if (size < threshold) { c.res = new Response(whole, res); return; }
      return answer(c, res, await encodeBytes(whole, encoding), encoding);
    }
    const body = new ReadableStream<Uint8Array>({
      start(ctl) { for (const h of head) ctl.enqueue(h); },
      async pull(ctl) { const r = await reader.read(); if (r.done) ctl.close(); else ctl.enqueue(r.value); },
      cancel(reason) { return reader.cancel(reason); },
    });
    const zip = encoding === 'br' ? createBrotliCompress(BROTLI_OPTIONS) : createGzip(GZIP_OPTIONS);
    c.res = new Response(body.pipeThrough(Duplex.toWeb(zip) as ReadableWritablePair<Uint8Array, Uint8Array>), res);
    encoded(c.res, encoding);
  };
}

/** The response with its body compressed in one piece. */
function answer(c: { res: Response }, res: Response, bytes: Uint8Array, encoding: ResponseEncoding) {
  // Never `res.statusText`: reading it makes the server's light response a full one, its whole text encoded again for nothing.
  c.res = new Response(bytes as Uint8Array<ArrayBuffer>, { status: res.status, headers: res.headers });
  encoded(c.res, encoding);
  c.res.headers.set('Content-Length', String(bytes.byteLength));
}

function encoded(res: Response, encoding: ResponseEncoding) {
  res.headers.delete('Content-Length');
  res.headers.set('Content-Encoding', encoding);
  const etag = res.headers.get('ETag');
  if (etag && !etag.startsWith('W/')) res.headers.set('ETag', `W/${etag}`);
}
