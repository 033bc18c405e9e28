/** Shapes of the comparison API answers (src/http/routes/compare). */
import type { ChartCell } from '../../domain/charts/theme';

export type Cell = ChartCell;
export type Position = 'below_q1' | 'q1_to_median' | 'median_to_q3' | 'above_q3';

export interface Neighbour { id: number; name: string; commune: string; rank: number; reasons: Record<string, string> }

export interface PositionAnswer {
  structureId: number;
  year: number;
  ownState: string | null;
  peers: { kind: 'neighbours' | 'distance' | 'filters'; size: number | null; km?: number; neighbours?: Neighbour[] };
  indicators: { code: string; label: string; unit: string; value: number | boolean | null; group: Record<string, Cell>; position: Position | null }[];
  evolution: { code: string; years: { year: number; value: number | boolean | null; group: Cell; q1?: Cell; q3?: Cell }[] }[];
}

export interface ConsentRequest {
  id: number; requester_id: number; requester_name: string; target_id: number; target_name: string;
  state: 'pending' | 'accepted' | 'refused' | 'withdrawn'; created_at: string; decided_at: string | null; withdrawn_at: string | null;
}
export interface LedgerEntry { id: number; request_id: number; structure_id: number; action: 'request' | 'grant' | 'refuse' | 'withdraw'; at: string; actor_name: string | null }
export interface Candidate { id: number; km: number | null; neighbour: boolean; name: string; commune: string; kind: string }
export interface Consents { requests: ConsentRequest[]; ledger: LedgerEntry[]; candidates: Candidate[] }

export interface NamedComparison {
  year: number;
  indicators: { code: string; label: string; unit: string }[];
  structures: { id: number; name: string; commune: string; self: boolean; validated: boolean; values: Record<string, number | boolean | null> }[];
}

export interface StatsFigure { indicator: string; stat: string; territory: { level: string; code: string }; filters: { dimension: string; value: string }[]; cell: Cell; change: { absolute: number; relative: number | null } | null }
export interface StatsAnswer { year: number; previousYear: number | null; mode: string; figures: StatsFigure[] }
