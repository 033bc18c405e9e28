import { Hono } from 'hono';
import type { Env } from '../../context';
import { readBody, readId, readQuery } from '../../input';
import { CSV, XLSX, type RouteDoc } from '../../openapi';
import { exportDashboard } from '../../../app/stats/exportDashboard';
import { exportDirectory } from '../../../app/directory/exportDirectory';
import { exportFollowUp } from '../../../app/campaigns/exportFollowUp';
import { exportPosition } from '../../../app/stats/exportPosition';
import { exportStatsQuery } from '../../../app/stats/exportStatsQuery';
import { authorizeTerritory, campaignOf } from '../campaigns/access';
import { peerSpecOf } from '../structures/position';
import { statsQueryBody } from '../stats/schema';
import { sendFile } from './send';
import { dashboardExportQuery, directoryExportQuery, exportFormat, positionExportQuery, responsesExportQuery } from './schema';

export const exportDocs = [
  { method: 'get', path: '/api/exports/dashboard', summary: 'Tableau de bord d’un territoire en CSV ou XLSX (mêmes cases que l’écran, secret statistique signalé)', tag: 'exports', query: dashboardExportQuery, files: [CSV, XLSX] },
  { method: 'post', path: '/api/exports/query', summary: 'Requête libre en CSV ou XLSX (paramètre format ; corps comme /api/stats/query)', tag: 'exports', query: exportFormat, body: statsQueryBody, files: [CSV, XLSX] },
  { method: 'get', path: '/api/exports/structures', summary: 'Annuaire public des structures en CSV ou XLSX (mêmes filtres que l’annuaire)', tag: 'exports', query: directoryExportQuery, files: [CSV, XLSX] },
  { method: 'get', path: '/api/exports/structures/:id/position', summary: 'Position d’une structure parmi ses pairs en CSV ou XLSX (privé)', tag: 'exports', auth: 'session', query: positionExportQuery, files: [CSV, XLSX] },
  { method: 'get', path: '/api/exports/campaigns/:year/responses', summary: 'Liste de suivi des réponses d’un territoire en CSV ou XLSX (privé)', tag: 'exports', auth: 'session', query: responsesExportQuery, files: [CSV, XLSX] },
] as const satisfies readonly RouteDoc[];

/** Downloads of the tables users see, built from the same use cases (and so the same gate) as the screens. */
export function exportRoutes() {
  const app = new Hono<Env>();
  app.get('/exports/dashboard', async (c) => {
    const q = readQuery(c, dashboardExportQuery);
    return sendFile(c, await exportDashboard({ db: c.var.deps.db, actor: c.var.actor, year: q.year, level: q.level, code: q.code, view: q.view, format: q.format }));
  });
  app.post('/exports/query', async (c) => {
    const { format } = readQuery(c, exportFormat);
    const body = await readBody(c, statsQueryBody);
    return sendFile(c, await exportStatsQuery({ db: c.var.deps.db, query: body, format }));
  });
  app.get('/exports/structures', async (c) => {
    const q = readQuery(c, directoryExportQuery);
    return sendFile(c, await exportDirectory({ db: c.var.deps.db, filters: {
      q: q.q || undefined, regionCode: q.region, departementCode: q.departement, communeCode: q.commune, kind: q.kind,
      management: q.management, qpvStatus: q.qpv, territoryType: q.territory,
    }, format: q.format, name: `annuaire${q.departement ? `-${q.departement}` : q.region ? `-region-${q.region}` : ''}` }));
  });
  app.get('/exports/structures/:id/position', async (c) => {
    const id = readId(c);
    const q = readQuery(c, positionExportQuery);
    return sendFile(c, await exportPosition({ db: c.var.deps.db, actor: c.var.actor, structureId: id, year: q.year, indicators: q.indicators, peers: peerSpecOf(q), format: q.format }));
  });
  app.get('/exports/campaigns/:year/responses', async (c) => {
    const q = readQuery(c, responsesExportQuery);
    const campaign = await campaignOf(c);
    const scope = await authorizeTerritory(c, q.level, q.code);
    return sendFile(c, await exportFollowUp({ db: c.var.deps.db, campaign, scope, state: q.state, format: q.format }));
  });
  return app;
}
