import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database$ } from '../../../db/connection';
import { newWorkerId, runDueJobs } from '../../../app/infra/jobRunner';
import { serverJobHandlers } from '../../../app/infra/serverJobs';
import { EXTERNAL_IMPORT } from '../../../app/external/requestExternalImport';
import { RELEASE_PUBLISH } from '../../../app/publication/publishRelease';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';

/** Long requests answered with a job (Prefer: respond-async) and followed by their author (GET /api/jobs/:id). */
let database: Database$;
let client: ReturnType<typeof testClient>;
const h: Record<string, Record<string, string>> = {};
let example: Uint8Array;
const ASYNC = { prefer: 'respond-async' };
const YEAR = 2024;

const form = (bytes: Uint8Array | string, fields: Record<string, string> = {}) => {
  const f = new FormData();
  f.set('file', new File([typeof bytes === 'string' ? bytes : bytes as Uint8Array<ArrayBuffer>], 'elisfa.csv', { type: 'text/csv' }));
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
// The jobs under test, as the server runs them (not the release's files, which a publication also queues).
const handlers = { [EXTERNAL_IMPORT]: serverJobHandlers[EXTERNAL_IMPORT], [RELEASE_PUBLISH]: serverJobHandlers[RELEASE_PUBLISH] };
const runJobs = () => runDueJobs({ db: database.db, handlers, workerId: newWorkerId() });
const follow = async (id: number, who = h.national) => {
  const res = await client.request(`/api/jobs/${id}`, { headers: who });
  return { status: res.status, body: await res.json() };
};
const jobCount = async () => Number((await sql<{ n: string }>`select count(*) as n from jobs`.execute(database.db)).rows[0].n);

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  for (const k of ['national', 'caf69', 'director'] as const) h[k] = await client.loginAs(DEMO[k]);
  const res = await client.request(`/api/external/example?year=${YEAR}`, { headers: h.national });
  example = new Uint8Array(await res.arrayBuffer());
});
afterAll(() => database.close());

describe('an external import as a job', () => {
  it('answers 202 with the job, which its author follows to the same report the request would have given', async () => {
    const dry = await (await client.request(`/api/external/import?dataset=elisfa&year=${YEAR}&dryRun=true`, { method: 'POST', headers: h.national, body: form(example) })).json();
    const confirmations = Object.fromEntries(dry.proposals.map((p: { line: number; candidates: { structureId: number }[] }) => [String(p.line), p.candidates[0].structureId]));
    const res = await client.request(`/api/external/import?dataset=elisfa&year=${YEAR}`, {
      method: 'POST', headers: { ...h.national, ...ASYNC }, body: form(example, { confirmations: JSON.stringify(confirmations), source: 'ELISFA (exemple)' }),
    });
    expect(res.status).toBe(202);
    const { job } = await res.json();
    expect(res.headers.get('location')).toBe(`/api/jobs/${job.id}`);
    expect(job.url).toBe(`/api/jobs/${job.id}`);
    // Nothing stored until the job runs; the request did not wait for it.
    expect(await database.db.selectFrom('external_datasets').select('name').execute()).toEqual([]);
    expect((await follow(job.id)).body).toMatchObject({ state: 'pending', kind: 'external.import', label: 'Import d’un jeu de données externe', progress: null, result: null, error: null });
    // Another person's job is a 404 like a job that does not exist; a visitor must sign in.
    for (const who of [h.caf69, h.director]) expect((await follow(job.id, who)).status).toBe(404);
    expect((await follow(job.id + 1000)).status).toBe(404);
    expect((await client.request(`/api/jobs/${job.id}`)).status).toBe(401);

    expect((await runJobs()).done).toBeGreaterThanOrEqual(1);
    const done = await follow(job.id);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'done', error: null, result: { stored: true, problems: [], dataset: 'elisfa', year: YEAR } });
    expect(done.body.result.counts).toEqual(dry.counts);
    expect(done.body.progress.step).toMatch(/enregistrement|contrôle qualité/);
    expect(Date.parse(done.body.finishedAt)).toBeGreaterThanOrEqual(Date.parse(done.body.createdAt));
    expect(await database.db.selectFrom('external_datasets').select(['name', 'source']).execute()).toEqual([{ name: 'elisfa', source: 'ELISFA (exemple)' }]);
    // The uploaded file is not kept once the job has run.
    expect((await database.db.selectFrom('jobs').select('input').where('id', '=', job.id).executeTakeFirstOrThrow()).input).toBeNull();
  });

  it('a bad file: the job fails at once with the refusal the request would have answered, and nothing is stored', async () => {
    const res = await client.request(`/api/external/import?dataset=caf&year=${YEAR}`, { method: 'POST', headers: { ...h.national, ...ASYNC }, body: form('SIRET;ETP\n1;2\n3;4\n5;6\n7;8\n9;dix\n') });
    expect(res.status).toBe(202);
    const { job } = await res.json();
    expect(await runJobs()).toMatchObject({ failed: 1, retried: 0 });
    const { body } = await follow(job.id);
    expect(body).toMatchObject({ state: 'failed', result: null, error: { code: 'validation_failed', message: expect.stringMatching(/Fichier refusé, rien n’a été enregistré/) } });
    expect(body.error.details.problems).toEqual(expect.arrayContaining([expect.objectContaining({ line: 6, cell: 'B6', kind: 'malformed_number' })]));
    expect(await database.db.selectFrom('external_datasets').select('name').where('name', '=', 'caf').execute()).toEqual([]);
  });

  it('refuses at once what it can know at once, and queues nothing', async () => {
    const before = await jobCount();
    const refused = await client.request(`/api/external/import?dataset=elisfa&year=${YEAR}`, { method: 'POST', headers: { ...h.caf69, ...ASYNC }, body: form(example) });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('forbidden');
    const badName = await client.request(`/api/external/import?dataset=Elisfa!&year=${YEAR}`, { method: 'POST', headers: { ...h.national, ...ASYNC }, body: form(example) });
    expect(badName.status).toBe(400);
    expect(await jobCount()).toBe(before);
  });
});

describe('a release’s publication as a job', () => {
  const publish = (year: number, note: string, who = h.national) => client.request(`/api/releases/${year}`, {
    method: 'POST', headers: { ...who, ...ASYNC, 'content-type': 'application/json' }, body: JSON.stringify({ note }),
  });

  it('refuses a correspondent and a too long note at once, without a job', async () => {
    const before = await jobCount();
    expect((await publish(YEAR, 'x', h.caf69)).status).toBe(403);
    expect((await publish(YEAR, 'x'.repeat(2001))).status).toBe(400);
    expect(await jobCount()).toBe(before);
  });

  it('an open campaign: the job fails with the conflict, in French, without retry', async () => {
    const res = await publish(YEAR + 1, 'Trop tôt');
    expect(res.status).toBe(202);
    const { job } = await res.json();
    await runJobs();
    const { body } = await follow(job.id);
    expect(body).toMatchObject({ state: 'failed', error: { code: 'conflict', message: expect.stringMatching(/n’est pas close/) } });
    expect((await database.db.selectFrom('jobs').select('attempts').where('id', '=', job.id).executeTakeFirstOrThrow()).attempts).toBe(1);
  });

  it('publishes the next release, with its steps, and answers what the request answers', async () => {
    // A late response of the closed year is validated (copied from its 2023 answers), so there is something new.
    const { rows: [late] } = await sql<{ structure_id: number; id: number }>`
      select r.structure_id, r.id from responses r join campaigns k on k.id = r.campaign_id
      where k.year = ${YEAR - 1} and r.state = 'locked' and not exists (
        select 1 from responses x join campaigns y on y.id = x.campaign_id where y.year = ${YEAR} and x.structure_id = r.structure_id)
      order by r.structure_id limit 1`.execute(database.db);
    const { rows: [inserted] } = await sql<{ id: number }>`
      insert into responses (structure_id, campaign_id, state, submitted_at, validated_at)
      select ${late.structure_id}, id, 'validated', now(), now() from campaigns where year = ${YEAR} returning id`.execute(database.db);
    await sql`insert into answers (response_id, code, value, author_id) select ${inserted.id}, code, value, author_id from answers where response_id = ${late.id}`.execute(database.db);
    const before = await (await client.request('/api/releases')).json();
    const number = before.campaigns.find((c: { year: number }) => c.year === YEAR).releases[0].number;

    const res = await publish(YEAR, 'Une réponse tardive');
    expect(res.status).toBe(202);
    const { job } = await res.json();
    // Nothing published before the job runs.
    expect((await (await client.request('/api/releases')).json()).campaigns.find((c: { year: number }) => c.year === YEAR).releases[0].number).toBe(number);
    await runJobs();
    const { body } = await follow(job.id);
    expect(body).toMatchObject({
      state: 'done', label: 'Publication d’une version des chiffres', error: null,
      progress: { step: 'version publiée', done: 3, total: 3 },
      result: { release: { year: YEAR, number: number + 1, note: 'Une réponse tardive', publishedAt: expect.any(String) }, summary: { changedStructures: 1 } },
    });
    const after = await (await client.request('/api/releases')).json();
    expect(after.campaigns.find((c: { year: number }) => c.year === YEAR).releases[0]).toEqual(body.result.release);
    // The national administration sees no 'done' job in the queue's counts.
    const queue = await (await client.request('/api/jobs', { headers: h.national })).json();
    expect(Object.keys(queue.counts).sort()).toEqual(['failed', 'pending', 'running']);
    expect(queue.items.map((j: { id: number }) => j.id)).not.toContain(job.id);
  });

  it('lists the jobs its author asked for, not over first, with what each is about — and nobody else’s', async () => {
    const res = await client.request('/api/jobs/mine?kind=release.publish', { headers: h.national });
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.every((j: { kind: string }) => j.kind === 'release.publish')).toBe(true);
    expect(items.map((j: { about: unknown }) => j.about)).toContainEqual({ year: YEAR });
    expect(items.map((j: { about: unknown }) => j.about)).toContainEqual({ year: YEAR + 1 });
    // What a job is about is its year only, not the rest of its payload (the note, free text).
    expect(items.every((j: { about: object }) => Object.keys(j.about).join() === 'year')).toBe(true);
    const all = await (await client.request('/api/jobs/mine', { headers: h.national })).json();
    expect(new Set(all.items.map((j: { kind: string }) => j.kind))).toEqual(new Set(['release.publish', 'external.import']));
    // A queued job comes first, before the newest finished one.
    const queued = await (await publish(YEAR + 1, 'En attente')).json();
    const first = (await (await client.request('/api/jobs/mine', { headers: h.national })).json()).items[0];
    expect(first).toMatchObject({ id: queued.job.id, state: 'pending', about: { year: YEAR + 1 } });
    expect((await (await client.request('/api/jobs/mine', { headers: h.caf69 })).json()).items).toEqual([]);
    expect((await client.request('/api/jobs/mine')).status).toBe(401);
    expect((await client.request('/api/jobs/mine?kind=DROP%20TABLE', { headers: h.national })).status).toBe(400);
    await runJobs();
  });
});
