import type { Indicator } from '../indicators';
import type { AggregationRecord, IndicatorValue } from './record';

/** What aggregation needs to know of an indicator (core or local question). */
export type IndicatorSpec = Pick<Indicator, 'code' | 'unit' | 'aggregate' | 'disclosure'>;

/**
 * One structure's contribution to a cell. Yes/no answers contribute 1 or 0, so "number of yes" is a sum
 * like any other and one secondary-suppression routine serves both.
 */
export interface Contribution { structureId: number; key: number; value: number }

/** Units whose answers can be aggregated (choices and text are counted through their own yes/no codes). */
export const aggregatableUnits = ['count', 'fte', 'euros', 'share', 'yesno'] as const;

/**
 * Checks that an indicator can be aggregated.
 * @example isAggregatable({ code: 'finances.produits', unit: 'euros', aggregate: 'sum', disclosure: 'money' }) // true
 */
export function isAggregatable(ind: IndicatorSpec): boolean {
  return (aggregatableUnits as readonly string[]).includes(ind.unit) && ind.aggregate !== 'none';
}

/**
 * The numeric contribution of one answer, or null when the structure gave none (or an unusable one: a
 * string where a number is expected is a data error, and is left out rather than guessed).
 * @example contributionValue(true, 'yesno') // 1
 */
export function contributionValue(v: IndicatorValue | undefined, unit: IndicatorSpec['unit']): number | null {
  if (v === null || v === undefined) return null;
  if (unit === 'yesno') return typeof v === 'boolean' ? (v ? 1 : 0) : null;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Contributions of a set of records to one indicator, in the records' order.
 * @example contributionsOf(records, spec).length // structures that answered
 */
export function contributionsOf(records: readonly AggregationRecord[], ind: IndicatorSpec): Contribution[] {
  const out: Contribution[] = [];
  for (const r of records) {
    const value = contributionValue(r.values[ind.code], ind.unit);
    if (value !== null) out.push({ structureId: r.structureId, key: r.cellKey, value });
  }
  return out;
}
