import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, compressResponses } from './compress';

const big = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `Centre social n° ${i}` })) };
const app = new Hono();
app.use('*', compressResponses({ threshold: 1024 }));
app.get('/big', (c) => c.json(big));
app.get('/small', (c) => c.json({ ok: true }));
app.get('/pdf', (c) => c.body(new Uint8Array(5000), 200, { 'Content-Type': 'application/pdf' }));
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
});
