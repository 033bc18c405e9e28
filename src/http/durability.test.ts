import { afterAll, expect, it } from 'vitest';
import { exited, serverTarget, startServerProcess, teamSession, type Cleanups } from '../testing/serverProcess';

const cleanups: Cleanups = [];
afterAll(async () => { for (const c of cleanups.reverse()) await c(); });

it('keeps every acknowledged autosave when the server is killed mid-load, and reopens cleanly', async () => {
  const target = await serverTarget('dur', cleanups);
  // A session for the demo centre's team member, written before the server starts.
  const { responseId, headers } = await teamSession(target);

  const port = 4300 + Math.floor(Math.random() * 500);
  const server = await startServerProcess(target.env, port, cleanups);
  const codes = ['participation.benevoles', 'participation.adherents', 'participation.heures_benevoles', 'actions.culture.personnes'];
  const acked = new Map<string, { version: number; value: number }>();
  let stop = false;
  const writers = codes.map(async (code, i) => {
    let version = 0;
    const current = await (await fetch(`http://127.0.0.1:${port}/api/responses/${responseId}`, { headers })).json() as { answers: { code: string; version: number }[] };
    version = current.answers.find((a) => a.code === code)?.version ?? 0;
    for (let n = 1; !stop; n++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/responses/${responseId}/answers/${code}`, {
          method: 'PUT', headers, body: JSON.stringify({ value: 1000 * i + n, baseVersion: version }),
        });
        if (res.status !== 200) throw new Error(`save refused: ${res.status} ${await res.text()}`);
        const body = await res.json() as { version: number };
        version = body.version;
        acked.set(code, { version, value: 1000 * i + n });
      } catch (e) {
        if (stop) return;
        throw e;
      }
    }
  });
  // Kill in the middle of the load: once every writer has had a few saves acknowledged, and more are in flight.
  const counts = new Map<string, number>();
  const origSet = acked.set.bind(acked);
  acked.set = (k, v) => { counts.set(k, (counts.get(k) ?? 0) + 1); return origSet(k, v); };
  for (let waited = 0; codes.some((c) => (counts.get(c) ?? 0) < 5); waited += 50) {
    if (waited > 90_000) throw new Error('autosaves too slow to start');
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 300));
  stop = true;
  server.kill('SIGKILL');
  const outcomes = await Promise.allSettled(writers);
  for (const o of outcomes) if (o.status === "rejected") console.error(o.reason);
  await exited(server);
  expect(acked.size).toBe(codes.length);

  // Restart on the same data: it must open cleanly and hold every acknowledged save.
  const again = await startServerProcess(target.env, port + 1, cleanups);
  again.kill('SIGTERM');
  await exited(again);
  const check = await target.open();
  try {
    for (const [code, ack] of acked) {
      const row = await check.db.selectFrom('answers').select(['value', 'version']).where('response_id', '=', responseId).where('code', '=', code).executeTakeFirstOrThrow();
      expect(row.version).toBeGreaterThanOrEqual(ack.version);
      const rev = await check.db.selectFrom('answer_revisions').select('value').where('response_id', '=', responseId).where('code', '=', code).where('version', '=', ack.version).executeTakeFirstOrThrow();
      expect(rev.value).toBe(ack.value);
    }
  } finally { await check.close(); }
}, 480_000);
