/**
 * Live events of responses being filled (presence, saved answers, comments, state changes), fanned out to
 * the pages open on the same response. Presence expires when a page stops sending its heartbeat.
 *
 * One process (PGlite) keeps everything here. With several processes on one PostgreSQL, a transport
 * (see liveBus.ts: LISTEN/NOTIFY) carries every event and every presence heartbeat to the other
 * processes, which deliver them to their own pages; each process then holds the presence of all.
 */
export type LiveEvent =
  | { type: 'presence'; people: PresenceEntry[] }
  | { type: 'answer'; code: string; value: unknown; version: number; author: string; authorId: number; at: string }
  | { type: 'comment'; code: string; author: string; body: string; kind: string; at: string }
  | { type: 'state'; state: string };

export interface PresenceEntry { userId: number; name: string; section: string | null; seenAt: number }

/** What travels between processes: an event, a heartbeat, a page gone, or a newcomer asking who is there. */
export type LiveMessage =
  | { kind: 'event'; responseId: number; event: LiveEvent }
  /** `age`: how long ago the heartbeat was, so that the receiver dates it on its own clock (hosts' clocks may differ). */
  | { kind: 'touch'; responseId: number; entry: PresenceEntry; age: number }
  | { kind: 'leave'; responseId: number; userId: number }
  | { kind: 'sync' };

/** Carries messages to the other processes (never back to this one). */
export interface LiveTransport { send(message: LiveMessage): void }

type Listener = (e: LiveEvent) => void;
interface Seen { entry: PresenceEntry; local: boolean }

const PRESENCE_TTL_MS = 45_000;

/**
 * The hub of one process.
 * @example
 * const hub = new LiveHub();
 * const stop = hub.subscribe(12, (e) => console.log(e.type));
 * hub.touch(12, { userId: 7, name: 'Denise' }, 'rh'); // → 'presence', here and on the other processes
 */
export class LiveHub {
  private readonly listeners = new Map<number, Set<Listener>>();
  private readonly presence = new Map<number, Map<number, Seen>>();
  private transport: LiveTransport | undefined;
  private sweptAt = 0;

  /** Sends what happens here to the other processes, and asks them who is present now. */
  attach(transport: LiveTransport): void {
    this.transport = transport;
    transport.send({ kind: 'sync' });
  }

  /** Subscribes to a response's events; returns the unsubscribe function. */
  subscribe(responseId: number, listener: Listener): () => void {
    const set = this.listeners.get(responseId) ?? this.listeners.set(responseId, new Set()).get(responseId)!;
    set.add(listener);
    return () => { set.delete(listener); if (set.size === 0) this.listeners.delete(responseId); };
  }

  /** Tells the pages of a response, on every process. */
  publish(responseId: number, event: LiveEvent) {
    this.deliver(responseId, event);
    this.transport?.send({ kind: 'event', responseId, event });
  }

  /** Records that someone is on a section now (heartbeat), and tells everybody. */
  touch(responseId: number, who: { userId: number; name: string }, section: string | null, now = Date.now()) {
    const entry = { ...who, section, seenAt: now };
    this.remember(responseId, entry, true, now);
    this.transport?.send({ kind: 'touch', responseId, entry, age: 0 });
  }

  leave(responseId: number, userId: number, now = Date.now()) {
    this.forget(responseId, userId, now);
    this.transport?.send({ kind: 'leave', responseId, userId });
  }

  /** A message from another process. */
  receive(message: LiveMessage, now = Date.now()): void {
    switch (message.kind) {
      case 'event': this.deliver(message.responseId, message.event); return;
      case 'touch': this.remember(message.responseId, { ...message.entry, seenAt: now - Math.max(0, message.age || 0) }, false, now); return;
      case 'leave': this.forget(message.responseId, message.userId, now); return;
      case 'sync':
        // A process that starts (or reconnects) learns the presence held here at once, not at the next heartbeats.
        for (const [responseId, map] of this.presence) {
          for (const seen of map.values()) if (seen.local && now - seen.entry.seenAt <= PRESENCE_TTL_MS) this.transport?.send({ kind: 'touch', responseId, entry: seen.entry, age: now - seen.entry.seenAt });
        }
    }
  }

  people(responseId: number, now = Date.now()): PresenceEntry[] {
    const map = this.presence.get(responseId);
    if (!map) return [];
    for (const [id, p] of map) if (now - p.entry.seenAt > PRESENCE_TTL_MS) map.delete(id);
    if (map.size === 0) this.presence.delete(responseId);
    return [...map.values()].map((p) => p.entry).sort((a, b) => a.name.localeCompare(b.name));
  }

  private deliver(responseId: number, event: LiveEvent) {
    for (const l of this.listeners.get(responseId) ?? []) l(event);
  }

  private remember(responseId: number, entry: PresenceEntry, local: boolean, now: number) {
    this.sweep(now);
    const map = this.presence.get(responseId) ?? this.presence.set(responseId, new Map()).get(responseId)!;
    map.set(entry.userId, { entry, local });
    this.deliver(responseId, { type: 'presence', people: this.people(responseId, now) });
  }

  private forget(responseId: number, userId: number, now: number) {
    this.presence.get(responseId)?.delete(userId);
    this.deliver(responseId, { type: 'presence', people: this.people(responseId, now) });
  }

  /** Heartbeats of other processes arrive for responses nobody looks at here: drop the expired ones now and then. */
  private sweep(now: number) {
    if (now - this.sweptAt < PRESENCE_TTL_MS) return;
    this.sweptAt = now;
    for (const responseId of [...this.presence.keys()]) this.people(responseId, now);
  }
}
