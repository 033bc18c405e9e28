import { randomBytes } from 'node:crypto';
import { LIVE_CHANNEL, NOTIFY_PAYLOAD_MAX_BYTES, openNotifyChannel } from '../../db/notify.repo';
import type { LiveHub, LiveMessage } from './live';

/**
 * The wire format of live messages between processes. A message fits one NOTIFY as JSON `{o, m}` (o: the
 * sending process). A larger one (a long text answer) goes as base64 parts `{o, c, i, n, d}` that the
 * receivers put together: no table to write, nothing to clean up. Parts of one message carry the same
 * `c`; a message whose parts do not all come within a minute is dropped.
 */
type Whole = { o: string; m: LiveMessage };
type Part = { o: string; c: string; i: number; n: number; d: string };

const PART_CHARS = NOTIFY_PAYLOAD_MAX_BYTES - 200;
const PARTS_MAX_AGE_MS = 60_000;

/**
 * The NOTIFY payloads of one message, each under PostgreSQL's limit.
 * @example encodeLiveMessage('p1', { kind: 'sync' }) // ['{"o":"p1","m":{"kind":"sync"}}']
 */
export function encodeLiveMessage(origin: string, message: LiveMessage, maxBytes = NOTIFY_PAYLOAD_MAX_BYTES): string[] {
  const whole = JSON.stringify({ o: origin, m: message } satisfies Whole);
  if (Buffer.byteLength(whole) <= maxBytes) return [whole];
  const data = Buffer.from(JSON.stringify(message)).toString('base64');
  const size = Math.min(PART_CHARS, maxBytes - 100);
  const n = Math.ceil(data.length / size);
  const c = randomBytes(6).toString('hex');
  return Array.from({ length: n }, (_, i) => JSON.stringify({ o: origin, c, i, n, d: data.slice(i * size, (i + 1) * size) } satisfies Part));
}

/**
 * Turns payloads back into messages, skipping this process's own (PostgreSQL delivers them to every
 * listener, the sender included) and anything malformed.
 * @example
 * const decode = liveDecoder('me');
 * decode('{"o":"other","m":{"kind":"sync"}}') // { kind: 'sync' }
 */
export function liveDecoder(self: string): (payload: string, now?: number) => LiveMessage | undefined {
  const pending = new Map<string, { at: number; parts: (string | undefined)[]; got: number }>();
  return (payload, now = Date.now()) => {
    let v: Partial<Whole & Part>;
    try { v = JSON.parse(payload) as Partial<Whole & Part>; } catch { return undefined; }
    if (!v || typeof v.o !== 'string' || v.o === self) return undefined;
    if (v.m && typeof v.m === 'object') return v.m;
    if (typeof v.c !== 'string' || typeof v.d !== 'string' || !Number.isInteger(v.i) || !Number.isInteger(v.n) || v.n! < 1 || v.n! > 10_000) return undefined;
    for (const [key, p] of pending) if (now - p.at > PARTS_MAX_AGE_MS) pending.delete(key);
    const key = `${v.o}/${v.c}`;
    const entry = pending.get(key) ?? { at: now, parts: new Array<string | undefined>(v.n!).fill(undefined), got: 0 };
    pending.set(key, entry);
    if (v.i! < 0 || v.i! >= entry.parts.length || entry.parts[v.i!] !== undefined) return undefined;
    entry.parts[v.i!] = v.d;
    if (++entry.got < entry.parts.length) return undefined;
    pending.delete(key);
    try { return JSON.parse(Buffer.from(entry.parts.join(''), 'base64').toString()) as LiveMessage; } catch { return undefined; }
  };
}

/**
 * Connects a hub to the other processes of the same PostgreSQL database through LISTEN/NOTIFY. Returns
 * the function that disconnects it (at shutdown). A lost connection comes back by itself and asks the
 * others for their presence again; events sent meanwhile are lost (pages catch up when they reconnect).
 * @example const stop = await connectLiveHub(hub, { databaseUrl, onError: (e) => logger.warn(e) }); …; await stop();
 */
export async function connectLiveHub(hub: LiveHub, o: { databaseUrl: string; onError?: (error: unknown) => void }): Promise<() => Promise<void>> {
  const origin = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const decode = liveDecoder(origin);
  const channel = await openNotifyChannel({
    databaseUrl: o.databaseUrl,
    channel: LIVE_CHANNEL,
    onPayload: (payload) => { const m = decode(payload); if (m) hub.receive(m); },
    onReconnect: () => send({ kind: 'sync' }),
    onError: o.onError,
  });
  const send = (message: LiveMessage) => { channel.notify(encodeLiveMessage(origin, message)).catch((e: unknown) => o.onError?.(e)); };
  hub.attach({ send });
  return () => channel.close();
}
