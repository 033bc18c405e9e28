import { api, ApiError } from '../lib/api';
import { loadQueue, saveQueue, type QueuedEdit } from './queue';
import type { FillingStore } from './store';
import type { ServerCurrent } from './types';

const DEBOUNCE_MS = 600;
const RETRY_MS = 10_000;

interface Pending extends QueuedEdit {
  /** Set when the server refused it as stale: waits for the person to choose a value. */
  conflict?: ServerCurrent;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Autosave of one response: one debounced PUT per answer, with the version it started from. Stale
 * writes come back as conflicts for the person to settle; network failures keep the edit in the
 * persisted queue and retry on `online` and every few seconds.
 */
export class Saver {
  private pending = new Map<string, Pending>();
  private inflight = new Set<string>();
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private retry: ReturnType<typeof setInterval> | undefined;
  private errored = false;

  constructor(
    private readonly store: FillingStore,
    private readonly responseId: number,
    private readonly me: { id: number; name: string },
    /** Puts a value into the form without it counting as an edit. */
    private readonly applyToForm: (code: string, value: unknown) => void,
  ) {}

  /** Edits left in the browser by an earlier visit (offline), to put back in the form and send. */
  restore(): QueuedEdit[] {
    const edits = loadQueue(this.responseId, this.me.id);
    for (const e of edits) this.pending.set(e.code, { ...e });
    this.changed();
    return edits;
  }

  start(): void {
    window.addEventListener('online', this.flushAll);
    window.addEventListener('offline', this.wentOffline);
    this.retry = setInterval(() => { if (this.pending.size > 0) this.flushAll(); }, RETRY_MS);
    this.flushAll();
  }

  stop(): void {
    window.removeEventListener('online', this.flushAll);
    window.removeEventListener('offline', this.wentOffline);
    clearInterval(this.retry);
    for (const t of this.timers.values()) clearTimeout(t);
  }

  hasPending(code: string): boolean {
    return this.pending.has(code) || this.inflight.has(code);
  }

  /** The person changed an answer in the form. */
  edit(code: string, value: unknown): void {
    const base = this.store.answers.get(code)?.version ?? 0;
    const old = this.pending.get(code);
    // Typing on after a conflict keeps the conflict: the person still has to choose.
    this.pending.set(code, { code, value, baseVersion: old?.baseVersion ?? base, conflict: old?.conflict });
    if (old?.conflict) this.store.setConflicts(this.store.conflicts.map((c) => (c.code === code ? { ...c, mine: value } : c)));
    this.store.setFieldError(code, null);
    this.changed();
    this.schedule(code, DEBOUNCE_MS);
  }

  /** Keep mine: resend on top of the other person's version. Keep theirs: drop mine, show theirs. */
  resolve(code: string, keep: 'mine' | 'theirs'): void {
    const p = this.pending.get(code);
    if (!p?.conflict) return;
    const theirs = p.conflict;
    if (keep === 'mine') {
      this.pending.set(code, { code, value: p.value, baseVersion: theirs.version });
      this.schedule(code, 0);
    } else {
      this.pending.delete(code);
      this.store.setAnswer({ code, value: theirs.value, version: theirs.version, author: theirs.author, at: theirs.updatedAt ?? null, prefilled: false });
      this.applyToForm(code, theirs.value);
    }
    this.store.setConflicts(this.store.conflicts.filter((c) => c.code !== code));
    this.changed();
  }

  flushAll = (): void => {
    for (const code of this.pending.keys()) this.schedule(code, 0);
  };

  private wentOffline = (): void => {
    this.store.setStatus(this.pending.size ? 'offline' : this.store.status, true);
  };

  private schedule(code: string, delay: number): void {
    clearTimeout(this.timers.get(code));
    this.timers.set(code, setTimeout(() => { this.timers.delete(code); void this.flush(code); }, delay));
  }

  private async flush(code: string): Promise<void> {
    const p = this.pending.get(code);
    if (!p || p.conflict) return;
    if (this.inflight.has(code)) return; // sent again when the request in flight comes back
    this.inflight.add(code);
    this.changed();
    try {
      const r = await api.put(
        `/responses/${this.responseId}/answers/${encodeURIComponent(code)}`, { value: p.value ?? null, baseVersion: p.baseVersion });
      this.store.offline = false;
      const known = this.store.answers.get(code);
      if (!known || known.version <= r.version) {
        this.store.setAnswer({ code, value: r.value, version: r.version, author: this.me.name, at: new Date().toISOString(), prefilled: false });
      }
      const now = this.pending.get(code);
      if (now === p) this.pending.delete(code);
      else if (now && !now.conflict) { now.baseVersion = r.version; this.schedule(code, 0); }
    } catch (e) {
      this.failed(code, p, e);
    } finally {
      this.inflight.delete(code);
      this.changed();
    }
  }

  private failed(code: string, p: Pending, e: unknown): void {
    const err = e instanceof ApiError ? e : new ApiError(0, 'network', 'Réseau indisponible.');
    if (err.status === 0) {
      this.store.offline = true;
      return;
    }
    this.store.offline = false;
    const current = (err.details as { current?: ServerCurrent | null } | undefined)?.current;
    const now = this.pending.get(code) ?? p;
    if (err.status === 409 && current) {
      if (same(current.value, now.value)) {
        // Both wrote the same value: nothing to choose.
        this.pending.delete(code);
        this.store.setAnswer({ code, value: current.value, version: current.version, author: current.author, at: current.updatedAt ?? null, prefilled: false });
        return;
      }
      this.pending.set(code, { ...now, conflict: current });
      this.store.setConflicts([...this.store.conflicts.filter((c) => c.code !== code), { code, mine: now.value, theirs: current }]);
      return;
    }
    // Refused for good (invalid value, response submitted, no right): say why, stop resending it.
    if (this.pending.get(code) === p) this.pending.delete(code);
    this.errored = true;
    this.store.setFieldError(code, err.message);
  }

  private changed(): void {
    saveQueue(this.responseId, this.me.id, [...this.pending.values()].map(({ code, value, baseVersion }) => ({ code, value, baseVersion })));
    this.store.setPending([...this.pending.keys(), ...this.inflight]);
    const waiting = [...this.pending.values()].some((p) => !p.conflict) || this.inflight.size > 0;
    const offline = this.store.offline || !navigator.onLine;
    if (this.store.fieldErrors.size === 0) this.errored = false;
    this.store.setStatus(offline && waiting ? 'offline' : waiting ? 'saving' : this.errored ? 'error' : 'saved', offline);
  }
}
