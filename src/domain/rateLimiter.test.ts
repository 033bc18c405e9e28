import { expect, it } from 'vitest';
import { RateLimiter } from './rateLimiter';

it('blocks past the limit and forgets after the window', () => {
  const rl = new RateLimiter(3, 1000);
  expect([rl.hit('k', 0), rl.hit('k', 1), rl.hit('k', 2), rl.hit('k', 3)]).toEqual([true, true, true, false]);
  expect(rl.blocked('k', 500)).toBe(true);
  expect(rl.blocked('other', 500)).toBe(false);
  expect(rl.blocked('k', 1500)).toBe(false);
});
