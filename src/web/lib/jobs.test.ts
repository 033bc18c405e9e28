import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setCsrfToken } from './api';
import { findMyRunningJob, followJob, jobPage, myRunningJobs, postAsJob, runningJobText, type FollowedJob } from './jobs';

/** An answer, a network failure, or 'hang': no answer until the request is aborted. */
type Answer = { status: number; body: unknown } | Error | 'hang';

/** A fake fetch answering the calls in order, and what was asked of it. */
function fakeFetch(answers: Answer[]) {
  const calls: { url: string; method: string; headers: Record<string, string> }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    if (init.signal?.aborted) throw init.signal.reason;
    calls.push({ url, method: init.method ?? 'GET', headers: init.headers as Record<string, string> });
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected call ${url}`);
    if (answer instanceof Error) throw answer;
    if (answer === 'hang') {
      return new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    }
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

const accepted = { status: 202, body: { job: { id: 7, url: '/api/jobs/7' } } };
const job = (patch: Partial<FollowedJob>): { status: number; body: FollowedJob } => ({
  status: 200,
  body: { id: 7, kind: 'external.import', label: 'Import', state: 'pending', about: null, progress: null, result: null, error: null, createdAt: '2026-01-01T00:00:00.000Z', finishedAt: null, ...patch },
});

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
});

describe('postAsJob: a long request followed as a job', () => {
  it('sends Prefer: respond-async with the CSRF token, tells each state read, and resolves with the result', async () => {
    setCsrfToken('jeton');
    const calls = fakeFetch([
      accepted,
      job({ state: 'pending' }),
      job({ state: 'running', progress: { step: 'enregistrement', done: 1200, total: 3569 } }),
      job({ state: 'done', progress: { step: 'enregistrement', done: 3569, total: 3569 }, result: { stored: true } }),
    ]);
    const seen: FollowedJob[] = [];
    const result = await postAsJob<{ stored: boolean }>('/releases/2024', { note: 'n' }, { onProgress: (j) => seen.push(j), pollMs: 1 });
    expect(result).toEqual({ stored: true });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/releases/2024', 'GET /api/jobs/7', 'GET /api/jobs/7', 'GET /api/jobs/7']);
    expect(calls[0].headers).toMatchObject({ Prefer: 'respond-async', 'X-CSRF-Token': 'jeton', 'Content-Type': 'application/json' });
    expect(seen.map((j) => j.state)).toEqual(['pending', 'running', 'done']);
    expect(seen[1].progress).toEqual({ step: 'enregistrement', done: 1200, total: 3569 });
  });

  it('keeps the query and sends a form as multipart (its own content type)', async () => {
    const calls = fakeFetch([accepted, job({ state: 'done', result: { ok: 1 } })]);
    const form = new FormData();
    form.set('file', new Blob(['a;b']), 'x.csv');
    await postAsJob('/external/import', form, { query: { dataset: 'elisfa', year: 2024 }, pollMs: 1 });
    expect(calls[0].url).toBe('/api/external/import?dataset=elisfa&year=2024');
    expect(calls[0].headers['Content-Type']).toBeUndefined();
  });

  it('throws the refusal of a failed job as the ApiError the request would have thrown, details included', async () => {
    const report = { problems: [{ line: 7, cell: 'D7', column: 'ETP', message: 'Nombre mal formé' }] };
    fakeFetch([accepted, job({ state: 'running', progress: { step: 'lecture du fichier', done: 0, total: 0 } }),
      job({ state: 'failed', error: { code: 'validation_failed', message: 'Fichier refusé', details: report } })]);
    const error = await postAsJob('/external/import', new FormData(), { pollMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: 'Fichier refusé', details: report });

    fakeFetch([accepted, job({ state: 'failed', error: { code: 'conflict', message: 'Rien n’a changé depuis la version 1' } })]);
    await expect(postAsJob('/releases/2024', {}, { pollMs: 1 })).rejects.toMatchObject({ status: 409, code: 'conflict' });
    fakeFetch([accepted, job({ state: 'failed', error: { code: 'job_failed', message: 'La tâche a échoué : disque plein' } })]);
    await expect(postAsJob('/releases/2024', {}, { pollMs: 1 })).rejects.toMatchObject({ status: 500, code: 'job_failed' });
  });

  it('refuses at once what the server refuses at once (no job)', async () => {
    fakeFetch([{ status: 403, body: { error: { code: 'forbidden', message: 'Réservé à l’administration nationale.' } } }]);
    await expect(postAsJob('/releases/2024', {})).rejects.toMatchObject({ status: 403, code: 'forbidden', message: 'Réservé à l’administration nationale.' });
  });

  it('returns the body as is when the server answers without a job (an older server)', async () => {
    const calls = fakeFetch([{ status: 201, body: { release: { number: 2 }, summary: {} } }]);
    expect(await postAsJob('/releases/2024', { note: '' })).toEqual({ release: { number: 2 }, summary: {} });
    expect(calls).toHaveLength(1);
  });

  it('rides out a network failure while following, then gives up following after several in a row', async () => {
    fakeFetch([accepted, new TypeError('Failed to fetch'), job({ state: 'done', result: 42 })]);
    expect(await postAsJob('/releases/2024', {}, { pollMs: 1 })).toBe(42);

    const calls = fakeFetch([accepted, job({ state: 'running' }), ...Array.from({ length: 4 }, () => new TypeError('Failed to fetch'))]);
    const error = await postAsJob('/releases/2024', {}, { pollMs: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network' });
    expect((error as Error).message).toMatch(/rechargez la page/);
    expect(calls).toHaveLength(6);
  });

  it('passes on any other error while following (a job that is not the person’s: 404)', async () => {
    fakeFetch([accepted, { status: 404, body: { error: { code: 'not_found', message: 'Tâche 7 introuvable.' } } }]);
    await expect(postAsJob('/releases/2024', {}, { pollMs: 1 })).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });

  it('stops following when its signal aborts, between two reads or during one', async () => {
    const controller = new AbortController();
    const calls = fakeFetch([accepted, job({ state: 'running' }), job({ state: 'running' })]);
    const following = postAsJob('/releases/2024', {}, { signal: controller.signal, pollMs: 60_000, onProgress: () => controller.abort() });
    await expect(following).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(2);

    const early = new AbortController();
    early.abort();
    const none = fakeFetch([accepted]);
    await expect(postAsJob('/releases/2024', {}, { signal: early.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(none).toHaveLength(0);

    const during = new AbortController();
    const hanging = fakeFetch([accepted, 'hang']);
    const stopped = postAsJob('/releases/2024', {}, { signal: during.signal, pollMs: 1 });
    await vi.waitFor(() => expect(hanging).toHaveLength(2));
    during.abort();
    await expect(stopped).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('back on a page during a job asked for earlier', () => {
  it('finds the newest of one’s jobs of a kind that is not over and matches, then follows it to its result', async () => {
    const calls = fakeFetch([
      { status: 200, body: { items: [
        job({ id: 9, kind: 'release.publish', state: 'running', about: { year: 2025 } }).body,
        job({ id: 8, kind: 'release.publish', state: 'pending', about: { year: 2024 } }).body,
        job({ id: 5, kind: 'release.publish', state: 'done', about: { year: 2024 } }).body,
      ] } },
      job({ id: 8, kind: 'release.publish', state: 'done', result: { release: { number: 2 } } }),
    ]);
    const running = await findMyRunningJob('release.publish', (about) => about?.year === 2024);
    expect(running?.id).toBe(8);
    expect(calls[0].url).toBe('/api/jobs/mine?kind=release.publish');
    expect(await followJob(8, { pollMs: 1 })).toEqual({ release: { number: 2 } });
    expect(calls[1].url).toBe('/api/jobs/8');
  });

  it('finds nothing when every job of the kind is over', async () => {
    fakeFetch([{ status: 200, body: { items: [job({ state: 'done' }).body, job({ state: 'failed' }).body] } }]);
    expect(await findMyRunningJob('external.import')).toBeUndefined();
  });
});

describe('the notice of running jobs on every page', () => {
  it('reads one’s jobs and keeps those not over, newest first as the server sends them', async () => {
    const calls = fakeFetch([{ status: 200, body: { items: [
      job({ id: 9, state: 'running', kind: 'release.publish' }).body, job({ id: 8, state: 'done' }).body, job({ id: 7, state: 'pending' }).body, job({ id: 6, state: 'failed' }).body,
    ] } }]);
    expect((await myRunningJobs()).map((j) => j.id)).toEqual([9, 7]);
    expect(calls.map((c) => c.url)).toEqual(['/api/jobs/mine']);
  });

  it('links each kind a page follows to that page, and no other', () => {
    expect(jobPage({ kind: 'external.import' })).toBe('/donnees-externes');
    expect(jobPage({ kind: 'release.publish' })).toBe('/publication');
    expect(jobPage({ kind: 'quality.recheck' })).toBeUndefined();
  });

  it('says what runs and what it is about, without the rest of the payload', () => {
    expect(runningJobText({ label: 'Import d’un jeu de données externe', about: { dataset: 'elisfa', year: 2024 }, state: 'running' })).toBe('Import d’un jeu de données externe (elisfa, 2024) en cours');
    expect(runningJobText({ label: 'Publication d’une version des chiffres', about: { year: 2025 }, state: 'pending' })).toBe('Publication d’une version des chiffres (2025) en attente');
    expect(runningJobText({ label: 'Tâche', about: null, state: 'running' })).toBe('Tâche en cours');
  });
});
