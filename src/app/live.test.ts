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
