import type { IndicatorSpec } from '../aggregation/contributions';
import type { AggregationRecord } from '../aggregation/record';
import { fundingSources } from '../indicators';

/**
 * Cash-need (trésorerie) indicators of one structure and year, from the finance answers. Pure.
 *
 * Thresholds of the difficulty signal (documented here, tested in indicators.test.ts):
 * - ALERT  cash at year end ≤ 0;
 * - ALERT  cash < 30 days of expenses (less than one month; the sector's usual advice is three months);
 * - ALERT  a deficit above 5 % of income;
 * - WATCH  cash < 90 days of expenses (less than three months);
 * - WATCH  funders pay later (days) than the cash at year end lasts (days of expenses), else
 *          funders pay in more than 60 days on average;
 * - WATCH  bank charges above 0.5 % of expenses (agios point to overdrafts);
 * - WATCH  one funder gives more than 50 % of income.
 * The signal is `difficulty` with one alert or three watches, `watch` with one or two, `ok` with none, and
 * `unknown` when cash or expenses are missing (the main figures cannot be computed). Three watches, not two:
 * less than three months of cash and funders paying in two months are each common in the sector, together
 * they call for attention, not yet for an alarm.
 */
/** Watch reasons that together make a difficulty. */
export const WATCHES_FOR_DIFFICULTY = 3;

export const CASH_THRESHOLDS = Object.freeze({
  alertDays: 30,
  watchDays: 90,
  deficitShare: 0.05,
  delayDays: 60,
  bankChargesShare: 0.005,
  funderShare: 0.5,
});

/** Funders as a person would name them: the CAF's two funds are one funder. Users' fees and "other" are no single funder. */
export const funders = [
  { key: 'communes', label: 'Communes et intercommunalités', codes: ['finances.financement.communes'] },
  { key: 'caf', label: 'CAF (prestations de service et fonds locaux)', codes: ['finances.financement.caf_ps', 'finances.financement.caf_local'] },
  { key: 'departement', label: 'Département', codes: ['finances.financement.departement'] },
  { key: 'region', label: 'Région', codes: ['finances.financement.region'] },
  { key: 'etat', label: 'État (dont politique de la ville)', codes: ['finances.financement.etat'] },
  { key: 'emplois_aides', label: 'Aides à l’emploi', codes: ['finances.financement.emplois_aides'] },
] as const;

export type Answers = Readonly<Record<string, unknown>>;

export interface CashReason { level: 'alert' | 'watch'; code: string; text: string }

export interface CashIndicators {
  cash: number | null;
  expenses: number | null;
  income: number | null;
  /** Cash at year end in days of expenses (cash / expenses × 365). */
  cashDays: number | null;
  /** Working capital needs a balance sheet the questionnaire does not ask for. */
  workingCapital: { computable: false; missing: string[] };
  /** Reserves in days of expenses: not the working capital, shown as what the answers allow. */
  reservesDays: number | null;
  bankCharges: number | null;
  /** Bank charges as a share of expenses, in %. */
  bankChargesShare: number | null;
  paymentDelayDays: number | null;
  largestFunder: { key: string; label: string; amount: number; share: number } | null;
  /** Result of the year (income − expenses). */
  result: number | null;
  signal: { state: 'difficulty' | 'watch' | 'ok' | 'unknown'; reasons: CashReason[]; missing: string[] };
}

const num = (a: Answers, code: string): number | null => {
  const v = a[code];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
const round1 = (x: number) => Math.round(x * 10) / 10;
const fmt = (x: number, d = 0) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: d }).format(x).replace(/[\u202f\u00a0]/g, ' ');

const labels: Record<string, string> = {
  'finances.tresorerie': 'la trésorerie au 31 décembre', 'finances.charges': 'le total des charges', 'finances.produits': 'le total des produits',
  'finances.frais_bancaires': 'les frais bancaires', 'finances.delai_paiement_jours': 'le délai de paiement des financeurs',
};

/** Missing balance-sheet items for the working capital (fonds de roulement = ressources stables − emplois stables). */
export const workingCapitalMissing = [
  'Immobilisations nettes (bilan, actif)',
  'Dettes financières à plus d’un an (emprunts)',
  'Provisions et fonds dédiés',
];

/**
 * The largest single funder and its share of income (of total income, else of the declared funding).
 * @example largestFunder({ 'finances.produits': 100, 'finances.financement.caf_ps': 30, 'finances.financement.caf_local': 25 }) // { key: 'caf', share: 0.55, … }
 */
export function largestFunder(a: Answers): CashIndicators['largestFunder'] {
  const declared = fundingSources.map(([s]) => num(a, `finances.financement.${s}`));
  const total = num(a, 'finances.produits') ?? (declared.some((x) => x !== null) ? declared.reduce<number>((s, x) => s + (x ?? 0), 0) : null);
  if (total === null || total <= 0) return null;
  let best: CashIndicators['largestFunder'] = null;
  for (const f of funders) {
    const vals = f.codes.map((c) => num(a, c));
    if (vals.every((v) => v === null)) continue;
    const amount = vals.reduce<number>((s, v) => s + (v ?? 0), 0);
    if (!best || amount > best.amount) best = { key: f.key, label: f.label, amount, share: amount / total };
  }
  return best && best.amount > 0 ? { ...best, share: Math.round(best.share * 1000) / 1000 } : null;
}

/**
 * Every cash indicator and the difficulty signal, with its reasons in plain French.
 * @example cashIndicators({ 'finances.tresorerie': 10_000, 'finances.charges': 365_000 }).cashDays // 10
 */
export function cashIndicators(a: Answers, t = CASH_THRESHOLDS): CashIndicators {
  const cash = num(a, 'finances.tresorerie'), expenses = num(a, 'finances.charges'), income = num(a, 'finances.produits');
  const bank = num(a, 'finances.frais_bancaires'), delay = num(a, 'finances.delai_paiement_jours'), reserves = num(a, 'finances.reserves');
  const perDay = expenses !== null && expenses > 0 ? expenses / 365 : null;
  const cashDays = cash !== null && perDay ? round1(cash / perDay) : null;
  const result = num(a, 'finances.resultat') ?? (income !== null && expenses !== null ? income - expenses : null);
  const funder = largestFunder(a);
  const bankShare = bank !== null && expenses !== null && expenses > 0 ? bank / expenses : null;
  const reasons: CashReason[] = [];
  const missing = ['finances.tresorerie', 'finances.charges', 'finances.produits', 'finances.frais_bancaires', 'finances.delai_paiement_jours']
    .filter((c) => num(a, c) === null).map((c) => labels[c]);

  if (cash !== null && cash <= 0) reasons.push({ level: 'alert', code: 'cash_negative', text: `Trésorerie nulle ou négative au 31 décembre (${fmt(cash)} €).` });
  else if (cashDays !== null && cashDays < t.alertDays) reasons.push({ level: 'alert', code: 'cash_short', text: `Trésorerie de ${fmt(cashDays)} jours de charges : moins d’un mois (seuil ${t.alertDays} jours).` });
  else if (cashDays !== null && cashDays < t.watchDays) reasons.push({ level: 'watch', code: 'cash_low', text: `Trésorerie de ${fmt(cashDays)} jours de charges : moins de trois mois (seuil ${t.watchDays} jours).` });
  if (result !== null && income !== null && income > 0 && result < 0 && -result / income > t.deficitShare) {
    reasons.push({ level: 'alert', code: 'deficit', text: `Déficit de ${fmt(-result)} €, soit ${fmt((-result / income) * 100, 1)} % des produits (seuil ${fmt(t.deficitShare * 100)} %).` });
  }
  if (delay !== null && cashDays !== null && cash !== null && cash > 0 && delay > cashDays) {
    reasons.push({ level: 'watch', code: 'delay_exceeds_cash', text: `Les financeurs paient en ${fmt(delay)} jours en moyenne, plus longtemps que la trésorerie ne couvre les charges (${fmt(cashDays)} jours).` });
  } else if (delay !== null && delay > t.delayDays) {
    reasons.push({ level: 'watch', code: 'delay_long', text: `Délai moyen de paiement des financeurs de ${fmt(delay)} jours (seuil ${t.delayDays} jours).` });
  }
  if (bankShare !== null && bankShare > t.bankChargesShare) {
    reasons.push({ level: 'watch', code: 'bank_charges', text: `Frais bancaires de ${fmt(bank!)} €, soit ${fmt(bankShare * 100, 2)} % des charges (seuil ${fmt(t.bankChargesShare * 100, 1)} %) : signe possible de découverts.` });
  }
  if (funder && funder.share > t.funderShare) {
    reasons.push({ level: 'watch', code: 'funder_dependency', text: `${fmt(funder.share * 100)} % des produits viennent d’un seul financeur (${funder.label}) (seuil ${fmt(t.funderShare * 100)} %).` });
  }
  const alerts = reasons.filter((r) => r.level === 'alert').length, watches = reasons.length - alerts;
  const state = cash === null || expenses === null || expenses <= 0 ? (alerts ? 'difficulty' : 'unknown')
    : alerts > 0 || watches >= WATCHES_FOR_DIFFICULTY ? 'difficulty' : watches > 0 ? 'watch' : 'ok';
  return {
    cash, expenses, income, cashDays, workingCapital: { computable: false, missing: workingCapitalMissing },
    reservesDays: reserves !== null && perDay ? round1(reserves / perDay) : null,
    bankCharges: bank, bankChargesShare: bankShare === null ? null : Math.round(bankShare * 10000) / 100,
    paymentDelayDays: delay, largestFunder: funder, result,
    signal: { state, reasons, missing },
  };
}

/** Derived values published by territory through the gate (the payment delay is the core `finances.delai_paiement_jours`). */
export const cashAggregateIndicators = [
  { code: 'cash.jours_tresorerie', unit: 'count', aggregate: 'median', disclosure: 'count', label: 'Trésorerie en jours de charges' },
  { code: 'cash.part_frais_bancaires', unit: 'share', aggregate: 'median', disclosure: 'count', label: 'Frais bancaires en % des charges' },
  { code: 'cash.part_premier_financeur', unit: 'share', aggregate: 'median', disclosure: 'count', label: 'Part des produits du premier financeur (%)' },
  { code: 'cash.en_difficulte', unit: 'yesno', aggregate: 'share', disclosure: 'count', label: 'Structures au signal « en difficulté »' },
  { code: 'cash.tresorerie_moins_30j', unit: 'yesno', aggregate: 'share', disclosure: 'count', label: 'Structures avec moins de 30 jours de trésorerie' },
] as const satisfies readonly (IndicatorSpec & { label: string })[];

export type CashAggregateCode = (typeof cashAggregateIndicators)[number]['code'];

/**
 * The derived values of one structure (null where unknown).
 * @example cashValues(answers)['cash.en_difficulte'] // true | false | null
 */
export function cashValues(a: Answers): Record<CashAggregateCode, number | boolean | null> {
  const c = cashIndicators(a);
  return {
    'cash.jours_tresorerie': c.cashDays,
    'cash.part_frais_bancaires': c.bankChargesShare,
    'cash.part_premier_financeur': c.largestFunder ? Math.round(c.largestFunder.share * 1000) / 10 : null,
    'cash.en_difficulte': c.signal.state === 'unknown' ? null : c.signal.state === 'difficulty',
    'cash.tresorerie_moins_30j': c.cashDays === null ? null : c.cashDays < CASH_THRESHOLDS.alertDays,
  };
}

/**
 * Every record with its cash values added (the whole population, never a subset).
 * @example preparePopulation(withCashValues(pop.records))
 */
export function withCashValues(records: readonly AggregationRecord[]): AggregationRecord[] {
  return records.map((r) => ({ ...r, values: { ...r.values, ...cashValues(r.values) } }));
}
