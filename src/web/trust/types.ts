/** Shapes of the trust API (cockpit, quality, queries, outbox) as the pages read them. */
import type { OutboxState } from '../../domain/outbox';

export type TerritoryLevel = 'nation' | 'region' | 'departement';

/** A later deadline granted to a région or a département (AAAA-MM-JJ). */
export interface TerritoryDeadline { level: 'region' | 'departement'; code: string; date: string }

export interface Cockpit {
  campaign: { year: number; state: string; closes_on: string; deadlines?: TerritoryDeadline[] };
  territory: { level: TerritoryLevel; code?: string };
  expected: number;
  byState: Record<string, number>;
  onTimeRate: number | null;
  timeliness: { onTime: number; late: number; missing: number; onTimeOfExpected: number | null };
  qualityDistribution: { from: number; to: number; n: number }[];
  openQueries: number;
  mostFindings: { id: number; name: string; response_id: number; quality_score: number | null; findings: number }[];
}

/** The answer a finding points at: how likely it is the wrong one, and the correction proposed to the structure. */
export interface FindingSuspect { code: string; likelihood: number; correction?: { value: number; reason: string } }
export interface QualityFinding { kind: string; level: 'error' | 'warning' | 'info'; rule: string; codes: string[]; reason: string; suspect?: FindingSuspect | null }
export interface Person { id: number; name: string; email: string; role: string; organisation: string | null }
export interface ResponseQuality {
  responseId: number; year: number; state: string; structure: { id: number; name: string };
  score: number | null; computedAt: string | null; findings: QualityFinding[];
  people: { structure: Person[]; correspondents: Person[] };
}

export interface QueryMessage { query_id: number; kind: 'question' | 'answer' | 'close'; body: string; at: string; author_name: string }
export interface Query { id: number; code: string; state: string; opened_at: string; closed_at: string | null; opened_by_name: string | null; messages: QueryMessage[] }

export interface StoredAnswer { code: string; value: unknown; version: number; author_name: string | null; updated_at: string }
export interface ResponseDetail {
  response: { id: number; state: string; structure_id: number; structure_name: string; year: number; campaign_state: string };
  answers: StoredAnswer[];
  can: { fill: boolean; submit: boolean; review: boolean };
}

export interface OutboxMail { id: number; to_email: string; subject: string; body: string; created_at: string; sent_at: string | null; structure_name: string | null;
  state: OutboxState; attempts: number; next_attempt_at: string; last_error: string | null }
