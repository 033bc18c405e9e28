import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database$, Db } from '../db/connection';
import { createServerApp } from '../server';
import { precompressDir } from './precompress';

const dir = mkdtempSync(join(tmpdir(), 'senacs-web-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'assets'));
const script = `export const labels = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `Centre social numéro ${i}`))};\n`;
writeFileSync(join(dir, 'assets/app-abc123.js'), script);
writeFileSync(join(dir, 'assets/tiny-abc123.js'), 'export {};\n');
writeFileSync(join(dir, 'assets/logo-abc123.png'), Buffer.alloc(4000, 7));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Senacs</title><script type="module" src="/assets/app-abc123.js"></script>');
const sizes = precompressDir(dir);
// Static files only: the API (and so the database) is never reached.
const app = createServerApp({ db: {} as Db, kind: 'pglite', close: async () => {} } satisfies Database$, pino({ level: 'silent' }), { trustedProxies: [] }, { webDist: dir });

describe('the web app precompressed at build time', () => {
  it('writes brotli and gzip twins of text files of 1 KB or more only', () => {
    expect(sizes.map((s) => s.file)).toEqual(['assets/app-abc123.js']);
    expect(sizes[0].brotli).toBeLessThan(sizes[0].bytes / 4);
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets/app-abc123.js.br'))).toString()).toBe(script);
    expect(gunzipSync(readFileSync(join(dir, 'assets/app-abc123.js.gz'))).toString()).toBe(script);
  });

  it('serves the brotli file, else the gzip one, else the plain one, with Vary and immutable caching', async () => {
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
      ['gzip, deflate', 'gzip', gunzipSync],
      ['', null, (b: Buffer) => b],
    ] as const) {
      const res = await app.request('/assets/app-abc123.js', { headers: accept ? { 'accept-encoding': accept } : {} });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(decode(Buffer.from(await res.arrayBuffer())).toString()).toBe(script);
    }
    const png = await app.request('/assets/logo-abc123.png', { headers: { 'accept-encoding': 'br' } });
    expect(png.headers.get('content-encoding')).toBeNull();
    expect(png.headers.get('vary')).toBeNull();
    expect((await png.arrayBuffer()).byteLength).toBe(4000);
  });
});
