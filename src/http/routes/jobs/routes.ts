import { Hono } from 'hono';
import { listJobQueue } from '../../../app/jobs/listJobQueue';
import { retryJob } from '../../../app/jobs/retryJob';
import type { Env } from '../../context';
import { readId, readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { followJob, listMyJobs } from '../../../app/jobs/followJob';
import { presentFollowedJob, presentQueuedJob } from '../../presenters/job';
import { followedJobResponse, jobsQuery, jobsResponse, myJobsQuery, myJobsResponse, retriedJob } from './schema';

export const jobDocs = [
  { method: 'get', path: '/api/jobs', summary: 'File des tâches de fond : nombre par état, tâches abandonnées d’abord avec leur dernière erreur (administration nationale)', tag: 'exploitation', auth: 'session', query: jobsQuery, response: jobsResponse },
  { method: 'get', path: '/api/jobs/mine', summary: 'Les tâches que j’ai demandées (en cours d’abord, puis les plus récentes) : une page quittée pendant un import le retrouve', tag: 'exploitation', auth: 'session', query: myJobsQuery, response: myJobsResponse },
  { method: 'get', path: '/api/jobs/:id', summary: 'Une tâche demandée (import, publication) : état, avancement, puis son résultat ou son refus (son auteur, ou l’administration nationale)', tag: 'exploitation', auth: 'session', response: followedJobResponse },
  { method: 'post', path: '/api/jobs/:id/retry', summary: 'Relancer une tâche abandonnée après ses essais (administration nationale)', tag: 'exploitation', auth: 'session', response: retriedJob },
] as const satisfies readonly RouteDoc[];

/** `/api/jobs`: the durable job queue for the national administration (see listJobQueue, retryJob). */
export function jobRoutes() {
  const app = new Hono<Env>();
  app.get('/jobs', async (c) => {
    const q = readQuery(c, jobsQuery);
    const queue = await listJobQueue({ db: c.var.deps.db, actor: c.var.actor, state: q.state, limit: q.limit });
    return c.json({ counts: queue.counts, limit: queue.limit, items: queue.items.map(presentQueuedJob) });
  });
  // Before /jobs/:id, which would read « mine » as an id.
  app.get('/jobs/mine', async (c) => {
    const q = readQuery(c, myJobsQuery);
    return c.json({ items: (await listMyJobs({ db: c.var.deps.db, actor: c.var.actor, kind: q.kind })).map(presentFollowedJob) });
  });
  app.get('/jobs/:id', async (c) => c.json(presentFollowedJob(await followJob({ db: c.var.deps.db, actor: c.var.actor, jobId: readId(c) }))));
  app.post('/jobs/:id/retry', async (c) => c.json(await retryJob({ db: c.var.deps.db, actor: c.var.actor, jobId: readId(c) })));
  return app;
}
