import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What is worth compressing: text files of at least 1 KB (images and fonts are compressed already). */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;
const MIN_BYTES = 1024;

/**
 * Writes a brotli (.br, best quality) and a gzip (.gz, level 9) twin beside every compressible built
 * file, so the server sends them as they are instead of compressing on each request. A twin that would
 * not be smaller is not written. Returns the files' sizes, plain and brotli.
 * @example precompressDir('dist/web') // [{ file: 'assets/index-abc.js', bytes: 439596, brotli: 118000 }, …]
 */
export function precompressDir(dir: string): { file: string; bytes: number; brotli: number }[] {
  const out: { file: string; bytes: number; brotli: number }[] = [];
  const walk = (sub: string) => {
    for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) { walk(rel); continue; }
      if (!COMPRESSIBLE.test(e.name) || statSync(join(dir, rel)).size < MIN_BYTES) continue;
      const data = readFileSync(join(dir, rel));
      const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
      const gz = gzipSync(data, { level: 9 });
      if (br.length < data.length) writeFileSync(join(dir, `${rel}.br`), br);
      if (gz.length < data.length) writeFileSync(join(dir, `${rel}.gz`), gz);
      out.push({ file: rel, bytes: data.length, brotli: Math.min(br.length, data.length) });
    }
  };
  walk('');
  return out;
}

/**
 * The Vite plugin that precompresses the web app once it is written (see vite.config.ts).
 * @example plugins: [react(), precompress()]
 */
export function precompress() {
  let outDir = '';
  return {
    name: 'senacs-precompress',
    apply: 'build' as const,
    configResolved(config: { root: string; build: { outDir: string } }) { outDir = join(config.root, config.build.outDir); },
    closeBundle() { precompressDir(outDir); },
  };
}
