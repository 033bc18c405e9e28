/** Shapes of the filling API (src/http/routes/responses). Dates arrive as ISO strings. */

export interface ResponseInfo {
  id: number;
  state: string;
  structure_id: number;
  structure_name: string;
  structure_kind: string;
  year: number;
  campaign_state: string;
  submitted_at: string | null;
}

export interface AnswerRow {
  code: string;
  value: unknown;
  version: number;
  prefilled: boolean;
  updated_at: string | null;
  author_id: number | null;
  author_name: string | null;
}

export interface PresenceEntry { userId: number; name: string; section: string | null; seenAt: number }

export interface ResponseView {
  response: ResponseInfo;
  answers: AnswerRow[];
  /** Last year's answers of the structure, by code: what prev('code') reads in the rules. */
  previous?: Record<string, unknown>;
  /** External data sets about the structure for the campaign's year, by data set then field: what ext() reads. */
  external?: Record<string, Record<string, unknown>>;
  can: { fill: boolean; submit: boolean; review: boolean; submitOnceStarted?: boolean };
  /** The latest reopening, while the structure corrects its response. */
  reopened?: { reason: string; at: string; by: string | null };
  presence: PresenceEntry[];
}

export interface CommentRow { id: number; code: string; kind: string; body: string; at: string; author_name: string }

export interface HistoryRow {
  id: number;
  value: unknown;
  previous: unknown;
  version: number;
  kind: 'save' | 'confirm' | 'prefill' | string;
  at: string;
  author_name: string | null;
}

export interface Finding { rule: string; level: 'error' | 'warning' | 'info'; message: string; questions: string[]; justified?: boolean }
export interface Validation { errors: Finding[]; warnings: Finding[]; infos: Finding[] }

/** What the page knows of an answer as the server has it. */
export interface AnswerMeta {
  code: string;
  value: unknown;
  version: number;
  author: string | null;
  at: string | null;
  prefilled: boolean;
}

/** The current server value sent back with a 409 on a stale write. */
export interface ServerCurrent { value: unknown; version: number; author: string | null; updatedAt?: string }

export interface Conflict { code: string; mine: unknown; theirs: ServerCurrent }

/** Server-Sent Events of GET /api/responses/:id/live. */
export type LiveEvent =
  | { type: 'presence'; people: PresenceEntry[] }
  | { type: 'answer'; code: string; value: unknown; version: number; author: string; authorId: number; at: string }
  | { type: 'comment'; code: string; author: string; body: string; kind: string; at: string }
  | { type: 'state'; state: string };

export type SaveStatus = 'saved' | 'saving' | 'offline' | 'error';
