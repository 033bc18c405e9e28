import pg from 'pg';

/** The PostgreSQL channel the processes of one database share for live events. */
export const LIVE_CHANNEL = 'senacs_live';

/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; callers split above this. */
export const NOTIFY_PAYLOAD_MAX_BYTES = 7000;

/** A LISTEN connection of its own (a pooled one would lose its LISTEN when returned), also used to NOTIFY. */
export interface NotifyChannel {
  /**
   * Sends payloads in order: one statement at a time, carrying all those queued while the last one ran
   * (PostgreSQL delivers identical payloads of one statement once). While the connection is down they
   * are dropped and counted.
   */
  notify(payloads: readonly string[]): Promise<void>;
  /** Payloads dropped while disconnected since the start. */
  readonly dropped: number;
  close(): Promise<void>;
}

export interface NotifyOptions {
  databaseUrl: string;
  channel: string;
  onPayload: (payload: string) => void;
  /** After a lost connection is back (not on the first connection): what was sent meanwhile is gone. */
  onReconnect?: () => void;
  onError?: (error: unknown) => void;
}

/**
 * Listens on a channel and notifies on it, over one dedicated connection that comes back by itself
 * (after 0.5 s, then up to 10 s between tries) when PostgreSQL restarts or the network drops.
 * @example
 * const ch = await openNotifyChannel({ databaseUrl, channel: LIVE_CHANNEL, onPayload: (p) => console.log(p) });
 * await ch.notify(['{"hello":1}']);
 */
export async function openNotifyChannel(o: NotifyOptions): Promise<NotifyChannel> {
  let client: pg.Client | undefined;
  let closing = false;
  let dropped = 0;
  let delay = 500;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: o.databaseUrl });
    c.on('notification', (n) => { if (n.channel === o.channel) o.onPayload(n.payload ?? ''); });
    const lost = (error?: unknown) => {
      if (client !== c) return;
      client = undefined;
      if (error) o.onError?.(error);
      c.end().catch(() => undefined);
      if (!closing) schedule();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    try {
      await c.connect();
      await c.query(`listen ${c.escapeIdentifier(o.channel)}`);
    } catch (error) {
      c.end().catch(() => undefined);
      throw error;
    }
    client = c;
    delay = 500;
  };
  const schedule = () => {
    retry = setTimeout(() => {
      connect().then(() => o.onReconnect?.(), (error: unknown) => {
        o.onError?.(error);
        delay = Math.min(delay * 2, 10_000);
        if (!closing) schedule();
      });
    }, delay);
    retry.unref();
  };

  // One statement at a time on the connection; what is queued meanwhile goes in the next one, in order
  // (under load a statement carries many payloads instead of one statement each).
  let queued: { payload: string; sent: () => void }[] = [];
  let sending = false;
  const send = async () => {
    sending = true;
    while (queued.length > 0) {
      const batch = queued;
      queued = [];
      const c = client;
      if (!c) dropped += batch.length;
      else {
        try {
          await c.query('select pg_notify($1, p) from unnest($2::text[]) as p', [o.channel, batch.map((b) => b.payload)]);
        } catch (error) { dropped += batch.length; o.onError?.(error); }
      }
      for (const b of batch) b.sent();
    }
    sending = false;
  };

  await connect();
  return {
    get dropped() { return dropped; },
    notify(payloads) {
      if (payloads.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        let left = payloads.length;
        for (const payload of payloads) queued.push({ payload, sent: () => { if (--left === 0) resolve(); } });
        if (!sending) void send();
      });
    },
    async close() {
      closing = true;
      clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end();
    },
  };
}
