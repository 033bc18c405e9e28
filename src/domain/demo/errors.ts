/**
 * Labelled error injection: known mistakes put into a copy of demo answers for one year, with labels kept
 * apart from the data, to measure the quality engine (bench/quality.bench.ts). Deterministic for a seed.
 *
 * Kinds, as correspondents meet them:
 * - `unit_slip`: an amount in euros typed in k€ (÷1000) or with three zeros too many (×1000);
 * - `fte_above_headcount`: the FTE of a function typed above its headcount;
 * - `sum_mismatch`: one funding line or one contract count changed so that the detail no longer adds up;
 * - `yoy_jump`: a headline figure multiplied or divided by 3 (an extra or missing digit, a wrong line);
 * - `copied_section`: a whole section copied from last year's answers;
 * - `swapped_fields`: two answers typed in each other's boxes (FTE ↔ headcount, payroll ↔ expenses…);
 * - `implausible_zero`: 0 where the other answers make it impossible (no income with staff…).
 */
import { fundingSources, type sections, staffFunctions } from '../indicators';
import { coreIndicators } from '../indicators';
import type { Answers } from './answers';
import { Random } from './random';

export const errorKinds = ['unit_slip', 'fte_above_headcount', 'sum_mismatch', 'yoy_jump', 'copied_section', 'swapped_fields', 'implausible_zero', 'yoy_jump_volatile'] as const;
export type ErrorKind = (typeof errorKinds)[number];

/**
 * What was injected where. `codes`: the answers the error concerns, the changed one first (a swap changes
 * both; FTE above headcount changes the FTE and concerns the headcount too).
 */
export interface ErrorLabel { structureKey: number; year: number; kind: ErrorKind; codes: string[]; note: string }

/** A response offered to the injector; `previous` is the same structure's answers of year − 1, if any. */
export interface InjectionTarget { structureKey: number; year: number; answers: Answers; previous?: Answers }

export interface InjectionOptions {
  seed: number;
  /** Share of responses that get errors. */
  rate: number;
  /** Share of the affected responses that get a second error. */
  secondRate: number;
  /** Kinds drawn (uniformly). */
  kinds: readonly ErrorKind[];
}
export const defaultInjectionOptions: InjectionOptions = { seed: 8, rate: 0.065, secondRate: 0.3, kinds: errorKinds.filter((k) => k !== 'yoy_jump_volatile') };

const euroCodes = ['finances.produits', 'finances.charges', 'rh.masse_salariale', ...fundingSources.map(([s]) => `finances.financement.${s}`),
  'finances.fonds_propres', 'finances.reserves', 'finances.tresorerie', 'finances.frais_bancaires'];
/**
 * Headline figures a year-over-year jump is put into: what plaquettes publish, among the figures that are
 * steady from one year to the next (a ×3 is far outside their own variation). Volatile figures (people
 * reached, volunteers, volunteer hours, own funds) move by ±30 to 70 % a year for real, in life as in the
 * demo, so a ×3 there is at about 4 σ of their own noise: they are measured apart (`volatileJumpCodes`,
 * kind `yoy_jump_volatile`, off by default), not mixed into the main recall.
 */
export const jumpCodes = ['participation.adherents', 'participation.ca.membres', 'participation.associations_hebergees', 'rh.masse_salariale',
  'rh.etp.animation', 'rh.etp.direction_accueil', 'rh.effectif.animation', 'rh.effectif.direction_accueil', 'territoire.population'];
export const volatileJumpCodes = ['participation.benevoles', 'participation.heures_benevoles', 'actions.familles.personnes', 'actions.culture.personnes',
  'actions.enfance.personnes', 'actions.droits.informees', 'finances.fonds_propres'];
const swapPairs: [string, string][] = [
  ...staffFunctions.map(([f]): [string, string] => [`rh.etp.${f}`, `rh.effectif.${f}`]),
  ['rh.masse_salariale', 'finances.charges'],
  ['participation.adherents', 'participation.ag.presents'],
  ['participation.ca.membres', 'participation.ca.femmes'],
  ['actions.droits.informees', 'actions.droits.accompagnees'],
  ['finances.produits', 'finances.fonds_propres'],
];
const copySections = ['actions', 'participation', 'rh', 'finances'] as const;
const numericUnits = new Set(['count', 'fte', 'euros', 'share']);
const codesOf = (section: string) => coreIndicators.filter((i) => i.section === section).map((i) => i.code);

const n = (a: Answers, code: string) => (typeof a[code] === 'number' ? (a[code] as number) : null);
const round1 = (x: number) => Math.round(x * 10) / 10;

type Injector = (a: Answers, t: InjectionTarget, r: Random, taken: Set<string>) => { codes: string[]; note: string } | null;

function jump(codes: readonly string[]): Injector {
  return (a, t, r, taken) => {
    if (!t.previous) return null;
    const code = r.pick(codes.filter((c) => !taken.has(c) && (n(a, c) ?? 0) >= 3 && (n(t.previous!, c) ?? 0) > 0));
    if (!code) return null;
    const x = n(a, code)!;
    const up = r.chance(0.5);
    a[code] = code.startsWith('rh.etp') ? round1(up ? x * 3 : x / 3) : Math.round(up ? x * 3 : x / 3);
    return { codes: [code], note: `${code} ${up ? '×' : '÷'}3` };
  };
}

const injectors: Record<ErrorKind, Injector> = {
  unit_slip(a, _t, r, taken) {
    const code = r.pick(euroCodes.filter((c) => !taken.has(c) && (n(a, c) ?? 0) >= 1000));
    if (!code) return null;
    const x = n(a, code)!;
    const down = r.chance(0.5);
    a[code] = down ? Math.round(x / 1000) : x * 1000;
    return { codes: [code], note: `${code} ${down ? '÷' : '×'}1000` };
  },
  fte_above_headcount(a, _t, r, taken) {
    const f = r.pick(staffFunctions.filter(([f]) => !taken.has(`rh.etp.${f}`) && (n(a, `rh.effectif.${f}`) ?? 0) >= 1))?.[0];
    if (!f) return null;
    const people = n(a, `rh.effectif.${f}`)!;
    a[`rh.etp.${f}`] = round1(people * (1.25 + r.next() * 0.75));
    return { codes: [`rh.etp.${f}`, `rh.effectif.${f}`], note: `rh.etp.${f} > effectif` };
  },
  sum_mismatch(a, _t, r, taken) {
    if (r.chance(0.6)) {
      const income = n(a, 'finances.produits') ?? 0;
      const code = r.pick(fundingSources.map(([s]) => `finances.financement.${s}`).filter((c) => !taken.has(c) && (n(a, c) ?? 0) >= 0.03 * income));
      if (!code || income <= 0) return null;
      const x = n(a, code)!;
      a[code] = r.chance(0.5) ? 0 : Math.round(x * (1.3 + r.next() * 0.7));
      return { codes: [code], note: `${code} no longer adds up to finances.produits` };
    }
    if (taken.has('rh.contrat.cdd') || n(a, 'rh.contrat.cdd') === null) return null;
    a['rh.contrat.cdd'] = n(a, 'rh.contrat.cdd')! + r.int(2, 6);
    return { codes: ['rh.contrat.cdd'], note: 'contracts no longer add up to the headcount' };
  },
  yoy_jump: jump(jumpCodes),
  yoy_jump_volatile: jump(volatileJumpCodes),
  copied_section(a, t, r, taken) {
    if (!t.previous) return null;
    const section = r.pick(copySections.filter((s) => !codesOf(s).some((c) => taken.has(c))));
    if (!section) return null;
    const changed = codesOf(section).filter((c) => numericUnits.has(coreIndicators.find((i) => i.code === c)!.unit) && t.previous![c] !== undefined && t.previous![c] !== a[c]);
    if (changed.length < 4) return null;
    for (const c of codesOf(section)) if (t.previous[c] !== undefined) a[c] = t.previous[c];
    return { codes: changed, note: `section ${section} copied from ${t.year - 1}` };
  },
  swapped_fields(a, _t, r, taken) {
    const pair = r.pick(swapPairs.filter(([p, q]) => {
      const x = n(a, p), y = n(a, q);
      return !taken.has(p) && !taken.has(q) && x !== null && y !== null && Math.min(x, y) > 0 && Math.max(x, y) / Math.min(x, y) >= 1.25;
    }));
    if (!pair) return null;
    const [p, q] = pair;
    [a[p], a[q]] = [a[q], a[p]];
    return { codes: [p, q], note: `${p} ↔ ${q}` };
  },
  implausible_zero(a, _t, r, taken) {
    const staff = staffFunctions.reduce((s, [f]) => s + (n(a, `rh.effectif.${f}`) ?? 0), 0);
    const options = [
      ...(staff > 0 ? ['finances.produits', 'finances.charges', 'rh.masse_salariale'] : []),
      ...staffFunctions.filter(([f]) => (n(a, `rh.effectif.${f}`) ?? 0) > 0).map(([f]) => `rh.etp.${f}`),
    ].filter((c) => !taken.has(c) && (n(a, c) ?? 0) > 0);
    const code = r.pick(options);
    if (!code) return null;
    a[code] = 0;
    return { codes: [code], note: `${code} = 0` };
  },
};

/**
 * Copies the answers and injects errors into about `rate` of the responses (one, sometimes two each).
 * Returns the altered copies (same order as the input) and the labels, kept apart from the data.
 * @example const { answers, labels } = injectErrors(targets); labels[0] // { structureKey: 17, year: 2025, kind: 'unit_slip', codes: ['finances.charges'], … }
 */
export function injectErrors(targets: readonly InjectionTarget[], options: Partial<InjectionOptions> = {}): { answers: Answers[]; labels: ErrorLabel[] } {
  const o = { ...defaultInjectionOptions, ...options };
  const labels: ErrorLabel[] = [];
  const answers = targets.map((t) => {
    const a: Answers = { ...t.answers };
    const r = new Random(o.seed).fork(`e${t.structureKey}:${t.year}`);
    if (!r.chance(o.rate)) return a;
    const wanted = r.chance(o.secondRate) ? 2 : 1;
    const taken = new Set<string>();
    for (let i = 0, attempts = 0; i < wanted && attempts < 12; attempts++) {
      const kind = r.pick(o.kinds);
      const done = injectors[kind](a, t, r, taken);
      if (!done) continue;
      for (const c of done.codes) taken.add(c);
      labels.push({ structureKey: t.structureKey, year: t.year, kind, codes: done.codes, note: done.note });
      i++;
    }
    return a;
  });
  return { answers, labels };
}

/** Sections that can be copied, for tests and reports. */
export const copyableSections: readonly (typeof sections)[number][] = copySections;
