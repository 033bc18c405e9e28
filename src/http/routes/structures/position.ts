import { Hono } from 'hono';
import type { Env } from '../../context';
import type { z } from 'zod';
import { readId, readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { AppError } from '../../../domain/errors';
import type { PeerSpec } from '../../../app/stats/peerGroup';
import { structurePosition } from '../../../app/stats/structurePosition';
import { namedComparison } from '../../../app/stats/namedComparison';
import { namedComparisonQuery, namedComparisonResponse, positionQuery, positionResponse } from './position.schema';

/**
 * The peer group asked for in a position query string (also read by the position export).
 * @example peerSpecOf(readQuery(c, positionQuery)) // { kind: 'neighbours' }
 */
export function peerSpecOf(q: z.infer<typeof positionQuery>): PeerSpec {
  if (q.peers === 'distance') {
    if (q.km === undefined) throw new AppError('validation_failed', 'Précisez la distance (km) du groupe de pairs.');
    return { kind: 'distance', km: q.km as 5 | 10 | 20 | 50 | 100 };
  }
  if (q.peers === 'filters') return { kind: 'filters', filters: q.filters ?? [], scope: q.scope };
  return { kind: 'neighbours' };
}

export const positionDocs = [
  { method: 'get', path: '/api/structures/:id/position', summary: 'Une structure parmi ses pairs : sa valeur, les quartiles du groupe et l’évolution (privé)', tag: 'comparaison', auth: 'session', query: positionQuery, response: positionResponse },
  { method: 'get', path: '/api/structures/:id/named-comparison', summary: 'Comparaison nominative entre structures ayant toutes deux consenti (direction)', tag: 'comparaison', auth: 'session', query: namedComparisonQuery, response: namedComparisonResponse },
] as const satisfies readonly RouteDoc[];

/**
 * A structure among its peers, and the named comparison between structures that both consented.
 * @example app.route('/', positionRoutes());
 */
export function positionRoutes() {
  const app = new Hono<Env>();
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
  return app;
}
