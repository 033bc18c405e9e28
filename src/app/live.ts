/**
 * Live events of responses being filled (presence and saved answers), fanned out in this process to the
 * pages open on the same response. Presence expires when a page stops sending its heartbeat.
 */
export type LiveEvent =
  | { type: 'presence'; people: PresenceEntry[] }
  | { type: 'answer'; code: string; value: unknown; version: number; author: string; authorId: number; at: string }
  | { type: 'comment'; code: string; author: string; body: string; kind: string; at: string }
  | { type: 'state'; state: string };

export interface PresenceEntry { userId: number; name: string; section: string | null; seenAt: number }

type Listener = (e: LiveEvent) => void;

const PRESENCE_TTL_MS = 45_000;

export class LiveHub {
  private readonly listeners = new Map<number, Set<Listener>>();
  private readonly presence = new Map<number, Map<number, PresenceEntry>>();

  /** Subscribes to a response's events; returns the unsubscribe function. */
  subscribe(responseId: number, listener: Listener): () => void {
    const set = this.listeners.get(responseId) ?? this.listeners.set(responseId, new Set()).get(responseId)!;
    set.add(listener);
    return () => { set.delete(listener); if (set.size === 0) this.listeners.delete(responseId); };
  }

  publish(responseId: number, event: LiveEvent) {
    for (const l of this.listeners.get(responseId) ?? []) l(event);
  }

  /** Records that someone is on a section now (heartbeat), and tells everybody. */
  touch(responseId: number, who: { userId: number; name: string }, section: string | null, now = Date.now()) {
    const map = this.presence.get(responseId) ?? this.presence.set(responseId, new Map()).get(responseId)!;
    map.set(who.userId, { ...who, section, seenAt: now });
    this.publish(responseId, { type: 'presence', people: this.people(responseId, now) });
  }

  leave(responseId: number, userId: number) {
    this.presence.get(responseId)?.delete(userId);
    this.publish(responseId, { type: 'presence', people: this.people(responseId) });
  }

  people(responseId: number, now = Date.now()): PresenceEntry[] {
    const map = this.presence.get(responseId);
    if (!map) return [];
    for (const [id, p] of map) if (now - p.seenAt > PRESENCE_TTL_MS) map.delete(id);
    return [...map.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
