import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../db/connection';
import { enqueueJob, listJobs } from '../db/jobs.repo';
import { runDueJobs } from '../app/infra/jobRunner';
import { openTestDatabase } from '../testing/testDb';
import { jobsCommand } from './jobsCommand';

let database: Database$;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database.close());
// The command closes what it opens: hand it the test database with a close that keeps it open.
const open = async () => ({ ...database, close: async () => undefined });

describe('senacs jobs', () => {
  it('lists the queue with the given-up jobs and their error first, and retries one', async () => {
    await enqueueJob(database.db, { kind: 'test.cli', delayMs: 60_000, payload: { responseId: 7 } });
    await enqueueJob(database.db, { kind: 'test.cli.bad', maxAttempts: 1 });
    await runDueJobs({ db: database.db, handlers: { 'test.cli.bad': async () => { throw new Error('fichier illisible'); } }, workerId: 'w' });
    const lines: string[] = [];
    expect(await jobsCommand([], open, (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toMatch(/1 en attente, 0 en cours, 1 abandonnée/);
    expect(lines[1]).toMatch(/test\.cli\.bad .*abandonnée après plusieurs échecs, 1\/1 essai.*dernière erreur : fichier illisible/);
    expect(lines[2]).toMatch(/test\.cli \{"responseId":7\} — en attente/);
    const failed = (await listJobs(database.db, { state: 'failed' }))[0];
    const out: string[] = [];
    expect(await jobsCommand(['retry', String(failed.id)], open, (l) => out.push(l))).toBe(0);
    expect(out[0]).toContain('remise dans la file');
    await expect(jobsCommand(['retry', String(failed.id)], open)).rejects.toMatchObject({ code: 'conflict' });
    await expect(jobsCommand(['--state', 'done'], open)).rejects.toMatchObject({ code: 'bad_request' });
    const pendingOnly: string[] = [];
    expect(await jobsCommand(['--state', 'pending'], open, (l) => pendingOnly.push(l))).toBe(0);
    expect(pendingOnly).toHaveLength(3);
  });
});
