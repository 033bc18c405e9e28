import { Hono } from 'hono';
import type { Env } from '../../context';
import { readBody } from '../../input';
import type { RouteDoc } from '../../openapi';
import { publishRelease } from '../../../app/publication/publishRelease';
import { listCampaignReleases } from '../../../app/publication/listReleases';
import type { ReleaseInfo } from '../../../db/release.repo';
import { AppError } from '../../../domain/errors';
import { publishReleaseBody, releaseListResponse, releasePreviewResponse, releasePublishedResponse } from './schema';

export const releaseDocs = [
  { method: 'get', path: '/api/releases', summary: 'Versions publiées des chiffres (numéro, date, note) et état de chaque campagne', tag: 'publication', response: releaseListResponse },
  { method: 'post', path: '/api/releases/:year/preview', summary: 'Aperçu de la prochaine version d’une campagne close : audit, cases retenues, changements (administration nationale)', tag: 'publication', auth: 'session', body: publishReleaseBody, response: releasePreviewResponse },
  { method: 'post', path: '/api/releases/:year', summary: 'Publier une nouvelle version des chiffres d’une campagne close (administration nationale)', tag: 'publication', auth: 'session', body: publishReleaseBody, status: 201, response: releasePublishedResponse },
] as const satisfies readonly RouteDoc[];

/** A release as the public reads it: no figures, no population. */
export function presentRelease(r: ReleaseInfo) {
  const s = r.summary as { responses?: number; heldBack?: number; changedStructures?: number; suppressedDepartementPct?: number; difference?: unknown; previousNumber?: number | null };
  return {
    year: r.year, number: r.number, publishedAt: r.publishedAt.toISOString(), note: r.note, publishedBy: r.publishedBy,
    responses: s.responses ?? null, changedStructures: s.changedStructures ?? null, heldBack: s.heldBack ?? null,
    suppressedDepartementPct: s.suppressedDepartementPct ?? null, difference: s.difference ?? null, previousNumber: s.previousNumber ?? null,
  };
}

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
    const { release, summary } = await publishRelease({ db: c.var.deps.db, actor: c.var.actor, year: yearOf(c.req.param('year')), note: body.note });
    return c.json({ release: release ? presentRelease(release) : null, summary }, 201);
  });
  return app;
}
