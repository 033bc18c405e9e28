import { Hono } from 'hono';
import type { Env } from '../../context';
import { readBody, readId, readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { getDashboard } from '../../../app/getDashboard';
import { queryStats } from '../../../app/queryStats';
import { structurePosition } from '../../../app/structurePosition';
import { listTerritoryResponses } from '../../../db/campaign.repo';
import { getStructure, listStructures } from '../../../db/structure.repo';
import { listDepartements, listRegions } from '../../../db/territory.repo';
import { dashboardTable, positionTable, queryTable } from '../../../reports/table/figures';
import { directoryTable, responsesTable } from '../../../reports/table/lists';
import { authorizeTerritory, campaignOf } from '../campaigns/routes';
import { peerSpecOf } from '../compare/routes';
import { statsQueryBody } from '../compare/schema';
import { sendTable } from './send';
import { buildOpenData, dataPackage } from '../../../reports/opendata/build';
import { AppError } from '../../../domain/errors';
import { dashboardExportQuery, directoryExportQuery, exportFormat, openDataListResponse, positionExportQuery, responsesExportQuery } from './schema';

/** At most this many directory rows in one file (the national directory holds about 4,100). */
const MAX_DIRECTORY_ROWS = 20_000;

export const exportDocs: RouteDoc[] = [
  { method: 'get', path: '/api/exports/dashboard', summary: 'Tableau de bord d’un territoire en CSV ou XLSX (mêmes cases que l’écran, secret statistique signalé)', tag: 'exports', query: dashboardExportQuery },
  { method: 'post', path: '/api/exports/query', summary: 'Requête libre en CSV ou XLSX (paramètre format ; corps comme /api/stats/query)', tag: 'exports', query: exportFormat, body: statsQueryBody },
  { method: 'get', path: '/api/exports/structures', summary: 'Annuaire public des structures en CSV ou XLSX (mêmes filtres que l’annuaire)', tag: 'exports', query: directoryExportQuery },
  { method: 'get', path: '/api/exports/structures/:id/position', summary: 'Position d’une structure parmi ses pairs en CSV ou XLSX (privé)', tag: 'exports', auth: 'session', query: positionExportQuery },
  { method: 'get', path: '/api/opendata/:year', summary: 'Données ouvertes d’une campagne : liste des fichiers (agrégats publiés par niveau de territoire, moyennes par type de structure, annuaire) et de leurs schémas', tag: 'exports', response: openDataListResponse },
  { method: 'get', path: '/api/opendata/:year/files/:file', summary: 'Un fichier de données ouvertes : CSV, son schéma Table Schema (.schema.json) ou datapackage.json', tag: 'exports' },
  { method: 'get', path: '/api/exports/campaigns/:year/responses', summary: 'Liste de suivi des réponses d’un territoire en CSV ou XLSX (privé)', tag: 'exports', auth: 'session', query: responsesExportQuery },
];

/** Downloads of the tables users see, built from the same use cases (and so the same gate) as the screens. */
export function exportRoutes() {
  const app = new Hono<Env>();
  app.get('/exports/dashboard', async (c) => {
    const q = readQuery(c, dashboardExportQuery);
    const d = await getDashboard({ db: c.var.deps.db, actor: c.var.actor, year: q.year, level: q.level, code: q.code, view: q.view });
    return sendTable(c, dashboardTable(d), q.format, `tableau-de-bord-${d.year}-${d.territory.level}-${d.territory.code}${d.view === 'working' ? '-travail' : ''}`);
  });
  app.post('/exports/query', async (c) => {
    const { format } = readQuery(c, exportFormat);
    const body = await readBody(c, statsQueryBody);
    const { db } = c.var.deps;
    const result = await queryStats({ db, query: body });
    const names = new Map<string, string>([['nation:FR', 'France']]);
    for (const r of await listRegions(db)) names.set(`region:${r.code}`, r.name);
    for (const d of await listDepartements(db)) names.set(`departement:${d.code}`, d.name);
    return sendTable(c, queryTable(result, names), format, `requete-${body.year}-${body.level}`);
  });
  app.get('/exports/structures', async (c) => {
    const q = readQuery(c, directoryExportQuery);
    const { items } = await listStructures(c.var.deps.db, {
      q: q.q || undefined, regionCode: q.region, departementCode: q.departement, communeCode: q.commune, kind: q.kind,
      management: q.management, qpvStatus: q.qpv, territoryType: q.territory,
    }, { offset: 0, limit: MAX_DIRECTORY_ROWS });
    return sendTable(c, directoryTable(items), q.format, `annuaire${q.departement ? `-${q.departement}` : q.region ? `-region-${q.region}` : ''}`);
  });
  app.get('/exports/structures/:id/position', async (c) => {
    const id = readId(c);
    const q = readQuery(c, positionExportQuery);
    const { db, } = c.var.deps;
    const p = await structurePosition({ db, actor: c.var.actor, structureId: id, year: q.year, indicators: q.indicators, peers: peerSpecOf(q) });
    const s = await getStructure(db, id);
    return sendTable(c, positionTable({ year: p.year, structureName: s?.name ?? `structure ${id}`, indicators: p.indicators }), q.format, `position-${id}-${p.year}`);
  });
  app.get('/exports/campaigns/:year/responses', async (c) => {
    const q = readQuery(c, responsesExportQuery);
    const campaign = await campaignOf(c);
    const scope = await authorizeTerritory(c, q.level, q.code);
    const { items } = await listTerritoryResponses(c.var.deps.db, campaign.id, scope, { offset: 0, limit: MAX_DIRECTORY_ROWS, state: q.state });
    return sendTable(c, responsesTable(campaign.year, items), q.format, `suivi-${campaign.year}-${scope.level}${'code' in scope ? `-${scope.code}` : ''}`);
  });
  app.get('/opendata/:year', async (c) => {
    const year = yearOf(c.req.param('year'));
    const files = await buildOpenData({ db: c.var.deps.db, year });
    const base = `/api/opendata/${year}`;
    return c.json({
      year, licence: dataPackage(year, files).licenses[0], datapackage: `${base}/files/datapackage.json`,
      items: files.map((f) => ({ name: f.name, title: f.title, description: f.description, rows: f.rows, csv: `${base}/files/${f.name}.csv`, schema: `${base}/files/${f.name}.schema.json` })),
      total: files.length,
    });
  });
  app.get('/opendata/:year/files/:file', async (c) => {
    const year = yearOf(c.req.param('year'));
    const name = c.req.param('file') ?? '';
    const files = await buildOpenData({ db: c.var.deps.db, year });
    if (name === 'datapackage.json') return c.json(dataPackage(year, files));
    const f = files.find((x) => name === `${x.name}.csv` || name === `${x.name}.schema.json`);
    if (!f) throw new AppError('not_found', 'Fichier de données ouvertes introuvable.');
    if (name.endsWith('.schema.json')) return c.json(f.schema);
    return c.body(f.csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${f.name}.csv"` });
  });
  return app;
}

/** A campaign year from the path, or a 404 (a year that cannot exist names nothing). */
function yearOf(raw: string | undefined): number {
  if (!raw || !/^\d{4}$/.test(raw)) throw new AppError('not_found', 'Campagne introuvable.');
  return Number(raw);
}
