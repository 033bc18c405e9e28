import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { describe, expect, it } from 'vitest';
import { compressResponses } from './compress';
import { jsonBodyOf, sendSharedJson } from '../jsonBody';
import { chooseEncoding } from './encoding';

const big = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `Centre social n° ${i}` })) };
const app = new Hono();
app.use('*', compressResponses({ threshold: 1024 }));
app.get('/big', (c) => c.json(big));
app.get('/small', (c) => c.json({ ok: true }));
app.get('/pdf', (c) => c.body(new Uint8Array(5000), 200, { 'Content-Type': 'application/pdf' }));
const shared = { items: big.items.map((i) => ({ ...i, shared: true })) };
app.get('/shared', (c) => sendSharedJson(c, shared));
// A later middleware replaces the shared answer: the cached bytes must not be sent for the new body.
app.use('/replaced', async (c, next) => { await next(); c.res = new Response(JSON.stringify(big), { headers: { 'Content-Type': 'application/json' } }); });
app.get('/replaced', (c) => sendSharedJson(c, shared));
const huge = { rows: Array.from({ length: 80_000 }, (_, i) => ({ id: i, label: `ligne ${i} ${'x'.repeat(i % 50)}` })) };
app.get('/huge', (c) => c.json(huge));
app.get('/live', (c) => streamSSE(c, async (s) => { await s.writeSSE({ data: 'x'.repeat(3000) }); }));

describe('compressed API responses', () => {
  it('chooses brotli, else gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
    expect(chooseEncoding('deflate')).toBeUndefined();
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding(undefined)).toBeUndefined();
  });

  it('compresses JSON above 1 KB with brotli or gzip, and says so in Vary', async () => {
    const br = await app.request('/big', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    const raw = Buffer.from(await br.arrayBuffer());
    expect(raw.length).toBeLessThan(JSON.stringify(big).length / 3);
    expect(JSON.parse(brotliDecompressSync(raw).toString())).toEqual(big);
    const gz = await app.request('/big', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString())).toEqual(big);
  });

  it('leaves small JSON, binary files, event streams and clients without Accept-Encoding alone', async () => {
    for (const [path, enc] of [['/small', 'br'], ['/pdf', 'br'], ['/live', 'br'], ['/big', '']] as const) {
      const res = await app.request(path, { headers: enc ? { 'accept-encoding': enc } : {} });
      expect(res.headers.get('content-encoding'), path).toBeNull();
      await res.arrayBuffer();
    }
    expect(await (await app.request('/small', { headers: { 'accept-encoding': 'br' } })).json()).toEqual({ ok: true });
  });

  it('compresses a shared answer once per encoding and reuses its bytes, but never for a replaced answer', async () => {
    const first = await app.request('/shared', { headers: { 'accept-encoding': 'br' } });
    const cached = jsonBodyOf(shared).encoded.get('br');
    expect(cached).toBeDefined();
    const second = await app.request('/shared', { headers: { 'accept-encoding': 'br' } });
    expect(jsonBodyOf(shared).encoded.get('br')).toBe(cached);
    const a = Buffer.from(await first.arrayBuffer());
    const b = Buffer.from(await second.arrayBuffer());
    expect(b.equals(a)).toBe(true);
    expect(second.headers.get('content-length')).toBe(String(b.length));
    expect(JSON.parse(brotliDecompressSync(b).toString())).toEqual(shared);
    const gz = await app.request('/shared', { headers: { 'accept-encoding': 'gzip' } });
    expect(JSON.parse(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString())).toEqual(shared);
    expect(await (await app.request('/shared')).json()).toEqual(shared);
    const replaced = await app.request('/replaced', { headers: { 'accept-encoding': 'br' } });
    expect(JSON.parse(brotliDecompressSync(Buffer.from(await replaced.arrayBuffer())).toString())).toEqual(big);
  });

  it('streams a body longer than 4 MB through the compressor, whole', async () => {
    const text = JSON.stringify(huge);
    expect(text.length).toBeGreaterThan(4 * 1024 * 1024);
    const res = await app.request('/huge', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('content-length')).toBeNull();
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(text);
  });
});
