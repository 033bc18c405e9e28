/** Shapes of the comparison API answers, read from the routes' response schemas (src/http/routes/stats/schema.ts, structures/position.schema.ts, consents/schema.ts). */
import type { ApiResponse } from '../../http/apiTypes';
import type { ChartCell } from '../../domain/charts/theme';

export type Cell = ChartCell;
export type Position = 'below_q1' | 'q1_to_median' | 'median_to_q3' | 'above_q3';

export type PositionAnswer = ApiResponse<'get', `/structures/${number}/position`>;
export type Neighbour = Extract<PositionAnswer['peers'], { kind: 'neighbours' }>['neighbours'][number];

export type Consents = ApiResponse<'get', `/structures/${number}/consents`>;
export type ConsentRequest = Consents['requests'][number];
export type LedgerEntry = Consents['ledger'][number];
export type Candidate = Consents['candidates'][number];

export type NamedComparison = ApiResponse<'get', `/structures/${number}/named-comparison`>;

export type StatsAnswer = ApiResponse<'post', '/stats/query'>;
export type StatsFigure = StatsAnswer['figures'][number];
