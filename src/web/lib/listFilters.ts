/**
 * Filters of a public list (directory, fiches actions) live in the URL, so that a search can be shared
 * and the back button restores it: these read and write them.
 */

/**
 * Every filter of `names` from the URL's query, '' when absent.
 * @example filtersOf(['q', 'region'], new URLSearchParams('region=84')) // { q: '', region: '84' }
 */
export function filtersOf<N extends string>(names: readonly N[], search: URLSearchParams): Record<N, string> {
  return Object.fromEntries(names.map((n) => [n, search.get(n) ?? ''])) as Record<N, string>;
}

/**
 * The page number of the URL: 1 when absent, not a number, below 1 or beyond a safe integer (`1e400`).
 * @example pageOf(new URLSearchParams('page=abc')) // 1
 */
export function pageOf(search: URLSearchParams): number {
  const page = Math.trunc(Number(search.get('page')));
  return Number.isSafeInteger(page) && page > 1 ? page : 1;
}

/**
 * The URL of a list with its filters and page; empty filters and page 1 are left out, so that one search
 * has one URL (and one cache key).
 * @example listUrl('/structures', { q: '', region: '84', page: 1 }) // '/structures?region=84'
 */
export function listUrl(path: string, f: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v && !(k === 'page' && v === 1)) p.set(k, String(v));
  const qs = p.toString();
  return `${path}${qs ? `?${qs}` : ''}`;
}

/**
 * Filters with another region: the département is cleared, since one of another region would silently
 * empty the results.
 * @example withRegion({ region: '84', departement: '69' }, '93') // { region: '93', departement: '' }
 */
export function withRegion<F extends { region: string; departement: string }>(f: F, region: string): F {
  return { ...f, region, departement: region === f.region ? f.departement : '' };
}
