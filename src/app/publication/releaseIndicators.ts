import { isAggregatable } from '../../domain/aggregation/contributions';
import { coreIndicators } from '../../domain/indicators';

/**
 * The indicators of every release's one fixed table: every aggregatable core indicator, so that every
 * exact number a public page, file or report shows (dashboards, plaquettes, open data, the observatory side
 * of concordance totals) is a cell of that one table and linked cells are protected together.
 * @example releaseIndicators.includes('rh.etp.animation') // true
 */
export const releaseIndicators: readonly string[] = coreIndicators.filter(isAggregatable).map((i) => i.code);
