/** Shapes of the filling API, read from the routes' response schemas (src/http/routes/responses/schema.ts). Dates arrive as ISO strings. */
import type { ApiResponse } from '../../http/apiTypes';

export type ResponseView = ApiResponse<'get', `/responses/${number}`>;
export type ResponseInfo = ResponseView['response'];
export type AnswerRow = ResponseView['answers'][number];
export type PresenceEntry = ResponseView['presence'][number];

export type CommentRow = ApiResponse<'get', `/responses/${number}/comments`>['items'][number];

export type HistoryRow = ApiResponse<'get', `/responses/${number}/answers/${string}/history`>['items'][number];

export type Validation = ApiResponse<'get', `/responses/${number}/validation`>;
export type Finding = Validation['errors'][number];

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
