import { Hono } from 'hono';
import { listStructureTeam } from '../../../app/structures/listStructureTeam';
import { transferDirection } from '../../../app/structures/transferDirection';
import type { Env } from '../../context';
import { readBody, readId } from '../../input';
import type { RouteDoc } from '../../openapi';
import { directionBody, directionResponse, structureTeamResponse } from './schema';

export const memberDocs = [
  { method: 'get', path: '/api/structures/:id/members', summary: 'Équipe de la structure (privé)', tag: 'structures', auth: 'session', response: structureTeamResponse },
  { method: 'post', path: '/api/structures/:id/direction', summary: 'Transmettre la direction de la structure à un membre de l’équipe — direction, administration nationale', tag: 'données personnelles', auth: 'session', body: directionBody, response: directionResponse },
] as const satisfies readonly RouteDoc[];

/**
 * A structure's team, and handing its direction over.
 * @example app.route('/', memberRoutes());
 */
export function memberRoutes() {
  const app = new Hono<Env>();
  app.get('/structures/:id/members', async (c) => {
    const items = await listStructureTeam({ db: c.var.deps.db, actor: c.var.actor, structureId: readId(c) });
    return c.json({ items, total: items.length });
  });
  app.post('/structures/:id/direction', async (c) => {
    const structureId = readId(c);
    const body = await readBody(c, directionBody);
    return c.json(await transferDirection({ db: c.var.deps.db, actor: c.var.actor, structureId, successorId: body.successorId, leave: body.leave }));
  });
  return app;
}
