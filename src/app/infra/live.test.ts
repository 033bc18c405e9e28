import { expect, it } from 'vitest';
import { LiveHub, type LiveEvent } from './live';

it('fans events out to the pages of the same response only, and expires presence', () => {
  const hub = new LiveHub();
  const a: LiveEvent[] = [];
  const b: LiveEvent[] = [];
  const stop = hub.subscribe(1, (e) => a.push(e));
  hub.subscribe(2, (e) => b.push(e));
  hub.touch(1, { userId: 7, name: 'Denise' }, 'rh', 1000);
  expect(a).toEqual([{ type: 'presence', people: [{ userId: 7, name: 'Denise', section: 'rh', seenAt: 1000 }] }]);
  expect(b).toEqual([]);
  expect(hub.people(1, 1000 + 60_000)).toEqual([]);
  stop();
  hub.publish(1, { type: 'state', state: 'submitted' });
  expect(a).toHaveLength(1);
});

it('carries events, presence and departures to another process, and tells a newcomer who is there', () => {
  // Two processes joined by a transport that delivers at once (PostgreSQL does it in liveBus.ts).
  const a = new LiveHub();
  const b = new LiveHub();
  const seenOnB: LiveEvent[] = [];
  b.subscribe(5, (e) => seenOnB.push(e));
  a.touch(5, { userId: 1, name: 'Alice' }, 'rh', 1000);
  const join = (from: LiveHub, to: LiveHub) => from.attach({ send: (m) => to.receive(m, 1000) });
  // Alice was on process A before the transport came up: B learns it from the sync that attaching sends.
  join(a, b);
  join(b, a);
  expect(b.people(5, 1000).map((p) => p.name)).toEqual(['Alice']);
  b.touch(5, { userId: 2, name: 'Bruno' }, null, 1000);
  expect(a.people(5, 1000).map((p) => p.name)).toEqual(['Alice', 'Bruno']);
  a.publish(5, { type: 'state', state: 'validated' });
  expect(seenOnB.at(-1)).toEqual({ type: 'state', state: 'validated' });
  a.leave(5, 1, 1000);
  expect(b.people(5, 1000).map((p) => p.name)).toEqual(['Bruno']);
  // Entries from the other process expire the same way.
  expect(a.people(5, 1000 + 60_000)).toEqual([]);
});

it('dates another process’s heartbeat on its own clock, whatever the sender’s clock says', () => {
  const hub = new LiveHub();
  // The sender's clock is an hour behind; the heartbeat is 5 s old when it arrives.
  hub.receive({ kind: 'touch', responseId: 9, entry: { userId: 3, name: 'Chloé', section: null, seenAt: 100_000 - 3_600_000 }, age: 5000 }, 100_000);
  expect(hub.people(9, 100_000)).toEqual([{ userId: 3, name: 'Chloé', section: null, seenAt: 95_000 }]);
  expect(hub.people(9, 95_000 + 45_001)).toEqual([]);
});
