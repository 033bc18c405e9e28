import { Hono } from 'hono';
import type { z } from 'zod';
import type { Env } from '../../context';
import { readBody, readId, readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { AppError } from '../../../domain/errors';
import { getDashboard } from '../../../app/stats/getDashboard';
import { sendSharedJson } from '../../jsonBody';
import { queryStats } from '../../../app/stats/queryStats';
import { structurePosition } from '../../../app/stats/structurePosition';
import type { PeerSpec } from '../../../app/stats/peerGroup';
import { requestConsents } from '../../../app/consents/requestConsents';
import { decideConsent } from '../../../app/consents/decideConsent';
import { withdrawConsent } from '../../../app/consents/withdrawConsent';
import { listConsents } from '../../../app/consents/listConsents';
import { namedComparison } from '../../../app/stats/namedComparison';
import {
  consentDecisionResponse, consentListResponse, consentRequestBody, consentRequestResponse, dashboardQuery, dashboardResponse, namedComparisonQuery,
  namedComparisonResponse, positionQuery, positionResponse, statsQueryBody, statsQueryResponse,
} from './schema';

export const compareDocs = [
  { method: 'get', path: '/api/stats/dashboard', summary: 'Tableau de bord d’un territoire et de ses subdivisions (tableau fixe, après contrôle du secret)', tag: 'statistiques', query: dashboardQuery, response: dashboardResponse },
  { method: 'post', path: '/api/stats/query', summary: 'Requête libre : indicateurs × territoires × jusqu’à 3 filtres par tranches (valeurs perturbées)', tag: 'statistiques', body: statsQueryBody, response: statsQueryResponse },
  { method: 'get', path: '/api/structures/:id/position', summary: 'Une structure parmi ses pairs : sa valeur, les quartiles du groupe et l’évolution (privé)', tag: 'comparaison', auth: 'session', query: positionQuery, response: positionResponse },
  { method: 'get', path: '/api/structures/:id/named-comparison', summary: 'Comparaison nominative entre structures ayant toutes deux consenti (direction)', tag: 'comparaison', auth: 'session', query: namedComparisonQuery, response: namedComparisonResponse },
  { method: 'get', path: '/api/structures/:id/consents', summary: 'Demandes de comparaison et registre des accords (direction)', tag: 'comparaison', auth: 'session', response: consentListResponse },
  { method: 'post', path: '/api/structures/:id/consents', summary: 'Demander à d’autres structures de se comparer nommément (direction)', tag: 'comparaison', auth: 'session', body: consentRequestBody, status: 201, response: consentRequestResponse },
  { method: 'post', path: '/api/consents/:id/accept', summary: 'Accepter une demande de comparaison (direction sollicitée)', tag: 'comparaison', auth: 'session', response: consentDecisionResponse },
  { method: 'post', path: '/api/consents/:id/refuse', summary: 'Refuser une demande de comparaison (direction sollicitée)', tag: 'comparaison', auth: 'session', response: consentDecisionResponse },
  { method: 'post', path: '/api/consents/:id/withdraw', summary: 'Retirer un accord ou une demande (direction de l’une ou l’autre structure)', tag: 'comparaison', auth: 'session', response: consentDecisionResponse },
] as const satisfies readonly RouteDoc[];

/** The peer group asked for in a position query string (also read by the position export). */
export function peerSpecOf(q: z.infer<typeof positionQuery>): PeerSpec {
  if (q.peers === 'distance') {
    if (q.km === undefined) throw new AppError('validation_failed', 'Précisez la distance (km) du groupe de pairs.');
    return { kind: 'distance', km: q.km as 5 | 10 | 20 | 50 | 100 };
  }
  if (q.peers === 'filters') return { kind: 'filters', filters: q.filters ?? [], scope: q.scope };
  return { kind: 'neighbours' };
}

export function compareRoutes() {
  const app = new Hono<Env>();
  app.get('/stats/dashboard', async (c) => {
    const q = readQuery(c, dashboardQuery);
    // The published view is the same object while its release stands: its JSON and compressed bytes are reused.
    return sendSharedJson(c, await getDashboard({ db: c.var.deps.db, actor: c.var.actor, year: q.year, level: q.level, code: q.code, view: q.view }));
  });
  app.post('/stats/query', async (c) => {
    const body = await readBody(c, statsQueryBody);
    return c.json(await queryStats({ db: c.var.deps.db, query: body }));
  });
  app.get('/structures/:id/position', async (c) => {
    const id = readId(c);
    const q = readQuery(c, positionQuery);
    return c.json(await structurePosition({ db: c.var.deps.db, actor: c.var.actor, structureId: id, year: q.year, indicators: q.indicators, peers: peerSpecOf(q) }));
  });
  app.get('/structures/:id/named-comparison', async (c) => {
    const id = readId(c);
    const q = readQuery(c, namedComparisonQuery);
    return c.json(await namedComparison({ db: c.var.deps.db, actor: c.var.actor, structureId: id, year: q.year, indicators: q.indicators }));
  });
  app.get('/structures/:id/consents', async (c) => c.json(await listConsents({ db: c.var.deps.db, actor: c.var.actor, structureId: readId(c) })));
  app.post('/structures/:id/consents', async (c) => {
    const id = readId(c);
    const body = await readBody(c, consentRequestBody);
    return c.json(await requestConsents({ db: c.var.deps.db, actor: c.var.actor, structureId: id, targetIds: body.targetIds }), 201);
  });
  app.post('/consents/:id/accept', async (c) => c.json(await decideConsent({ db: c.var.deps.db, actor: c.var.actor, requestId: readId(c), decision: 'accept' })));
  app.post('/consents/:id/refuse', async (c) => c.json(await decideConsent({ db: c.var.deps.db, actor: c.var.actor, requestId: readId(c), decision: 'refuse' })));
  app.post('/consents/:id/withdraw', async (c) => c.json(await withdrawConsent({ db: c.var.deps.db, actor: c.var.actor, requestId: readId(c) })));
  return app;
}
