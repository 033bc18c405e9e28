import { afterAll, expect, it } from 'vitest';
import { exited, serverTarget, startServerProcess, teamSession, type Cleanups } from '../../testing/serverProcess';

/**
 * Issue 16: a quality re-check queued by an autosave survives a kill -9 of the server (it is a row of
 * the jobs table, no longer a timer in memory) and runs after the restart. PGlite or PostgreSQL.
 */
const cleanups: Cleanups = [];
afterAll(async () => { for (const c of cleanups.reverse()) await c(); });

it('runs after a restart the quality re-check an autosave queued just before a kill -9', async () => {
  const target = await serverTarget('jobs', cleanups);
  const { responseId, headers } = await teamSession(target);
  const setup = await target.open();
  await setup.db.updateTable('responses').set({ quality_at: null, quality_score: null }).where('id', '=', responseId).execute();
  await setup.close();

  const port = 4800 + Math.floor(Math.random() * 500);
  const server = await startServerProcess(target.env, port, cleanups);
  const current = await (await fetch(`http://127.0.0.1:${port}/api/responses/${responseId}`, { headers })).json() as { answers: { code: string; version: number }[] };
  const saved = await fetch(`http://127.0.0.1:${port}/api/responses/${responseId}/answers/participation.benevoles`, {
    method: 'PUT', headers, body: JSON.stringify({ value: 321, baseVersion: current.answers.find((a) => a.code === 'participation.benevoles')?.version ?? 0 }),
  });
  expect(saved.status).toBe(200);
  // Killed within the 1.5 s debounce: the re-check has not run.
  server.kill('SIGKILL');
  await exited(server);
  const between = await target.open();
  try {
    const jobs = await between.db.selectFrom('jobs').select(['state', 'dedupe_key']).where('kind', '=', 'quality.recheck').execute();
    expect(jobs).toEqual([{ state: 'pending', dedupe_key: String(responseId) }]);
    expect((await between.db.selectFrom('responses').select('quality_at').where('id', '=', responseId).executeTakeFirstOrThrow()).quality_at).toBeNull();
  } finally { await between.close(); }

  const again = await startServerProcess(target.env, port + 1, cleanups);
  // The health route shows the queue emptying.
  await expect.poll(async () => ((await (await fetch(`http://127.0.0.1:${port + 1}/api/health`)).json()) as { jobs: { pending: number } }).jobs.pending, { timeout: 20_000, interval: 100 }).toBe(0);
  again.kill('SIGTERM');
  await exited(again);
  const check = await target.open();
  try {
    expect((await check.db.selectFrom('responses').select('quality_at').where('id', '=', responseId).executeTakeFirstOrThrow()).quality_at).not.toBeNull();
    expect(await check.db.selectFrom('jobs').select('id').execute()).toEqual([]);
  } finally { await check.close(); }
}, 480_000);
