import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openNotifyChannel } from './notify.repo';

const url = process.env.DATABASE_URL;
describe.skipIf(!url)('notify channel (needs DATABASE_URL)', () => {
  it('delivers payloads sent at once by many callers, all and in order, while each caller waits only for its own', async () => {
    const channel = `senacs_t_${randomBytes(4).toString('hex')}`;
    const got: string[] = [];
    const listener = await openNotifyChannel({ databaseUrl: url!, channel, onPayload: (p) => got.push(p) });
    const sender = await openNotifyChannel({ databaseUrl: url!, channel, onPayload: () => undefined });
    try {
      const sent = Array.from({ length: 200 }, (_, i) => `{"n":${i},"t":"l’été \\"chaud\\""}`);
      // 100 callers at once, two payloads each (a message in two parts), plus one with nothing to send.
      await Promise.all([...Array.from({ length: 100 }, (_, i) => sender.notify(sent.slice(2 * i, 2 * i + 2))), sender.notify([])]);
      await expect.poll(() => got.length, { timeout: 5000 }).toBe(200);
      expect(got).toEqual(sent);
      expect(sender.dropped).toBe(0);
    } finally {
      await Promise.all([listener.close(), sender.close()]);
    }
  });
});
