import { Hono } from 'hono';
import type { Env } from '../../context';
import { readBody } from '../../input';
import type { RouteDoc } from '../../openapi';
import { publishRelease, requestReleasePublication } from '../../../app/publication/publishRelease';
import { presentPublication, presentRelease } from '../../presenters/release';
import { jobAccepted, prefersAsync } from '../../jobAccepted';
import { acceptedJobResponse } from '../jobs/schema';
import { listCampaignReleases } from '../../../app/publication/listReleases';
import { AppError } from '../../../domain/errors';
import { publishReleaseBody, releaseListResponse, releasePreviewResponse, releasePublishedResponse } from './schema';

export const releaseDocs = [
  { method: 'get', path: '/api/releases', summary: 'Versions publiées des chiffres (numéro, date, note) et état de chaque campagne', tag: 'publication', response: releaseListResponse },
  { method: 'post', path: '/api/releases/:year/preview', summary: 'Aperçu de la prochaine version d’une campagne close : audit, cases retenues, changements (administration nationale)', tag: 'publication', auth: 'session', body: publishReleaseBody, response: releasePreviewResponse },
  { method: 'post', path: '/api/releases/:year', summary: 'Publier une nouvelle version des chiffres d’une campagne close (administration nationale) ; avec « Prefer: respond-async », répond 202 et la tâche à suivre (GET /api/jobs/:id)', tag: 'publication', auth: 'session', body: publishReleaseBody, status: 201, response: releasePublishedResponse, accepted: acceptedJobResponse },
] as const satisfies readonly RouteDoc[];

function yearOf(raw: string | undefined): number {
  if (!raw || !/^\d{4}$/.test(raw)) throw new AppError('validation_failed', 'Année de campagne invalide (quatre chiffres).');
  return Number(raw);
}

export function releaseRoutes() {
  const app = new Hono<Env>();
  app.get('/releases', async (c) => {
    const campaigns = await listCampaignReleases({ db: c.var.deps.db });
    return c.json({
      campaigns: campaigns.map((k) => ({
        year: k.year, state: k.state, closesOn: k.closesOn instanceof Date ? k.closesOn.toISOString().slice(0, 10) : String(k.closesOn).slice(0, 10),
        releases: k.releases.map(presentRelease),
      })),
    });
  });
  app.post('/releases/:year/preview', async (c) => {
    const body = await readBody(c, publishReleaseBody);
    const { summary } = await publishRelease({ db: c.var.deps.db, actor: c.var.actor, year: yearOf(c.req.param('year')), note: body.note, dryRun: true });
    return c.json({ summary });
  });
  app.post('/releases/:year', async (c) => {
    const body = await readBody(c, publishReleaseBody);
    const year = yearOf(c.req.param('year'));
    if (prefersAsync(c)) return jobAccepted(c, await requestReleasePublication({ db: c.var.deps.db, actor: c.var.actor, year, note: body.note }));
    return c.json(presentPublication(await publishRelease({ db: c.var.deps.db, actor: c.var.actor, year, note: body.note })), 201);
  });
  return app;
}
