/**
 * A labelled test campaign for the quality engine, generated from a seed: structures the engine never
 * saw (their own communes and seed), two years of history from the demo answer
 * model, last year's answers drifted naturally into the new year (see `drift`), and in the new year one injected error in `rate` of the structures. The labels are kept
 * apart from the data, with the true value of every answer the error changed, so that the engine's
 * pointing (which answer) and its proposed corrections can be scored, not only its alarms.
 *
 * Errors, as correspondents meet them: unit slips (×10, ×100, ×1000, or euros typed in k€), digit typos
 * (one of the first two digits replaced, or two of the first three swapped), FTE above headcount,
 * funding lines that no longer add up to the income, year-over-year jumps (×2.5 to ×4 on a steady figure),
 * a section copied from last year, two answers swapped, an implausible zero.
 * Distractors, which must not be flagged: about `distractorRate` of the clean structures change a lot for
 * real, consistently (the whole structure grows or shrinks by half or more, volunteers and their hours
 * double or halve together, funding moves from one source to another with the same total).
 *
 * One honest limit: a digit typo is only injected when it moves the answer by 30 % or more (or breaks a
 * sum): a typo that changes a figure by less than its own yearly noise is invisible to any check.
 */
import { actionFields, contractTypes, coreIndicators, fundingSources, staffFunctions } from '../indicators';
import { generateAnswers, type Answers } from '../demo/answers';
import { Random } from '../demo/random';
import { generateStructures, type DemoCommune, type DemoStructure } from '../demo/structures';
import { peerGroupKeys } from './groups';
import type { PastAnswers } from './types';

export const injectedKinds = ['unit_slip', 'digit_typo', 'fte_above_headcount', 'sum_mismatch', 'yoy_jump', 'copied_section', 'swapped_fields', 'implausible_zero'] as const;
export type InjectedKind = (typeof injectedKinds)[number];
export const distractorKinds = ['growth', 'volunteer_swing', 'funding_shift'] as const;
export type DistractorKind = (typeof distractorKinds)[number];

/** One injected error: the answers it changed (the one to point at first) and their true values. */
/**
 * One injected error: the answers it changed (the one to point at first) and their true values; `kept`: how
 * closely the typed value still tells the truth (500 € for euros typed in k€, else exact).
 */
export interface InjectedLabel { structureKey: number; kind: InjectedKind; codes: string[]; truth: Record<string, number>; kept: number; note: string }

export interface LabelledResponse { structureKey: number; year: number; answers: Answers; history: PastAnswers[]; groups: string[] }
export interface LabelledCampaign { responses: LabelledResponse[]; labels: InjectedLabel[]; distractors: { structureKey: number; kind: DistractorKind }[] }

export interface LabelledOptions { seed: number; rate: number; distractorRate: number; scale: number; year: number }
export const defaultLabelledOptions: LabelledOptions = { seed: 17, rate: 0.06, distractorRate: 0.08, scale: 0.5, year: 2025 };

const n = (a: Answers, code: string) => (typeof a[code] === 'number' ? (a[code] as number) : null);
const round1 = (x: number) => Math.round(x * 10) / 10;
const fundingCodes = fundingSources.map(([s]) => `finances.financement.${s}`);
const euroCodes = ['finances.produits', 'finances.charges', 'rh.masse_salariale', ...fundingCodes, 'finances.fonds_propres', 'finances.reserves', 'finances.tresorerie'];
const typoCodes = [...euroCodes, 'participation.adherents', 'participation.benevoles', 'participation.heures_benevoles', 'actions.droits.informees',
  ...staffFunctions.map(([f]) => `rh.effectif.${f}`)];
const jumpCodes = ['participation.adherents', 'participation.ca.membres', 'participation.associations_hebergees', 'rh.masse_salariale', 'finances.charges',
  'rh.etp.animation', 'rh.etp.direction_accueil', 'rh.effectif.animation', 'rh.effectif.direction_accueil', 'finances.frais_bancaires'];
const swapPairs: [string, string][] = [
  ...staffFunctions.map(([f]): [string, string] => [`rh.etp.${f}`, `rh.effectif.${f}`]),
  ['rh.masse_salariale', 'finances.charges'], ['participation.adherents', 'participation.ag.presents'], ['participation.ca.membres', 'participation.ca.femmes'],
  ['actions.droits.informees', 'actions.droits.accompagnees'], ['finances.fonds_propres', 'finances.tresorerie'], ['participation.benevoles', 'participation.adherents'],
];
const copySections = ['actions', 'participation', 'rh', 'finances'] as const;
const numericUnits = new Set(['count', 'fte', 'euros', 'share']);
const codesOf = (section: string) => coreIndicators.filter((i) => i.section === section).map((i) => i.code);

/**
 * A digit typo of `x`: one of the first two digits replaced by another, or two of the first three
 * digits swapped. Null when the draw gives the same number or a leading zero.
 * @example digitTypo(45312, new Random(1)) // e.g. 48312 or 54312
 */
export function digitTypo(x: number, r: Random): number | null {
  const s = String(Math.round(x));
  if (s.length < 2) return null;
  const d = s.split('');
  if (r.chance(0.6)) {
    const i = r.int(0, 1);
    const other = String((Number(d[i]) + r.int(1, 9)) % 10);
    if (i === 0 && other === '0') return null;
    d[i] = other;
  } else {
    const i = r.int(0, Math.min(1, d.length - 2));
    if (d[i] === d[i + 1] || (i === 0 && d[1] === '0')) return null;
    [d[i], d[i + 1]] = [d[i + 1], d[i]];
  }
  const y = Number(d.join(''));
  return y === x ? null : y;
}

type Injector = (a: Answers, p: Answers, r: Random) => { codes: string[]; note: string } | null;
const pickAnswered = (r: Random, a: Answers, codes: readonly string[], min: number) => r.pick(codes.filter((c) => (n(a, c) ?? 0) >= min));

const injectors: Record<InjectedKind, Injector> = {
  unit_slip(a, _p, r) {
    const code = pickAnswered(r, a, euroCodes, 2000);
    if (!code) return null;
    const x = n(a, code)!;
    const f = r.pick([10, 100, 1000, 1 / 1000]);
    a[code] = f < 1 ? Math.round(x * f) : x * f;
    return { codes: [code], note: f < 1 ? 'k€' : `×${f}` };
  },
  digit_typo(a, _p, r) {
    const code = pickAnswered(r, a, typoCodes, 100);
    if (!code) return null;
    const x = n(a, code)!;
    const y = digitTypo(x, r);
    const breaksSum = fundingCodes.includes(code) && y !== null && Math.abs(y - x) > 0.02 * (n(a, 'finances.produits') ?? Infinity);
    if (y === null || (Math.max(x, y) / Math.min(x, y) < 1.3 && !breaksSum)) return null;
    a[code] = y;
    return { codes: [code], note: `${x} → ${y}` };
  },
  fte_above_headcount(a, _p, r) {
    const f = r.pick(staffFunctions.filter(([f]) => (n(a, `rh.effectif.${f}`) ?? 0) >= 1))?.[0];
    if (!f) return null;
    a[`rh.etp.${f}`] = round1(n(a, `rh.effectif.${f}`)! * (1.25 + r.next() * 0.75));
    return { codes: [`rh.etp.${f}`, `rh.effectif.${f}`], note: 'ETP > effectif' };
  },
  sum_mismatch(a, _p, r) {
    if (r.chance(0.7)) {
      const income = n(a, 'finances.produits') ?? 0;
      const code = r.pick(fundingCodes.filter((c) => (n(a, c) ?? 0) >= 0.03 * income));
      if (!code || income <= 0) return null;
      const x = n(a, code)!;
      a[code] = Math.round((r.chance(0.5) ? x * (1.3 + r.next() * 0.7) : x * (0.2 + r.next() * 0.5)) / 100) * 100;
      return { codes: [code], note: 'ligne de financement fausse' };
    }
    const c = r.pick(['rh.contrat.cdd', 'rh.contrat.cdi'].filter((k) => n(a, k) !== null));
    if (!c) return null;
    a[c] = n(a, c)! + r.int(2, 6);
    return { codes: [c], note: 'contrats ≠ effectif' };
  },
  yoy_jump(a, p, r) {
    const code = r.pick(jumpCodes.filter((c) => (n(a, c) ?? 0) >= 3 && (n(p, c) ?? 0) > 0));
    if (!code) return null;
    const x = n(a, code)!, f = 2.5 + r.next() * 1.5, up = r.chance(0.5);
    a[code] = code.startsWith('rh.etp') ? round1(up ? x * f : x / f) : Math.round(up ? x * f : x / f);
    return { codes: [code], note: `${up ? '×' : '÷'}${f.toFixed(1)}` };
  },
  copied_section(a, p, r) {
    const section = r.pick(copySections);
    const changed = codesOf(section).filter((c) => numericUnits.has(coreIndicators.find((i) => i.code === c)!.unit) && p[c] !== undefined && p[c] !== a[c]);
    if (changed.length < 4) return null;
    for (const c of codesOf(section)) if (p[c] !== undefined) a[c] = p[c];
    return { codes: changed, note: `section ${section} recopiée` };
  },
  swapped_fields(a, _p, r) {
    const pair = r.pick(swapPairs.filter(([x, y]) => {
      const u = n(a, x), v = n(a, y);
      return u !== null && v !== null && Math.min(u, v) > 0 && Math.max(u, v) / Math.min(u, v) >= 1.25;
    }));
    if (!pair) return null;
    const [x, y] = pair;
    [a[x], a[y]] = [a[y], a[x]];
    return { codes: [x, y], note: `${x} ↔ ${y}` };
  },
  implausible_zero(a, _p, r) {
    const staff = staffFunctions.reduce((s, [f]) => s + (n(a, `rh.effectif.${f}`) ?? 0), 0);
    const code = r.pick([...(staff > 0 ? ['finances.produits', 'finances.charges', 'rh.masse_salariale'] : []),
      ...staffFunctions.filter(([f]) => (n(a, `rh.effectif.${f}`) ?? 0) > 0).map(([f]) => `rh.etp.${f}`)].filter((c) => (n(a, c) ?? 0) > 0));
    if (!code) return null;
    a[code] = 0;
    return { codes: [code], note: '0' };
  },
};

/** Amounts that follow the structure's size (a real growth moves them all). */
const sizeFollowers = coreIndicators.filter((i) => ['count', 'fte', 'euros'].includes(i.unit)
  && (['actions', 'rh', 'finances'].includes(i.section) || ['participation.adherents', 'participation.ag.presents', 'participation.benevoles', 'participation.benevoles_jeunes', 'participation.heures_benevoles'].includes(i.code))
  && !['finances.delai_paiement_jours', 'actions.permanences', 'finances.resultat', 'rh.contrat.service_civique'].includes(i.code)).map((i) => i.code);

/** Puts the sums back: funding lines add up to the income, contracts to the headcount, result = income − expenses. */
function restoreSums(a: Answers) {
  const income = n(a, 'finances.produits')!;
  const last = fundingCodes[fundingCodes.length - 1];
  a[last] = income - fundingCodes.slice(0, -1).reduce((s, c) => s + (n(a, c) ?? 0), 0);
  let headcount = 0;
  for (const [f] of staffFunctions) {
    const fte = n(a, `rh.etp.${f}`) ?? 0;
    const people = Math.max(Math.ceil(fte), n(a, `rh.effectif.${f}`) ?? 0);
    a[`rh.effectif.${f}`] = people;
    headcount += people;
  }
  const others = contractTypes.filter(([c]) => c !== 'cdi' && c !== 'service_civique').reduce((s, [c]) => s + (n(a, `rh.contrat.${c}`) ?? 0), 0);
  a['rh.contrat.cdi'] = Math.max(0, headcount - others);
  if (headcount - others < 0) a['rh.contrat.cdd'] = (n(a, 'rh.contrat.cdd') ?? 0) + headcount - others;
  a['participation.ag.presents'] = Math.min(n(a, 'participation.adherents') ?? 0, n(a, 'participation.ag.presents') ?? 0);
  a['finances.reserves'] = Math.min(n(a, 'finances.reserves') ?? 0, n(a, 'finances.fonds_propres') ?? 0);
  a['finances.resultat'] = income - (n(a, 'finances.charges') ?? 0);
  if (typeof a['theme.2025.professionnels'] === 'number') a['theme.2025.professionnels'] = Math.min(a['theme.2025.professionnels'] as number, headcount);
}

const distractors: Record<DistractorKind, (a: Answers, r: Random) => boolean> = {
  growth(a, r) {
    const f = r.chance(0.6) ? 1.5 + r.next() * 0.7 : 1 / (1.5 + r.next() * 0.5);
    for (const c of sizeFollowers) { const x = n(a, c); if (x !== null) a[c] = c.startsWith('rh.etp') ? round1(x * f) : Math.round(x * f); }
    restoreSums(a);
    return true;
  },
  volunteer_swing(a, r) {
    const f = r.chance(0.5) ? 2 + r.next() * 0.5 : 1 / (2 + r.next() * 0.5);
    for (const c of ['participation.benevoles', 'participation.heures_benevoles', 'participation.benevoles_jeunes']) { const x = n(a, c); if (x !== null) a[c] = Math.round(x * f); }
    return true;
  },
  funding_shift(a, r) {
    const [from, to] = [r.pick(fundingCodes.slice(0, 4)), r.pick(fundingCodes.slice(4, 8))];
    const moved = Math.round((n(a, from) ?? 0) * (0.3 + r.next() * 0.3));
    if (!moved) return false;
    a[from] = n(a, from)! - moved;
    a[to] = (n(a, to) ?? 0) + moved;
    return true;
  },
};

/**
 * This year's answers drifted from last year's: the structure's common growth (about +3 % ± 5 %) times each
 * figure's own noise (steady for money and staff, looser for people reached, loose for cash), with every
 * sum and bound kept. Identity, yes/no answers and the yearly theme come from `fresh` (the demo model's own
 * draw of the year); the people reached by an action follow from whether the action runs this year.
 */
function drift(last: Answers, fresh: Answers, r: Random): Answers {
  const a: Answers = { ...fresh };
  const g = Math.exp(r.normal(0.03, 0.05));
  const move = (c: string, sigma: number, extra = 1) => { const x = n(last, c); return x === null ? null : x * g * extra * r.logNormal(1, sigma); };
  for (const [f] of actionFields) {
    const runs = a[`actions.${f}.oui`] === true, before = n(last, `actions.${f}.personnes`) ?? 0;
    a[`actions.${f}.personnes`] = !runs ? 0 : before > 0 ? Math.max(1, Math.round(move(`actions.${f}.personnes`, 0.2)!)) : n(fresh, `actions.${f}.personnes`) ?? 0;
  }
  const rights = a['actions.acces_droits.oui'] === true;
  const informed = rights ? Math.round((n(last, 'actions.droits.informees') ?? 0) > 0 ? move('actions.droits.informees', 0.25)! : n(fresh, 'actions.droits.informees') ?? 0) : 0;
  a['actions.droits.informees'] = informed;
  const shareHelped = (n(last, 'actions.droits.accompagnees') ?? 0) / Math.max(1, n(last, 'actions.droits.informees') ?? 0);
  a['actions.droits.accompagnees'] = Math.min(informed, Math.round(informed * (shareHelped || 0.3) * r.logNormal(1, 0.15)));
  for (const c of ['actions.permanences', 'participation.comites_habitants', 'participation.associations_hebergees', 'territoire.population',
    'participation.ca.membres', 'participation.ca.femmes', 'participation.ca.moins_30', 'participation.ca.plus_60', 'participation.ca.habitants', 'participation.ca.institutions']) {
    if (last[c] !== undefined) a[c] = last[c];
  }
  const members = Math.round(move('participation.adherents', 0.12) ?? 0);
  a['participation.adherents'] = members;
  a['participation.ag.presents'] = Math.min(members, Math.round(members * ((n(last, 'participation.ag.presents') ?? 0) / Math.max(1, n(last, 'participation.adherents') ?? 1)) * r.logNormal(1, 0.12)));
  const volunteers = Math.max(3, Math.round(move('participation.benevoles', 0.18) ?? 3));
  a['participation.benevoles'] = volunteers;
  a['participation.benevoles_jeunes'] = Math.min(volunteers, Math.round(volunteers * ((n(last, 'participation.benevoles_jeunes') ?? 0) / Math.max(1, n(last, 'participation.benevoles') ?? 1))));
  a['participation.heures_benevoles'] = Math.round(volunteers * ((n(last, 'participation.heures_benevoles') ?? 0) / Math.max(1, n(last, 'participation.benevoles') ?? 1)) * r.logNormal(1, 0.15));
  let headcount = 0;
  for (const [f] of staffFunctions) {
    const fte0 = n(last, `rh.etp.${f}`) ?? 0, eff0 = n(last, `rh.effectif.${f}`) ?? 0;
    const fte = fte0 > 0 ? round1(fte0 * g * r.logNormal(1, 0.08)) : 0;
    const people = fte === 0 ? 0 : Math.max(Math.ceil(fte), Math.round((eff0 * fte) / Math.max(0.1, fte0) * r.logNormal(1, 0.05)));
    a[`rh.etp.${f}`] = fte; a[`rh.effectif.${f}`] = people; headcount += people;
  }
  const lastHeadcount = staffFunctions.reduce((t, [f]) => t + (n(last, `rh.effectif.${f}`) ?? 0), 0) || 1;
  let assigned = 0;
  for (const c of ['rh.contrat.cdd', 'rh.contrat.aides', 'rh.contrat.apprentis']) {
    const k = Math.min(headcount - assigned, Math.round(((n(last, c) ?? 0) * headcount) / lastHeadcount));
    a[c] = k; assigned += k;
  }
  a['rh.contrat.cdi'] = headcount - assigned;
  if (last['rh.contrat.service_civique'] !== undefined) a['rh.contrat.service_civique'] = last['rh.contrat.service_civique'];
  const income = Math.round(move('finances.produits', 0.04)!);
  const shares = fundingCodes.map((c) => ((n(last, c) ?? 0) / Math.max(1, n(last, 'finances.produits') ?? 1)) * r.logNormal(1, 0.06));
  const total = shares.reduce((t, x) => t + x, 0) || 1;
  let funded = 0;
  fundingCodes.forEach((c, i) => { const v = i === fundingCodes.length - 1 ? income - funded : Math.round((income * shares[i]) / total); a[c] = v; funded += v; });
  a['finances.produits'] = income;
  const expenses = Math.round(income * (1 + r.normal(0.005, 0.02)));
  a['finances.charges'] = expenses;
  a['rh.masse_salariale'] = Math.round(expenses * ((n(last, 'rh.masse_salariale') ?? 0) / Math.max(1, n(last, 'finances.charges') ?? 1)) * r.logNormal(1, 0.02));
  const ownFunds = Math.round((n(last, 'finances.fonds_propres') ?? 0) * g * r.logNormal(1, 0.08));
  a['finances.fonds_propres'] = ownFunds;
  a['finances.reserves'] = Math.min(ownFunds, Math.round((n(last, 'finances.reserves') ?? 0) * g * r.logNormal(1, 0.08)));
  a['finances.tresorerie'] = Math.round((expenses / 365) * Math.max(5, r.logNormal(60, 0.4)));
  a['finances.frais_bancaires'] = Math.round(income * r.logNormal(0.0015, 0.3));
  a['finances.delai_paiement_jours'] = Math.round((n(last, 'finances.delai_paiement_jours') ?? 60) * r.logNormal(1, 0.15));
  a['finances.resultat'] = income - expenses;
  if (typeof a['theme.2025.professionnels'] === 'number') a['theme.2025.professionnels'] = Math.min(a['theme.2025.professionnels'] as number, headcount);
  return a;
}

/** Synthetic communes in eight départements, populations from villages to cities (log-normal). */
function communesFor(seed: number): DemoCommune[] {
  const r = new Random(seed).fork('communes');
  return Array.from({ length: 400 }, (_, i) => {
    const d = String(10 + (i % 8));
    return { code: `${d}${String(i).padStart(3, '0')}`, name: `Commune ${i}`, departement_code: d, region_code: `R${d}`, epci_code: null, postal_code: null,
      population: Math.round(r.logNormal(6_000, 1.6)) + 100, lat: null, lon: null };
  });
}

/**
 * A labelled campaign (deterministic for the options).
 * @example const { responses, labels } = labelledCampaign({ seed: 1, rate: 0.15 }); labels[0].truth
 */
export function labelledCampaign(options: Partial<LabelledOptions> = {}): LabelledCampaign {
  const o = { ...defaultLabelledOptions, ...options };
  const structures: DemoStructure[] = generateStructures(communesFor(o.seed), o.scale, o.seed);
  const labels: InjectedLabel[] = [];
  const shown: LabelledCampaign['distractors'] = [];
  const responses = structures.map((s): LabelledResponse => {
    const [a2, a1, fresh] = [o.year - 2, o.year - 1, o.year].map((y) => generateAnswers(s, y, o.seed));
    const a0 = drift(a1, fresh, new Random(o.seed).fork(`drift${s.key}`));
    const a: Answers = { ...a0 };
    const r = new Random(o.seed).fork(`inject${s.key}`);
    if (r.chance(o.rate)) {
      for (let attempt = 0; attempt < 12; attempt++) {
        const kind = r.pick(injectedKinds);
        const before = { ...a };
        const done = injectors[kind](a, a1, r);
        if (!done) continue;
        const truth = Object.fromEntries(done.codes.map((c) => [c, n(before, c) ?? 0]));
        labels.push({ structureKey: s.key, kind, codes: done.codes, truth, kept: done.note === 'k€' ? 500 : 0.5, note: done.note });
        break;
      }
    } else if (r.chance(o.distractorRate)) {
      const kind = r.pick(distractorKinds);
      if (distractors[kind](a, r)) shown.push({ structureKey: s.key, kind });
    }
    return { structureKey: s.key, year: o.year, answers: a, groups: peerGroupKeys({ kind: s.kind, territoryType: s.territory_type, communePopulation: s.communePopulation }),
      history: [{ year: o.year - 1, answers: a1 }, { year: o.year - 2, answers: a2 }] };
  });
  return { responses, labels, distractors: shown };
}
