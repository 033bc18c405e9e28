/**
 * Consistency checks expressed as data: one table of rules, one evaluator, one translator to SurveyJS
 * expression text (so the same rules can later live in the questionnaire's own rule language).
 * A rule whose answers are not all given is skipped: completeness reports missing answers.
 */
import { actionFields, contractTypes, fundingSources, staffFunctions } from '../indicators';
import { formatShare, formatValue } from './format';
import type { AnswerMap, Finding, FindingLevel } from './types';
import { num, sumOf, unitOf } from './values';

/** A condition on the sum of one or more answers. */
export interface Condition { codes: string[]; op: '>0' | '=0' | 'true' | 'false' }

interface RuleBase { id: string; level: FindingLevel; /** French template, see `fill`. */ message: string }
/** sum(left) ≤ sum(right). Placeholders: {left} {right} {diff}. */
export interface LeRule extends RuleBase { type: 'le'; left: string[]; right: string[] }
/** sum(parts) = total within a relative tolerance. Placeholders: {left} (sum) {right} (total) {diff} {pct}. */
export interface SumRule extends RuleBase { type: 'sum'; parts: string[]; total: string; tolerance: number }
/** min ≤ sum(num)/sum(den) ≤ max (den = 0 with num > 0 fails). Placeholders: {num} {den} {ratio}. */
export interface RatioRule extends RuleBase { type: 'ratio'; num: string[]; den: string[]; min: number; max: number }
/** min ≤ value ≤ max. Placeholder: {value}. */
export interface BetweenRule extends RuleBase { type: 'between'; code: string; min: number; max: number }
/** when ⇒ then. Placeholders: {when} {then} (values). */
export interface ImpliesRule extends RuleBase { type: 'implies'; when: Condition; then: Condition }
export type ConsistencyRule = LeRule | SumRule | RatioRule | BetweenRule | ImpliesRule;

const fnLabel: Record<string, string> = { direction_accueil: 'direction et accueil', animation: 'animation', technique: 'technique et entretien' };
const etp = (f: string) => `rh.etp.${f}`;
const eff = (f: string) => `rh.effectif.${f}`;
const allEtp = staffFunctions.map(([f]) => etp(f));
const allEff = staffFunctions.map(([f]) => eff(f));

/**
 * The national consistency rules. Levels: `error` when the figures cannot both be right, `warning` when
 * they are very unusual together. Tolerances: 1 % for the funding total (rounding of several lines).
 */
export const consistencyRules: readonly ConsistencyRule[] = [
  ...staffFunctions.map(([f]): LeRule => ({
    id: `etp_le_effectif.${f}`, type: 'le', level: 'error', left: [etp(f)], right: [eff(f)],
    message: `Le total des ETP ${fnLabel[f]} ({left}) dépasse l’effectif ${fnLabel[f]} ({right}) : un équivalent temps plein ne peut pas dépasser le nombre de salariés qui l’occupent.`,
  })),
  ...staffFunctions.map(([f]): ImpliesRule => ({
    id: `effectif_sans_etp.${f}`, type: 'implies', level: 'warning', when: { codes: [eff(f)], op: '>0' }, then: { codes: [etp(f)], op: '>0' },
    message: `L’effectif ${fnLabel[f]} est de {when} salarié(s) mais les ETP correspondants sont à 0 : au moins un des deux chiffres est à revoir.`,
  })),
  {
    id: 'contrats_egal_effectif', type: 'sum', level: 'warning', tolerance: 0,
    parts: contractTypes.filter(([c]) => c !== 'service_civique').map(([c]) => `rh.contrat.${c}`), total: 'rh.effectif.total',
    message: 'Les salariés comptés par contrat (CDI, CDD, contrats aidés, apprentis : {left}) ne correspondent pas à l’effectif total par fonction ({right}), écart de {diff}.',
  },
  {
    id: 'masse_salariale_le_charges', type: 'le', level: 'error', left: ['rh.masse_salariale'], right: ['finances.charges'],
    message: 'La masse salariale ({left}) dépasse le total des charges ({right}) alors qu’elle en fait partie.',
  },
  {
    id: 'financements_egal_produits', type: 'sum', level: 'error', tolerance: 0.01,
    parts: fundingSources.map(([s]) => `finances.financement.${s}`), total: 'finances.produits',
    message: 'La somme des financements par source ({left}) ne correspond pas au total des produits ({right}) : écart de {diff} ({pct}), au-delà de la tolérance de 1 %.',
  },
  {
    id: 'charges_produits_plausibles', type: 'ratio', level: 'warning', num: ['finances.charges'], den: ['finances.produits'], min: 0.8, max: 1.25,
    message: 'Les charges ({num}) représentent {ratio} des produits ({den}) : un déficit ou un excédent de plus de 20 à 25 % est rare, vérifiez les deux totaux et leur unité.',
  },
  {
    id: 'produits_avec_salaries', type: 'implies', level: 'error', when: { codes: allEff, op: '>0' }, then: { codes: ['finances.produits'], op: '>0' },
    message: 'Le total des produits est à 0 alors que la structure déclare {when} salarié(s) : une structure qui emploie a forcément des produits.',
  },
  {
    id: 'charges_avec_salaries', type: 'implies', level: 'error', when: { codes: allEff, op: '>0' }, then: { codes: ['finances.charges'], op: '>0' },
    message: 'Le total des charges est à 0 alors que la structure déclare {when} salarié(s).',
  },
  {
    id: 'masse_salariale_avec_etp', type: 'implies', level: 'error', when: { codes: allEtp, op: '>0' }, then: { codes: ['rh.masse_salariale'], op: '>0' },
    message: 'La masse salariale est à 0 alors que la structure déclare {when} ETP salariés.',
  },
  {
    id: 'reserves_le_fonds_propres', type: 'le', level: 'warning', left: ['finances.reserves'], right: ['finances.fonds_propres'],
    message: 'Les réserves ({left}) dépassent les fonds propres ({right}) dont elles font partie.',
  },
  {
    id: 'ca_femmes_le_membres', type: 'le', level: 'error', left: ['participation.ca.femmes'], right: ['participation.ca.membres'],
    message: 'Le conseil d’administration compterait {left} administratrices pour {right} membres en tout.',
  },
  {
    id: 'ca_habitants_le_membres', type: 'le', level: 'error', left: ['participation.ca.habitants'], right: ['participation.ca.membres'],
    message: 'Le conseil d’administration compterait {left} administrateurs habitants ou usagers pour {right} membres en tout.',
  },
  {
    id: 'ca_ages_le_membres', type: 'le', level: 'error', left: ['participation.ca.moins_30', 'participation.ca.plus_60'], right: ['participation.ca.membres'],
    message: 'Les administrateurs de moins de 30 ans et de 60 ans et plus ({left} ensemble) sont plus nombreux que les membres du conseil ({right}).',
  },
  {
    id: 'ag_le_adherents', type: 'le', level: 'warning', left: ['participation.ag.presents'], right: ['participation.adherents'],
    message: 'L’assemblée générale aurait réuni {left} présents pour {right} adhérents : plus de présents que d’adhérents.',
  },
  {
    id: 'benevoles_jeunes_le_benevoles', type: 'le', level: 'error', left: ['participation.benevoles_jeunes'], right: ['participation.benevoles'],
    message: 'Les jeunes bénévoles ({left}) sont plus nombreux que l’ensemble des bénévoles d’activité ({right}).',
  },
  {
    id: 'droits_accompagnees_le_informees', type: 'le', level: 'warning', left: ['actions.droits.accompagnees'], right: ['actions.droits.informees'],
    message: 'Les personnes accompagnées dans l’accès aux droits ({left}) sont plus nombreuses que les personnes informées ({right}), alors qu’un accompagnement commence par une information.',
  },
  {
    id: 'droits_sans_action', type: 'implies', level: 'warning', when: { codes: ['actions.acces_droits.oui'], op: 'false' }, then: { codes: ['actions.droits.informees'], op: '=0' },
    message: 'Aucune action d’accès aux droits n’est déclarée, mais {then} personnes auraient été informées sur leurs droits.',
  },
  {
    id: 'temps_partiel_0_100', type: 'between', level: 'error', code: 'rh.temps_partiel_part', min: 0, max: 100,
    message: 'La part des salariés à temps partiel ({value}) doit être comprise entre 0 et 100 %.',
  },
  ...actionFields.flatMap(([f, label]): ImpliesRule[] => [
    {
      id: `action_sans_public.${f}`, type: 'implies', level: 'warning', when: { codes: [`actions.${f}.oui`], op: 'true' }, then: { codes: [`actions.${f}.personnes`], op: '>0' },
      message: `L’action « ${label} » est déclarée menée, mais le nombre de personnes touchées est à 0.`,
    },
    {
      id: `public_sans_action.${f}`, type: 'implies', level: 'warning', when: { codes: [`actions.${f}.oui`], op: 'false' }, then: { codes: [`actions.${f}.personnes`], op: '=0' },
      message: `L’action « ${label} » est déclarée non menée, mais {then} personnes auraient été touchées.`,
    },
  ]),
];

/** Derived totals some rules use, computed from the answers (never stored). */
const derived: Record<string, readonly string[]> = { 'rh.effectif.total': allEff, 'rh.etp.total': allEtp };

function value(a: AnswerMap, code: string): number | null {
  const parts = derived[code];
  return parts ? sumOf(a, parts) : num(a, code);
}
function total(a: AnswerMap, codes: readonly string[]): number | null {
  let s = 0;
  for (const c of codes) { const v = value(a, c); if (v === null) return null; s += v; }
  return s;
}
function holds(a: AnswerMap, c: Condition): boolean | null {
  if (c.op === 'true' || c.op === 'false') {
    const v = a[c.codes[0]];
    return typeof v === 'boolean' ? v === (c.op === 'true') : null;
  }
  const v = total(a, c.codes);
  return v === null ? null : c.op === '>0' ? v > 0 : v === 0;
}
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
const fmt = (codes: readonly string[], x: number) => formatValue(x, unitOf(codes[0]) ?? (codes[0].startsWith('rh.effectif') ? 'count' : undefined));
const expand = (codes: readonly string[]) => codes.flatMap((c) => derived[c] ?? [c]);

/**
 * Runs one rule on a response: a finding when it fails, null when it holds or cannot be evaluated.
 * @example checkRule(consistencyRules[0], { 'rh.etp.direction_accueil': 5, 'rh.effectif.direction_accueil': 3 })?.level // 'error'
 */
export function checkRule(rule: ConsistencyRule, a: AnswerMap): Finding | null {
  const base = { kind: 'consistency' as const, level: rule.level, rule: rule.id };
  switch (rule.type) {
    case 'le': {
      const l = total(a, rule.left), r = total(a, rule.right);
      if (l === null || r === null || l <= r + 1e-9) return null;
      return { ...base, codes: expand([...rule.left, ...rule.right]), reason: fill(rule.message, { left: fmt(rule.left, l), right: fmt(rule.right, r), diff: fmt(rule.left, l - r) }), details: { left: l, right: r } };
    }
    case 'sum': {
      const l = total(a, rule.parts), r = value(a, rule.total);
      if (l === null || r === null) return null;
      const diff = l - r;
      if (Math.abs(diff) <= rule.tolerance * Math.abs(r) + 1e-9) return null;
      const pct = r !== 0 ? formatShare(Math.abs(diff) / Math.abs(r)) : 'total nul';
      return { ...base, codes: expand([rule.total, ...rule.parts]), reason: fill(rule.message, { left: fmt(rule.parts, l), right: fmt(rule.parts, r), diff: fmt(rule.parts, Math.abs(diff)), pct }), details: { sum: l, total: r, difference: diff } };
    }
    case 'ratio': {
      const n = total(a, rule.num), d = total(a, rule.den);
      if (n === null || d === null || (n === 0 && d === 0)) return null;
      const ratio = d === 0 ? Infinity : n / d;
      if (ratio >= rule.min && ratio <= rule.max) return null;
      return { ...base, codes: expand([...rule.num, ...rule.den]), reason: fill(rule.message, { num: fmt(rule.num, n), den: fmt(rule.den, d), ratio: Number.isFinite(ratio) ? formatShare(ratio) : 'une part infinie' }), details: { numerator: n, denominator: d, ratio: Number.isFinite(ratio) ? ratio : null } };
    }
    case 'between': {
      const v = num(a, rule.code);
      if (v === null || (v >= rule.min && v <= rule.max)) return null;
      return { ...base, codes: [rule.code], reason: fill(rule.message, { value: fmt([rule.code], v) }), details: { value: v, min: rule.min, max: rule.max } };
    }
    case 'implies': {
      const w = holds(a, rule.when), t = holds(a, rule.then);
      if (w !== true || t !== false) return null;
      const wv = total(a, rule.when.codes), tv = total(a, rule.then.codes);
      return { ...base, codes: expand([...rule.then.codes, ...rule.when.codes]), reason: fill(rule.message, { when: wv === null ? '' : fmt(rule.when.codes, wv), then: tv === null ? '' : fmt(rule.then.codes, tv) }), details: { when: wv, then: tv } };
    }
  }
}

/** Every failing rule of a response. */
export function checkConsistency(a: AnswerMap, rules: readonly ConsistencyRule[] = consistencyRules): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) { const f = checkRule(rule, a); if (f) out.push(f); }
  return out;
}

/**
 * The rule as SurveyJS expression text (true when the answers are consistent, and when some are missing),
 * to be carried by the questionnaire as an expression validator once its rule language is in place.
 * `nameOf` maps an indicator code to the question name in the definition.
 * @example toSurveyExpression(rule, (c) => c.replaceAll('.', '_')) // '{rh_etp_animation} empty or … or {rh_etp_animation} <= {rh_effectif_animation}'
 */
export function toSurveyExpression(rule: ConsistencyRule, nameOf: (code: string) => string = (c) => c): string {
  const ref = (c: string) => `{${nameOf(c)}}`;
  const sum = (codes: readonly string[]) => { const e = expand(codes).map(ref); return e.length === 1 ? e[0] : `(${e.join(' + ')})`; };
  const guard = (codes: readonly string[], body: string) => `${expand(codes).map((c) => `${ref(c)} empty`).join(' or ')} or ${body}`;
  const cond = (c: Condition, negate: boolean) => {
    const s = sum(c.codes);
    switch (c.op) {
      case '>0': return negate ? `${s} <= 0` : `${s} > 0`;
      case '=0': return negate ? `${s} <> 0` : `${s} = 0`;
      case 'true': return negate ? `${s} <> true` : `${s} = true`;
      case 'false': return negate ? `${s} <> false` : `${s} = false`;
    }
  };
  switch (rule.type) {
    case 'le': return guard([...rule.left, ...rule.right], `${sum(rule.left)} <= ${sum(rule.right)}`);
    case 'sum': {
      const p = sum(rule.parts), t = sum([rule.total]);
      return guard([...rule.parts, rule.total], rule.tolerance === 0 ? `${p} = ${t}` : `(${p} >= ${t} * ${1 - rule.tolerance} and ${p} <= ${t} * ${1 + rule.tolerance})`);
    }
    case 'ratio': {
      const n = sum(rule.num), d = sum(rule.den);
      return guard([...rule.num, ...rule.den], `(${n} = 0 and ${d} = 0) or (${n} >= ${d} * ${rule.min} and ${n} <= ${d} * ${rule.max})`);
    }
    case 'between': return guard([rule.code], `(${ref(rule.code)} >= ${rule.min} and ${ref(rule.code)} <= ${rule.max})`);
    case 'implies': return guard([...rule.when.codes, ...rule.then.codes], `${cond(rule.when, true)} or ${cond(rule.then, false)}`);
  }
}
