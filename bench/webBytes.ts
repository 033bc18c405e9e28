import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

/**
 * The JavaScript a browser downloads on a first visit to the filling page: the entry script and its
 * preloads (index.html), the FillingPage chunk the router loads, and every chunk they import statically.
 * Sizes plain and brotli (the .br twin the build wrote, or compressed here when the build made none).
 * @example const { plain, brotli, files } = fillingPageJs('dist/web');
 */
export function fillingPageJs(webDist: string): { plain: number; brotli: number; files: string[] } {
  const html = readFileSync(join(webDist, 'index.html'), 'utf8');
  const start = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const filling = [...html.matchAll(/src="\/(assets\/index-[^"]+\.js)"/g)].flatMap((m) =>
    [...readFileSync(join(webDist, m[1]), 'utf8').matchAll(/"(assets\/FillingPage-[^"]+\.js)"/g)].map((x) => x[1]));
  if (filling.length === 0) throw new Error('FillingPage chunk not found in the entry script');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(webDist, file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) visit(`assets/${m[1]}`);
  };
  for (const f of [...start, ...filling]) visit(f);
  let plain = 0;
  let brotli = 0;
  for (const f of seen) {
    const data = readFileSync(join(webDist, f));
    plain += data.length;
    brotli += existsSync(join(webDist, `${f}.br`)) ? readFileSync(join(webDist, `${f}.br`)).length
      : brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { plain, brotli, files: [...seen].sort() };
}
