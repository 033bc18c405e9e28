import { parseArgs } from 'node:util';
import type { Database$ } from '../db/connection';
import { listQueuedJobs, queueDepth, retryFailedJob } from '../app/infra/jobQueue';
import { AppError } from '../domain/errors';
import { jobStateLabels, queueStates, type QueueState } from '../domain/jobs';

const usage = `Usage :
  senacs jobs [--state pending|running|failed] [--limit N]
  senacs jobs retry <id>`;

/**
 * `senacs jobs`: the durable job queue for the administration — its depth, then the jobs (given-up ones
 * first, with their last error); `senacs jobs retry <id>` puts a given-up job back. Returns the exit code.
 * @example await jobsCommand(['--state', 'failed'], open);
 */
export async function jobsCommand(args: string[], open: () => Promise<Database$>, print: (line: string) => void = console.log): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { state: { type: 'string' }, limit: { type: 'string' } } });
  const state = values.state as QueueState | undefined;
  if (state && !queueStates.includes(state)) throw new AppError('bad_request', `--state attend pending, running ou failed.\n${usage}`);
  const limit = Number(values.limit ?? 100);
  if (!Number.isInteger(limit) || limit < 1) throw new AppError('bad_request', `--limit attend un nombre entier positif.\n${usage}`);
  if (positionals.length > 0 && (positionals[0] !== 'retry' || !/^\d+$/.test(positionals[1] ?? ''))) throw new AppError('bad_request', usage);
  const database = await open();
  try {
    if (positionals[0] === 'retry') {
      await retryFailedJob(database.db, Number(positionals[1]));
      print(`Tâche ${positionals[1]} remise dans la file.`);
      return 0;
    }
    const depth = await queueDepth(database.db);
    print(`File des tâches : ${depth.pending} en attente, ${depth.running} en cours, ${depth.failed} abandonnée(s).`);
    for (const j of await listQueuedJobs(database.db, { state, limit })) {
      print(`  #${j.id} ${j.kind} ${JSON.stringify(j.payload)} — ${jobStateLabels[j.state]}, ${j.attempts}/${j.max_attempts} essai(s), prévue ${j.run_at.toISOString()}${j.locked_by ? `, tenue par ${j.locked_by}` : ''}${j.last_error ? ` — dernière erreur : ${j.last_error}` : ''}`);
    }
    return depth.failed > 0 ? 2 : 0;
  } finally { await database.close(); }
}
