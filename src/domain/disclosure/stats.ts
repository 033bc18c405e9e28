import { AppError } from '../errors';
import type { IndicatorSpec } from '../aggregation/contributions';

/** Statistics a published figure can carry. */
export const publishedStats = ['count', 'sum', 'mean', 'median', 'q1', 'q3', 'share'] as const;
export type Stat = (typeof publishedStats)[number];

/** Order statistics: they need `quantileMinSize` structures. */
export const quantileStats: readonly Stat[] = ['median', 'q1', 'q3'];

/**
 * Statistics that make sense for an indicator: shares for yes/no (and the number of yes as 'sum'), no
 * sum of percentages.
 * @example allowedStats({ code: 'x', unit: 'yesno', aggregate: 'share', disclosure: 'count' }) // ['count', 'sum', 'share']
 */
export function allowedStats(ind: IndicatorSpec): readonly Stat[] {
  if (ind.unit === 'yesno') return ['count', 'sum', 'share'];
  if (ind.unit === 'share') return ['count', 'mean', 'median', 'q1', 'q3'];
  return ['count', 'sum', 'mean', 'median', 'q1', 'q3'];
}

/**
 * What is published when the caller does not say, from the indicator's aggregate.
 * @example defaultStats({ code: 'finances.produits', unit: 'euros', aggregate: 'sum', disclosure: 'money' }) // ['count', 'sum', 'mean', 'median']
 */
export function defaultStats(ind: IndicatorSpec): readonly Stat[] {
  switch (ind.aggregate) {
    case 'share': return ['count', 'share'];
    case 'median': return ['count', 'median', 'q1', 'q3'];
    case 'mean': return ['count', 'mean'];
    default: return ['count', 'sum', 'mean', 'median'];
  }
}

/**
 * Checks requested statistics against an indicator; throws a 400 on a meaningless one.
 * @example resolveStats(ind, ['sum']) // ['sum']
 */
export function resolveStats(ind: IndicatorSpec, requested: readonly string[] | undefined): readonly Stat[] {
  if (requested === undefined) return defaultStats(ind);
  const allowed = allowedStats(ind) as readonly string[];
  const bad = requested.filter((s) => !allowed.includes(s));
  if (bad.length || requested.length === 0) {
    throw new AppError('bad_request', `Statistique non disponible pour « ${ind.code} » : ${bad.join(', ') || '(aucune)'}.`, { allowed });
  }
  return [...new Set(requested)] as Stat[];
}
