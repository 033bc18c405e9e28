import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { dropDatabaseWhenClosed } from '../../db/connection';
import { LiveHub, type LiveEvent, type LiveMessage } from './live';
import { connectLiveHub, encodeLiveMessage, liveDecoder } from './liveBus';

const answer = (value: unknown): LiveMessage => ({ kind: 'event', responseId: 3, event: { type: 'answer', code: 'projet.texte', value, version: 2, author: 'Zoé', authorId: 4, at: '2026-01-01T00:00:00.000Z' } });

describe('live messages on the wire', () => {
  it('sends a small message in one payload and skips the sender’s own', () => {
    const payloads = encodeLiveMessage('a', { kind: 'sync' });
    expect(payloads).toHaveLength(1);
    expect(liveDecoder('b')(payloads[0])).toEqual({ kind: 'sync' });
    expect(liveDecoder('a')(payloads[0])).toBeUndefined();
    expect(liveDecoder('b')('not json')).toBeUndefined();
  });

  it('splits a long answer under the NOTIFY limit and puts it back together, whatever the order', () => {
    const long = 'Écrit à plusieurs mains, « avec des accents » et des émojis 🌱. '.repeat(400);
    const payloads = encodeLiveMessage('a', answer(long));
    expect(payloads.length).toBeGreaterThan(3);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(7000);
    const decode = liveDecoder('b');
    const shuffled = [...payloads.slice(1).reverse(), payloads[0]];
    const out = shuffled.map((p) => decode(p));
    expect(out.slice(0, -1).every((m) => m === undefined)).toBe(true);
    expect(out.at(-1)).toEqual(answer(long));
  });

  it('drops a message whose parts never all arrive', () => {
    const payloads = encodeLiveMessage('a', answer('x'.repeat(20_000)));
    const decode = liveDecoder('b');
    expect(decode(payloads[0], 0)).toBeUndefined();
    for (const p of payloads.slice(1)) expect(decode(p, 120_000)).toBeUndefined();
  });
});

const url = process.env.DATABASE_URL;
describe.skipIf(!url)('live hubs of two processes on one PostgreSQL (needs DATABASE_URL)', () => {
  it('carries presence and a 30 KB answer from one hub to the other through LISTEN/NOTIFY', async () => {
    const name = `senacs_live_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const u = new URL(url!);
    u.pathname = `/${name}`;
    const [a, b] = [new LiveHub(), new LiveHub()];
    const stops = [await connectLiveHub(a, { databaseUrl: u.toString() }), await connectLiveHub(b, { databaseUrl: u.toString() })];
    try {
      const seen: LiveEvent[] = [];
      b.subscribe(3, (e) => seen.push(e));
      a.touch(3, { userId: 1, name: 'Alice' }, 'rh');
      const long = 'é'.repeat(15_000);
      a.publish(3, (answer(long) as Extract<LiveMessage, { kind: 'event' }>).event);
      // Presence first, then the answer; B's own start-up sync may bring Alice's heartbeat again, before or after it.
      await expect.poll(() => seen.some((e) => e.type === 'answer'), { timeout: 3000 }).toBe(true);
      expect(seen[0]).toMatchObject({ type: 'presence', people: [{ name: 'Alice', section: 'rh' }] });
      expect(seen.filter((e) => e.type === 'answer')).toMatchObject([{ type: 'answer', value: long }]);
      expect(seen.every((e) => e.type === 'answer' || e.type === 'presence')).toBe(true);
      expect(b.people(3).map((p) => p.name)).toEqual(['Alice']);
    } finally {
      for (const stop of stops) await stop();
      await dropDatabaseWhenClosed(admin, name);
      await admin.end();
    }
  });
});
