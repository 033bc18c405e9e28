/**
 * The observatory indicators an external column can be compared with: the numeric core indicators
 * (src/domain/indicators.ts) plus the questionnaire's derived totals, which are not stored as answers and
 * are recomputed here from what they sum.
 */
import type { IndicatorSpec } from '../aggregation/contributions';
import { coreIndicator, coreIndicators, staffFunctions } from '../indicators';

/** Derived totals, with the answers they sum (as the questionnaire's expressions do). */
export const derivedTotals: Record<string, { label: string; unit: 'count' | 'fte'; parts: string[] }> = {
  'rh.effectif.total': { label: 'Salariés (total)', unit: 'count', parts: staffFunctions.map(([f]) => `rh.effectif.${f}`) },
  'rh.etp.total': { label: 'ETP (total)', unit: 'fte', parts: staffFunctions.map(([f]) => `rh.etp.${f}`) },
};

const numericUnits = new Set(['count', 'fte', 'euros', 'share']);

export interface ComparableIndicator extends IndicatorSpec { label: string }

/**
 * The indicator a column may be compared with, or undefined.
 * @example comparableIndicator('rh.etp.total')?.unit // 'fte'
 */
export function comparableIndicator(code: string): ComparableIndicator | undefined {
  const total = derivedTotals[code];
  if (total) return { code, unit: total.unit, aggregate: 'sum', disclosure: 'count', label: total.label };
  const ind = coreIndicator(code);
  if (!ind || !numericUnits.has(ind.unit)) return undefined;
  return { code: ind.code, unit: ind.unit, aggregate: ind.aggregate, disclosure: ind.disclosure, label: ind.label };
}

/** Every comparable indicator, for mapping pickers. */
export function comparableIndicators(): ComparableIndicator[] {
  return [...Object.keys(derivedTotals), ...coreIndicators.map((i) => i.code)].map(comparableIndicator).filter((x): x is ComparableIndicator => Boolean(x));
}

/**
 * A structure's value of an indicator from its answers; a derived total needs at least one of its parts.
 * @example observedValue({ 'rh.etp.animation': 3, 'rh.etp.technique': 1.5 }, 'rh.etp.total') // 4.5
 */
export function observedValue(answers: Readonly<Record<string, unknown>>, code: string): number | null {
  const total = derivedTotals[code];
  if (total) {
    const parts = total.parts.map((p) => answers[p]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    return parts.length ? Math.round(parts.reduce((s, v) => s + v, 0) * 1e6) / 1e6 : null;
  }
  const v = answers[code];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
