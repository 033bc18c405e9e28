import loadHighs from 'highs';

/**
 * The outsider's toolbox, written apart from the disclosure gate and sharing none of its code: the public
 * territory hierarchy read from the API, the API's JSON read as published cells, and an exact linear
 * program (HiGHS) that bounds every secret cell from everything published.
 */

export interface Cell { state: string; value?: number; n?: number; rule?: string }
export interface Figure { indicator: string; stat: string; territory: { level: string; code: string }; cell: Cell }
/** key of a territory: 'nation:FR', 'region:84', 'departement:69' */
export type TKey = string;
export const tkey = (level: string, code: string): TKey => `${level}:${code}`;

/** nation = Σ régions, each région = Σ its départements (from the public lists only). */
export interface Hierarchy { nation: TKey; regions: Map<TKey, TKey[]>; all: TKey[] }

type Req = (path: string, init?: RequestInit) => Response | Promise<Response>;

export async function readHierarchy(request: Req): Promise<Hierarchy> {
  const regions = (await (await request('/api/territories/regions')).json() as { items: { code: string }[] }).items;
  const deps = (await (await request('/api/territories/departements')).json() as { items: { code: string; regionCode: string }[] }).items;
  const map = new Map<TKey, TKey[]>(regions.map((r) => [tkey('region', r.code), []]));
  for (const d of deps) map.get(tkey('region', d.regionCode))?.push(tkey('departement', d.code));
  const nation = tkey('nation', 'FR');
  return { nation, regions: map, all: [nation, ...map.keys(), ...[...map.values()].flat()] };
}

/** Every figure of the public dashboards: the nation's page and each région's page (with its départements). */
export async function snapshotDashboards(request: Req, year: number, h: Hierarchy, headers: Record<string, string> = {}): Promise<Map<string, Figure>> {
  const out = new Map<string, Figure>();
  const pages = ['level=nation', ...[...h.regions.keys()].map((r) => `level=region&code=${r.split(':')[1]}`)];
  for (const p of pages) {
    const res = await request(`/api/stats/dashboard?year=${year}&${p}`, { headers });
    if (res.status !== 200) throw new Error(`dashboard ${p}: ${res.status}`);
    for (const f of (await res.json() as { figures: Figure[] }).figures) out.set(figKey(f), f);
  }
  return out;
}
export const figKey = (f: { indicator: string; stat: string; territory: { level: string; code: string } }) =>
  `${f.indicator}|${f.stat}|${tkey(f.territory.level, f.territory.code)}`;

let highs: Promise<{ solve(p: string, o?: Record<string, unknown>): { Status: string; ObjectiveValue: number } }> | undefined;
const solver = () => (highs ??= loadHighs() as never);

/** A linear program over named nonnegative (or free) variables; min and max of linear forms. */
export class Lp {
  private names = new Map<string, string>();
  private bounds = new Map<string, [number, number]>();
  private rows: string[] = [];
  v(name: string, lo = 0, hi = Infinity): string {
    let x = this.names.get(name);
    if (!x) { x = `x${this.names.size}`; this.names.set(name, x); this.bounds.set(x, [lo, hi]); }
    return x;
  }
  has(name: string) { return this.names.has(name); }
  /** Tightens a variable's bounds. */
  bound(name: string, lo: number, hi: number) {
    const x = this.v(name);
    const [a, b] = this.bounds.get(x)!;
    this.bounds.set(x, [Math.max(a, lo), Math.min(b, hi)]);
  }
  /** Σ coef·var (op) rhs */
  row(terms: [number, string][], op: '=' | '<=' | '>=', rhs: number) {
    const t = terms.filter(([c]) => c !== 0);
    if (t.length === 0) return;
    this.rows.push(`${lin(t.map(([c, n]) => [c, this.v(n)]))} ${op} ${num(rhs)}`);
  }
  async range(terms: [number, string][]): Promise<[number, number]> {
    const s = await solver();
    const obj = lin(terms.map(([c, n]) => [c, this.v(n)]));
    const body = (sense: string) => [sense, ` obj: ${obj}`, 'Subject To', ...this.rows.map((r, i) => ` c${i}: ${r}`), 'Bounds',
      ...[...this.bounds].map(([x, [lo, hi]]) => ` ${lo === -Infinity ? '-inf' : num(lo)} <= ${x} <= ${hi === Infinity ? '+inf' : num(hi)}`), 'End'].join('\n');
    const solve = (sense: string, inf: number) => {
      const r = s.solve(body(sense));
      if (r.Status === 'Optimal') return r.ObjectiveValue;
      if (/unbounded/i.test(r.Status)) return inf;
      throw new Error(`LP ${r.Status}`);
    };
    return [solve('Minimize', -Infinity), solve('Maximize', Infinity)];
  }
}
const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(9));
const lin = (t: [number, string][]) => t.map(([c, x], i) => `${c < 0 ? '- ' : i ? '+ ' : ''}${num(Math.abs(c))} ${x}`).join(' ');

/** A published exact value with the rounding the API may have applied. */
export const slack = (v: number) => 0.006 + 1e-9 * Math.abs(v);

/**
 * One indicator's sums and counts over the hierarchy as the outsider sees them in one published table:
 * S (sum) and N (respondents) per territory, nation = Σ régions = Σ départements for both, published values
 * fixed, no_data = 0, mean = S/N and share = S/N as linear links, S ≤ N for yes/no, N ≤ directory size.
 */
export function addTable(lp: Lp, p: { prefix: string; indicator: string; yesNo: boolean; h: Hierarchy; figures: Map<string, Figure>; directory: Map<TKey, number> }) {
  const { prefix, indicator, h, figures } = p;
  const S = (t: TKey) => `${prefix}S|${indicator}|${t}`, N = (t: TKey) => `${prefix}N|${indicator}|${t}`;
  const lines: [TKey, TKey[]][] = [[h.nation, [...h.regions.keys()]], ...h.regions];
  for (const [total, parts] of lines) {
    lp.row([[1, S(total)], ...parts.map((q) => [-1, S(q)] as [number, string])], '=', 0);
    lp.row([[1, N(total)], ...parts.map((q) => [-1, N(q)] as [number, string])], '=', 0);
  }
  for (const t of h.all) {
    lp.v(S(t)); lp.v(N(t));
    const dir = p.directory.get(t);
    if (dir !== undefined) lp.bound(N(t), 0, dir);
    if (p.yesNo) lp.row([[1, S(t)], [-1, N(t)]], '<=', 0);
    const get = (stat: string) => figures.get(`${indicator}|${stat}|${t}`)?.cell;
    const sum = get('sum'), count = get('count');
    if (!sum && !count) { lp.bound(S(t), 0, 0); lp.bound(N(t), 0, 0); continue; }
    for (const [c, name] of [[sum, S(t)], [count, N(t)]] as const) {
      if (c?.state === 'no_data') lp.bound(name, 0, 0);
      if (c?.state === 'value') lp.bound(name, c.value! - slack(c.value!), c.value! + slack(c.value!));
    }
    if (count?.state === 'value' && count.value !== undefined) lp.bound(N(t), count.value - 0.001, count.value + 0.001);
    for (const stat of ['mean', 'share']) {
      const c = get(stat);
      if (c?.state === 'value') {
        // S = m·N, with the rounding of m.
        lp.row([[1, S(t)], [-c.value!, N(t)]], '<=', 1e-6 * Math.max(1, Math.abs(c.value!)) * (p.directory.get(h.nation) ?? 1e4) + 0.01);
        lp.row([[1, S(t)], [-c.value!, N(t)]], '>=', -1e-6 * Math.max(1, Math.abs(c.value!)) * (p.directory.get(h.nation) ?? 1e4) - 0.01);
      }
    }
  }
  return { S, N };
}

/** Number of structures of the public directory per territory (GET /api/structures-map). */
export async function readDirectory(request: Req, h: Hierarchy): Promise<Map<TKey, number>> {
  const items = (await (await request('/api/structures-map')).json() as { items: { departementCode: string }[] }).items;
  const out = new Map<TKey, number>(h.all.map((t) => [t, 0]));
  const regionOf = new Map<TKey, TKey>();
  for (const [r, ds] of h.regions) for (const d of ds) regionOf.set(d, r);
  for (const it of items) {
    const d = tkey('departement', it.departementCode);
    out.set(d, (out.get(d) ?? 0) + 1);
    const r = regionOf.get(d);
    if (r) out.set(r, (out.get(r) ?? 0) + 1);
    out.set(h.nation, (out.get(h.nation) ?? 0) + 1);
  }
  return out;
}

/** Is [lo, hi] within ±10 % of the truth? (a pinned cell) */
export const pinned = (lo: number, hi: number, truth: number) => truth !== 0 ? lo >= truth - 0.1 * Math.abs(truth) && hi <= truth + 0.1 * Math.abs(truth) : hi - lo < 1e-6;
/** For counts of yes: is the cell pinned to one integer? */
export const pinnedInteger = (lo: number, hi: number) => Math.ceil(lo - 1e-6) >= Math.floor(hi + 1e-6);
