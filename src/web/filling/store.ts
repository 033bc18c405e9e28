import { useSyncExternalStore } from 'react';
import type { AnswerMeta, CommentRow, Conflict, PresenceEntry, SaveStatus } from './types';
import type { Query } from '../trust/types';

/**
 * What the filling page shows besides the form itself, in one observable object. Every change replaces
 * the entry it touches (never mutates it), so components read stable snapshots with useSyncExternalStore
 * and only those whose entry changed re-render.
 */
export class FillingStore {
  answers = new Map<string, AnswerMeta>();
  comments = new Map<string, CommentRow[]>();
  /** Codes with an edit not yet acknowledged by the server (typing, in flight or queued offline). */
  pending = new Set<string>();
  /** French message of the last refused save of a code (validation), until it is edited again. */
  fieldErrors = new Map<string, string>();
  conflicts: Conflict[] = [];
  /** The correspondents' queries not yet closed, by questioned code (shown under that answer). */
  queries = new Map<string, Query[]>();
  presence: PresenceEntry[] = [];
  status: SaveStatus = 'saved';
  offline = false;
  /** Bumped on every value change of the form, for section progress. */
  formRev = 0;
  private listeners = new Set<() => void>();

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  emit(): void {
    for (const l of [...this.listeners]) l();
  }

  setAnswer(a: AnswerMeta): void {
    this.answers = new Map(this.answers).set(a.code, a);
    this.emit();
  }

  setPending(codes: Iterable<string>): void {
    const next = new Set(codes);
    if (next.size === this.pending.size && [...next].every((c) => this.pending.has(c))) return;
    this.pending = next;
    this.emit();
  }

  setFieldError(code: string, message: string | null): void {
    if ((this.fieldErrors.get(code) ?? null) === message) return;
    const next = new Map(this.fieldErrors);
    if (message === null) next.delete(code); else next.set(code, message);
    this.fieldErrors = next;
    this.emit();
  }

  setComments(rows: CommentRow[]): void {
    const byCode = new Map<string, CommentRow[]>();
    for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
    this.comments = byCode;
    this.emit();
  }

  setQueries(rows: Query[]): void {
    const byCode = new Map<string, Query[]>();
    for (const q of rows) if (q.state !== 'closed') byCode.set(q.code, [...(byCode.get(q.code) ?? []), q]);
    this.queries = byCode;
    this.emit();
  }

  setConflicts(conflicts: Conflict[]): void {
    this.conflicts = conflicts;
    this.emit();
  }

  setPresence(people: PresenceEntry[]): void {
    this.presence = people;
    this.emit();
  }

  setStatus(status: SaveStatus, offline: boolean): void {
    if (status === this.status && offline === this.offline) return;
    this.status = status;
    this.offline = offline;
    this.emit();
  }

  bumpForm(): void {
    this.formRev++;
    this.emit();
  }
}

/** Reads one part of the store; `select` must return a stable reference (an entry, a primitive). */
export function useStore<T>(store: FillingStore, select: (s: FillingStore) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store));
}
