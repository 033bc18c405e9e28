import { Hono } from 'hono';
import { invitePerson } from '../../../app/invitations/invitePerson';
import { listPeople, setPersonSuspended } from '../../../app/people/managePeople';
import { removePerson } from '../../../app/people/removePerson';
import type { Env } from '../../context';
import { readBody, readId } from '../../input';
import type { RouteDoc } from '../../openapi';
import { mailing } from './mailing';
import { invitePersonBody, peopleResponse, personInvitationResponse, removalResponse, suspendBody, suspensionResponse } from './schema';

export const peopleDocs = [
  { method: 'get', path: '/api/people', summary: 'Correspondants, coordinations régionales et administration nationale que l’on gère, et leurs invitations en attente', tag: 'personnes', auth: 'session', response: peopleResponse },
  { method: 'post', path: '/api/people/invitations', summary: 'Inviter un·e correspondant·e (départements) ou une coordination régionale (région), CAF ou fédération, par lien secret — jamais plus large que son propre périmètre', tag: 'personnes', auth: 'session', body: invitePersonBody, status: 201, response: personInvitationResponse },
  { method: 'post', path: '/api/people/:id/suspension', summary: 'Suspendre ou réactiver une personne d’un territoire', tag: 'personnes', auth: 'session', body: suspendBody, response: suspensionResponse },
  { method: 'post', path: '/api/people/:id/removal', summary: 'Retirer une personne : compte fermé, remplacée par un pseudonyme partout — administration nationale, ou direction pour son équipe', tag: 'données personnelles', auth: 'session', response: removalResponse },
] as const satisfies readonly RouteDoc[];

/**
 * The territory people one manages: list, invite, suspend, remove.
 * @example api.route('/', peopleRoutes());
 */
export function peopleRoutes() {
  const app = new Hono<Env>();
  app.get('/people', async (c) => c.json(await listPeople({ db: c.var.deps.db, actor: c.var.actor })));
  app.post('/people/invitations', async (c) => {
    const b = await readBody(c, invitePersonBody);
    const grant = { role: b.role, organisation: b.organisation, ...(b.departements ? { departements: b.departements } : {}), ...(b.regionCode ? { regionCode: b.regionCode } : {}) };
    return c.json(await invitePerson({ db: c.var.deps.db, actor: c.var.actor, email: b.email, grant, ...mailing(c) }), 201);
  });
  app.post('/people/:id/suspension', async (c) => {
    const userId = readId(c);
    const { suspended } = await readBody(c, suspendBody);
    return c.json(await setPersonSuspended({ db: c.var.deps.db, actor: c.var.actor, userId, suspended }));
  });
  app.post('/people/:id/removal', async (c) =>
    c.json(await removePerson({ db: c.var.deps.db, actor: c.var.actor, userId: readId(c) })));
  return app;
}
