/**
 * Peer outliers: each response against its comparable group (kind × town size × territory…, chosen by the
 * caller), on raw amounts, on ratios (euros per FTE, CAF share…) and on amounts relative to the structure's
 * size. Group statistics are computed once per group and metric (`buildPeerStats`), then each response is
 * tested in O(metrics).
 *
 * An outlier is reported when two robust tests agree: modified z-score |0.6745·(x − median)/MAD| ≥ 3.5
 * (0.7979·(x − median)/meanAbsDev when MAD = 0) and outside the far-out fences Q1 − 3·IQR, Q3 + 3·IQR.
 * Amounts and ratios of amounts are tested on the log scale (they are skewed); shares on the linear scale.
 */
import { staffFunctions } from '../indicators';
import { formatNumber, formatShare } from './format';
import { fences, modifiedZ, summarize, type Summary } from './robust';
import type { AnswerMap, Finding } from './types';
import { labelOf, num, show, sumOf, unitOf } from './values';
import { amountCodes } from './yearOverYear';

const etpCodes = staffFunctions.map(([f]) => `rh.etp.${f}`);
const effCodes = staffFunctions.map(([f]) => `rh.effectif.${f}`);

/** A quantity compared between peers. */
export interface PeerMetric {
  id: string;
  /** Answers the metric is computed from (the suspect first). */
  codes: string[];
  scale: 'log' | 'linear';
  /** The value, or null when it cannot be computed (missing answer, zero denominator, zero on the log scale). */
  value: (a: AnswerMap) => number | null;
  /** French phrase naming the metric, e.g. "les produits par ETP". */
  label: string;
  /** The label is plural ("les produits par ETP … sont"): verbs agree with it. */
  plural?: boolean;
  show: (x: number) => string;
}

const ratio = (n: readonly string[], d: readonly string[]) => (a: AnswerMap) => {
  const x = sumOf(a, n), y = sumOf(a, d);
  return x === null || y === null || y <= 0 ? null : x / y;
};
/** "1,5 salarié par ETP", "2,3 salariés par ETP": French plural from 2 on. */
const perUnit = (one: string, many: string, per: string) => (x: number) => { const v = Math.round(x * 10) / 10; return `${formatNumber(v)} ${v >= 2 ? many : one} ${per}`; };

/** Ratios between answers that should be stable between comparable structures. */
export const ratioMetrics: readonly PeerMetric[] = [
  { id: 'ratio:produits_par_etp', codes: ['finances.produits', ...etpCodes], scale: 'log', value: ratio(['finances.produits'], etpCodes), label: 'les produits par ETP', plural: true, show: (x) => `${formatNumber(Math.round(x))} € par ETP` },
  { id: 'ratio:masse_salariale_par_etp', codes: ['rh.masse_salariale', ...etpCodes], scale: 'log', value: ratio(['rh.masse_salariale'], etpCodes), label: 'la masse salariale par ETP', show: (x) => `${formatNumber(Math.round(x))} € par ETP` },
  { id: 'ratio:salaries_par_etp', codes: [...effCodes, ...etpCodes], scale: 'log', value: ratio(effCodes, etpCodes), label: 'le nombre de salariés par ETP', show: perUnit('salarié', 'salariés', 'par ETP') },
  { id: 'ratio:benevoles_par_etp', codes: ['participation.benevoles', ...etpCodes], scale: 'log', value: ratio(['participation.benevoles'], etpCodes), label: 'le nombre de bénévoles par ETP', show: perUnit('bénévole', 'bénévoles', 'par ETP') },
  { id: 'ratio:heures_par_benevole', codes: ['participation.heures_benevoles', 'participation.benevoles'], scale: 'log', value: ratio(['participation.heures_benevoles'], ['participation.benevoles']), label: 'les heures de bénévolat par bénévole', plural: true, show: perUnit('heure', 'heures', 'par bénévole') },
  { id: 'ratio:part_caf', codes: ['finances.financement.caf_ps', 'finances.financement.caf_local', 'finances.produits'], scale: 'linear', value: ratio(['finances.financement.caf_ps', 'finances.financement.caf_local'], ['finances.produits']), label: 'la part de la CAF dans les produits', show: formatShare },
  { id: 'ratio:part_masse_salariale', codes: ['rh.masse_salariale', 'finances.charges'], scale: 'linear', value: ratio(['rh.masse_salariale'], ['finances.charges']), label: 'la part de la masse salariale dans les charges', show: formatShare },
  { id: 'ratio:presence_ag', codes: ['participation.ag.presents', 'participation.adherents'], scale: 'linear', value: ratio(['participation.ag.presents'], ['participation.adherents']), label: 'la part des adhérents présents à l’assemblée générale', show: formatShare },
];

/**
 * Raw amounts, on the log scale. The population of the area served is left out: it follows the scale the
 * structure declares (a neighbourhood or several communes), which peer groups do not capture.
 */
export const rawMetrics: readonly PeerMetric[] = amountCodes.filter((c) => c !== 'territoire.population').map((code) => ({
  id: `raw:${code}`, codes: [code], scale: 'log' as const, value: (a: AnswerMap) => num(a, code), label: `« ${labelOf(code)} »`, show: (x: number) => show(code, x),
}));

/**
 * Answers that measure a structure's size. Their median position in the group (on the log scale) is the
 * structure's size; the median keeps one wrong answer from moving it.
 */
export const sizeCodes = ['finances.produits', 'finances.charges', 'rh.masse_salariale', 'rh.etp.total', 'rh.effectif.total', 'participation.adherents', 'participation.benevoles'] as const;
const sizeValue = (a: AnswerMap, code: string) => code === 'rh.etp.total' ? sumOf(a, etpCodes) : code === 'rh.effectif.total' ? sumOf(a, effCodes) : num(a, code);

/** Amounts compared after allowing for the structure's size (defaults: every amount that grows with size). */
/**
 * Amounts compared after allowing for the structure's size: every amount that grows with size. A size
 * answer is compared with the size index computed without it (leave one out). Total income, expenses and
 * payroll are left out: they move together, so each one's residual is artificially narrow; the funding
 * total, the ratios and the yearly change watch them.
 */
export const sizeRelativeCodes: readonly string[] = amountCodes.filter((c) => !['territoire.population', 'actions.permanences', 'participation.comites_habitants',
  'finances.delai_paiement_jours', 'finances.produits', 'finances.charges', 'rh.masse_salariale'].includes(c));
const isSizeCode = new Set<string>(sizeCodes);

export interface PeerOptions {
  /** A group with fewer values than this falls back to the next, coarser group key. */
  minGroupSize: number;
  modifiedZ: number;
  iqrK: number;
  metrics: readonly PeerMetric[];
  sizeRelative: readonly string[];
  /** Differences smaller than this (per unit, from the median or the expected value) are never reported: 3 CDD instead of 1 is no error. */
  minAbsoluteDifference: Readonly<Record<string, number>>;
}
export const defaultPeerOptions: PeerOptions = { minGroupSize: 30, modifiedZ: 3.5, iqrK: 3, metrics: [...rawMetrics, ...ratioMetrics], sizeRelative: sizeRelativeCodes,
  minAbsoluteDifference: { count: 10, fte: 1, euros: 500 } };

/** A response as peers see it: its answers and its group keys from the finest to the coarsest. */
export interface PeerMember { groups: readonly string[]; answers: AnswerMap }

const transform = (m: { scale: 'log' | 'linear' }, x: number | null) => x === null ? null : m.scale === 'log' ? (x > 0 ? Math.log(x) : null) : x;

/** Statistics of every group and metric, computed once per campaign. */
export interface PeerStats {
  options: PeerOptions;
  /** metric id → group key → summary on the tested scale. */
  metric: Map<string, Map<string, Summary>>;
  /** size code → group key → summary of log values, for the size index. */
  size: Map<string, Map<string, Summary>>;
  /** code → group key → summary of log(value) − size index. */
  relative: Map<string, Map<string, Summary>>;
}

/** Values of one metric by group key; `push` adds a value to every group of a member. */
class GroupValues {
  readonly byGroup = new Map<string, number[]>();
  push(groups: readonly string[], x: number) {
    for (const g of groups) { const xs = this.byGroup.get(g); if (xs) xs.push(x); else this.byGroup.set(g, [x]); }
  }
}
function collect(into: Map<string, GroupValues>, id: string) {
  let v = into.get(id);
  if (!v) into.set(id, (v = new GroupValues()));
  return v;
}
function summarizeAll(values: Map<string, GroupValues>, minN: number) {
  const out = new Map<string, Map<string, Summary>>();
  for (const [id, v] of values) {
    const m = new Map<string, Summary>();
    for (const [g, xs] of v.byGroup) if (xs.length >= minN) m.set(g, summarize(xs));
    out.set(id, m);
  }
  return out;
}
/** The summary of the finest group large enough. */
function pick(byGroup: Map<string, Summary> | undefined, groups: readonly string[]): [string, Summary] | undefined {
  if (!byGroup) return undefined;
  for (const g of groups) { const s = byGroup.get(g); if (s) return [g, s]; }
  return undefined;
}

/** Each size answer's position in the group (log value − group median of logs). */
function sizeDeviations(a: AnswerMap, groups: readonly string[], size: PeerStats['size']): [string, number][] {
  const devs: [string, number][] = [];
  for (const code of sizeCodes) {
    const x = sizeValue(a, code);
    const s = x !== null && x > 0 ? pick(size.get(code), groups) : undefined;
    if (s) devs.push([code, Math.log(x!) - s[1].median]);
  }
  return devs;
}
function medianOf(devs: readonly [string, number][], leaveOut?: string): number | null {
  const xs = devs.filter(([c]) => c !== leaveOut).map(([, d]) => d).sort((p, q) => p - q);
  if (xs.length < 3) return null;
  const m = xs.length >> 1;
  return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}

/**
 * The structure's size on the log scale relative to its group (0 = the group's median size), or null: the
 * median position of its size answers, so one wrong answer does not move it. `leaveOut`: a size code to
 * ignore, to judge that answer against the others.
 */
export function sizeIndex(a: AnswerMap, groups: readonly string[], size: PeerStats['size'], leaveOut?: string): number | null {
  return medianOf(sizeDeviations(a, groups, size), leaveOut);
}

/**
 * Group statistics for every metric, at every group level, computed once per campaign.
 * @example const stats = buildPeerStats(responses.map((r) => ({ groups: [r.group, r.kind], answers: r.answers })));
 */
export function buildPeerStats(members: Iterable<PeerMember>, options: Partial<PeerOptions> = {}): PeerStats {
  const o = { ...defaultPeerOptions, ...options };
  const list = [...members];
  const metricValues = new Map<string, GroupValues>();
  const sizeValues = new Map<string, GroupValues>();
  for (const m of o.metrics) {
    const into = collect(metricValues, m.id);
    for (const { groups, answers } of list) { const t = transform(m, m.value(answers)); if (t !== null) into.push(groups, t); }
  }
  for (const code of sizeCodes) {
    const into = collect(sizeValues, code);
    for (const { groups, answers } of list) { const x = sizeValue(answers, code); if (x !== null && x > 0) into.push(groups, Math.log(x)); }
  }
  const size = summarizeAll(sizeValues, o.minGroupSize);
  const relValues = new Map<string, GroupValues>();
  const relInto = o.sizeRelative.map((code) => collect(relValues, code));
  for (const { groups, answers } of list) {
    const devs = sizeDeviations(answers, groups, size);
    const si = medianOf(devs);
    if (si === null) continue;
    o.sizeRelative.forEach((code, k) => {
      const x = num(answers, code);
      const sc = isSizeCode.has(code) ? medianOf(devs, code) : si;
      if (x !== null && x > 0 && sc !== null) relInto[k].push(groups, Math.log(x) - sc);
    });
  }
  return { options: o, metric: summarizeAll(metricValues, o.minGroupSize), size, relative: summarizeAll(relValues, o.minGroupSize) };
}

function outlier(t: number, s: Summary, o: PeerOptions): number | null {
  const z = modifiedZ(t, s);
  if (Math.abs(z) < o.modifiedZ) return null;
  const f = fences(s, o.iqrK);
  return t < f.low || t > f.high ? z : null;
}
const back = (scale: 'log' | 'linear', t: number) => scale === 'log' ? Math.exp(t) : t;

/**
 * Peer findings of one response.
 * @example checkPeers(answers, ['CS|urban|10-50k', 'CS|urban', 'CS'], stats)
 */
export function checkPeers(a: AnswerMap, groups: readonly string[], stats: PeerStats): Finding[] {
  const o = stats.options;
  const out: Finding[] = [];
  for (const m of o.metrics) {
    const x = m.value(a);
    const t = transform(m, x);
    const hit = t === null ? undefined : pick(stats.metric.get(m.id), groups);
    if (t === null || x === null || !hit) continue;
    const [group, s] = hit;
    const z = outlier(t, s, o);
    if (z === null) continue;
    const med = back(m.scale, s.median);
    const unit = m.id.startsWith('raw:') ? unitOf(m.codes[0]) : undefined;
    if (unit && Math.abs(x - med) < (o.minAbsoluteDifference[unit] ?? 0)) continue;
    const times = m.scale === 'log' ? ` (${formatNumber(Math.round((z > 0 ? x / med : med / x) * 10) / 10)} fois ${z > 0 ? 'plus' : 'moins'} que la médiane)` : '';
    out.push({
      kind: 'peer_outlier', level: 'warning', codes: m.codes, rule: `peer:${m.id}`,
      reason: `${capitalize(m.label)} (${m.show(x)}) ${z > 0 ? (m.plural ? 'dépassent de loin' : 'dépasse de loin') : (m.plural ? 'sont très en dessous de' : 'est très en dessous de')} ce qu’on observe dans les structures comparables : médiane ${m.show(med)}${times}, sur ${s.n} structures. Erreur d’unité ou de saisie ?`,
      details: { value: x, median: med, modifiedZ: round2(z), group, n: s.n },
    });
  }
  const devs = sizeDeviations(a, groups, stats.size);
  const si = medianOf(devs);
  if (si !== null) {
    for (const code of o.sizeRelative) {
      const x = num(a, code);
      const hit = x !== null && x > 0 ? pick(stats.relative.get(code), groups) : undefined;
      const sc = isSizeCode.has(code) ? medianOf(devs, code) : si;
      if (x === null || !hit || sc === null) continue;
      const [group, s] = hit;
      const z = outlier(Math.log(x) - sc, s, o);
      if (z === null) continue;
      const expected = Math.exp(s.median + sc);
      if (Math.abs(x - expected) < (o.minAbsoluteDifference[unitOf(code) ?? 'count'] ?? 0)) continue;
      out.push({
        kind: 'peer_outlier', level: 'warning', codes: [code], rule: 'peer:size_relative',
        reason: `« ${labelOf(code)} » : ${show(code, x)}, soit ${formatNumber(Math.round((z > 0 ? x / expected : expected / x) * 10) / 10)} fois ${z > 0 ? 'plus' : 'moins'} que ce qu’on attendrait (environ ${show(code, unitOf(code) === 'fte' ? Math.round(expected * 10) / 10 : Math.round(expected))}) d’une structure de cette taille parmi ${s.n} structures comparables. Erreur de saisie ou d’unité ?`,
        details: { value: x, expected: Math.round(expected), modifiedZ: round2(z), group, n: s.n },
      });
    }
  }
  return out;
}

const round2 = (x: number) => Number.isFinite(x) ? Math.round(x * 100) / 100 : x > 0 ? 1e9 : -1e9;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
