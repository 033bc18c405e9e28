import { Hono } from 'hono';
import { exportPersonalData, personalDataAsCsv } from '../../../app/privacy/exportPersonalData';
import { removePerson } from '../../../app/people/removePerson';
import { transferDirection } from '../../../app/structures/transferDirection';
import type { Env } from '../../context';
import { readBody, readId, readQuery } from '../../input';
import { CSV, type RouteDoc } from '../../openapi';
import { directionBody, directionResponse, personalDataQuery, personalDataResponse, removalResponse } from './schema';

export const privacyDocs = [
  { method: 'get', path: '/api/account/data', summary: 'Télécharger mes données personnelles (profil, rôles, ce que j’ai écrit) en JSON ou CSV', tag: 'données personnelles', auth: 'session', query: personalDataQuery, response: personalDataResponse, files: [CSV] },
  { method: 'post', path: '/api/people/:id/removal', summary: 'Retirer une personne : compte fermé, remplacée par un pseudonyme partout — administration nationale, ou direction pour son équipe', tag: 'données personnelles', auth: 'session', response: removalResponse },
  { method: 'post', path: '/api/structures/:id/direction', summary: 'Transmettre la direction de la structure à un membre de l’équipe — direction, administration nationale', tag: 'données personnelles', auth: 'session', body: directionBody, response: directionResponse },
] as const satisfies readonly RouteDoc[];

export function privacyRoutes() {
  const app = new Hono<Env>();
  app.get('/account/data', async (c) => {
    const { format } = readQuery(c, personalDataQuery);
    const data = await exportPersonalData({ db: c.var.deps.db, actor: c.var.actor });
    const day = data.exportedAt.slice(0, 10);
    const headers = { 'Content-Disposition': `attachment; filename="mes-donnees-senacs-${day}.${format}"`, 'Cache-Control': 'no-store' };
    if (format === 'csv') return c.body(personalDataAsCsv(data), 200, { ...headers, 'Content-Type': 'text/csv; charset=utf-8' });
    return c.json(data, 200, headers);
  });
  app.post('/people/:id/removal', async (c) =>
    c.json(await removePerson({ db: c.var.deps.db, actor: c.var.actor, userId: readId(c) })));
  app.post('/structures/:id/direction', async (c) => {
    const structureId = readId(c);
    const body = await readBody(c, directionBody);
    return c.json(await transferDirection({ db: c.var.deps.db, actor: c.var.actor, structureId, successorId: body.successorId, leave: body.leave }));
  });
  return app;
}
