import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { enqueueJob, listJobs } from '../../../db/jobs.repo';
import { runDueJobs } from '../../../app/infra/jobRunner';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';

let database: Database$;
let client: ReturnType<typeof testClient>;
const h: Record<string, Record<string, string>> = {};
let failedId: number;
let failedRecheckId: number;
let pendingId: number;

const post = (path: string, headers: Record<string, string> = {}) => client.request(path, { method: 'POST', headers });
const jobsRows = () => database.db.selectFrom('jobs').selectAll().orderBy('id').execute();

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  for (const k of ['national', 'caf69', 'regionAra', 'director'] as const) h[k] = await client.loginAs(DEMO[k]);
  // A queue as an operator finds it: a re-check waiting, one given up, and a job whose payload holds an address.
  pendingId = await enqueueJob(database.db, { kind: 'quality.recheck', payload: { responseId: 7 }, delayMs: 60_000 });
  await enqueueJob(database.db, { kind: 'quality.recheck', payload: { responseId: 12 }, maxAttempts: 1 });
  await enqueueJob(database.db, { kind: 'test.mail', payload: { to: 'lea.martin@exemple.fr' }, maxAttempts: 1 });
  await runDueJobs({
    db: database.db, workerId: 'w1', handlers: {
      'quality.recheck': async () => { throw new Error('réponse 12 illisible'); },
      'test.mail': async () => { throw new Error('adresse lea.martin@exemple.fr refusée par le serveur'); },
    },
  });
  const failed = await listJobs(database.db, { state: 'failed' });
  failedRecheckId = failed.find((j) => j.kind === 'quality.recheck')!.id;
  failedId = failed.find((j) => j.kind === 'test.mail')!.id;
});
afterAll(() => database.close());

describe('GET /api/jobs', () => {
  it('gives the national administration the counts and the jobs, given-up ones first, without payloads', async () => {
    const res = await client.request('/api/jobs', { headers: h.national });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.counts).toEqual({ pending: 1, running: 0, failed: 2 });
    expect(body.limit).toBe(100);
    expect(body.items.map((j: { state: string }) => j.state)).toEqual(['failed', 'failed', 'pending']);
    const recheck = body.items.find((j: { id: number }) => j.id === failedRecheckId);
    expect(recheck).toMatchObject({ kind: 'quality.recheck', label: 'Recalcul de la qualité d’une réponse', state: 'failed', attempts: 1, maxAttempts: 1, lastError: 'réponse 12 illisible', responseId: 12, lockedBy: null });
    expect(Date.parse(recheck.runAt)).not.toBeNaN();
    expect(Date.parse(recheck.createdAt)).not.toBeNaN();
    // The unknown kind: its raw name, no payload field, and the address in its error masked.
    const mail = body.items.find((j: { id: number }) => j.id === failedId);
    expect(mail).toMatchObject({ kind: 'test.mail', label: 'Tâche « test.mail »', responseId: null, lastError: 'adresse [adresse] refusée par le serveur' });
    expect(JSON.stringify(body)).not.toContain('lea.martin');
    expect(body.items.find((j: { id: number }) => j.id === pendingId)).toMatchObject({ state: 'pending', responseId: 7, attempts: 0, maxAttempts: 5 });
  });

  it('filters by state and limits the list', async () => {
    const failed = await (await client.request('/api/jobs?state=failed', { headers: h.national })).json();
    expect(failed.items.map((j: { id: number }) => j.id).sort()).toEqual([failedRecheckId, failedId].sort());
    expect(failed.counts.pending).toBe(1);
    const one = await (await client.request('/api/jobs?limit=1', { headers: h.national })).json();
    expect(one.items).toHaveLength(1);
    expect(one.limit).toBe(1);
    const bad = await client.request('/api/jobs?state=done', { headers: h.national });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'validation_failed' });
    expect((await client.request('/api/jobs?limit=501', { headers: h.national })).status).toBe(400);
  });

  it('refuses everyone else: anonymous 401, correspondent, coordinator and director 403', async () => {
    expect((await client.request('/api/jobs')).status).toBe(401);
    for (const who of ['caf69', 'regionAra', 'director']) {
      const res = await client.request('/api/jobs', { headers: h[who] });
      expect(res.status, who).toBe(403);
      expect((await res.json()).error.message).toMatch(/administration nationale/);
    }
  });
});

describe('POST /api/jobs/:id/retry', () => {
  it('refuses others and changes nothing', async () => {
    const before = await jobsRows();
    expect((await post(`/api/jobs/${failedId}/retry`)).status).toBe(401);
    for (const who of ['caf69', 'regionAra', 'director']) expect((await post(`/api/jobs/${failedId}/retry`, h[who])).status, who).toBe(403);
    // A write without the session's CSRF token is refused too.
    expect((await post(`/api/jobs/${failedId}/retry`, { cookie: h.national.cookie })).status).toBe(403);
    expect(await jobsRows()).toEqual(before);
  });

  it('puts a failed job back, pending and due now, and the runner then takes it', async () => {
    const res = await post(`/api/jobs/${failedId}/retry`, h.national);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: failedId, state: 'pending' });
    const row = (await jobsRows()).find((j) => j.id === failedId)!;
    expect(row).toMatchObject({ state: 'pending', attempts: 0 });
    let ran: unknown;
    const report = await runDueJobs({ db: database.db, workerId: 'w2', handlers: { 'test.mail': async (_db, payload) => { ran = payload; } } });
    expect(report.done).toBe(1);
    expect(ran).toEqual({ to: 'lea.martin@exemple.fr' });
    expect((await jobsRows()).some((j) => j.id === failedId)).toBe(false);
  });

  it('answers 409 for a job that is not failed and 404 for an unknown one, changing nothing', async () => {
    const before = await jobsRows();
    const res = await post(`/api/jobs/${pendingId}/retry`, h.national);
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/Seule une tâche abandonnée/);
    const done = await post(`/api/jobs/${failedId}/retry`, h.national);
    expect(done.status).toBe(404);
    expect((await done.json()).error.code).toBe('not_found');
    expect((await post('/api/jobs/999999/retry', h.national)).status).toBe(404);
    expect(await jobsRows()).toEqual(before);
  });
});
