import { Duplex } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';

export type ResponseEncoding = 'br' | 'gzip';

/**
 * The encoding to answer with, from a request's Accept-Encoding: brotli when accepted, else gzip, else none
 * (q=0 refuses; `*` stands for the encodings not named).
 * @example chooseEncoding('gzip, deflate, br') // 'br'
 * @example chooseEncoding('br;q=0, gzip') // 'gzip'
 */
export function chooseEncoding(header: string | undefined): ResponseEncoding | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (e: ResponseEncoding) => (q.get(e) ?? q.get('*') ?? 0) > 0;
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : undefined;
}

/**
 * Compresses responses of a compressible type (JSON, text, CSV, HTML, SVG; never event streams) of
 * `threshold` bytes or more, with brotli at a fast level (4: most of the gain at a gzip-like cost) or
 * gzip. A body of unknown length is read up to the threshold first, so small JSON answers go out as
 * they are and long downloads still stream. Files already compressed (the web app's .br/.gz, made at
 * build time) pass through.
 * @example app.use('*', compressResponses({ threshold: 1024 }));
 */
export function compressResponses(o: { threshold?: number } = {}): MiddlewareHandler {
  const threshold = o.threshold ?? 1024;
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('Content-Type');
    if (c.req.method === 'HEAD' || !res.body || [204, 206, 304].includes(res.status) || res.headers.has('Content-Encoding')
      || !type || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) || /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('Cache-Control') ?? '')) return;
    const vary = res.headers.get('Vary');
    if (vary !== '*' && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary ?? '')) res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const length = res.headers.get('Content-Length');
    if (length && Number(length) < threshold) return;
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    if (!encoding) return;
    const reader = res.body.getReader();
    const head: Uint8Array[] = [];
    let size = 0;
    let ended = false;
    while (size < threshold) {
      const r = await reader.read();
      if (r.done) { ended = true; break; }
      head.push(r.value);
      size += r.value.byteLength;
    }
    const body = new ReadableStream<Uint8Array>({
      start(ctl) { for (const h of head) ctl.enqueue(h); if (ended) ctl.close(); },
      async pull(ctl) { const r = await reader.read(); if (r.done) ctl.close(); else ctl.enqueue(r.value); },
      cancel(reason) { return reader.cancel(reason); },
    });
    if (ended && size < threshold) { c.res = new Response(body, res); return; }
    const zip = encoding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) : createGzip({ level: 6 });
    c.res = new Response(body.pipeThrough(Duplex.toWeb(zip) as ReadableWritablePair<Uint8Array, Uint8Array>), res);
    c.res.headers.delete('Content-Length');
    c.res.headers.set('Content-Encoding', encoding);
    const etag = c.res.headers.get('ETag');
    if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
  };
}
