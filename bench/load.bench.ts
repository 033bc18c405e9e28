import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { round, type Figures } from './lib';
import { fillingPageJs } from './webBytes';

const ROOT = resolve(import.meta.dirname, '..');
const WEB = join(ROOT, 'dist/web');

/**
 * Issue 16, bytes that travel: the filling page's JavaScript on a first visit, plain (what went out before
 * precompression) and brotli (what goes out now to any current browser). Builds the web app when missing.
 */
export async function run(): Promise<Figures> {
  if (!existsSync(join(WEB, 'index.html'))) {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  const js = fillingPageJs(WEB);
  console.log(`# load: filling page scripts ${js.files.join(', ')}`);
  return {
    filling_page_js_kb: { value: round(js.brotli / 1000), unit: 'kB' },
    filling_page_js_uncompressed_kb: { value: round(js.plain / 1000), unit: 'kB' },
  };
}
