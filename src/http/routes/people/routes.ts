import { Hono, type Context } from 'hono';
import { invitePerson } from '../../../app/invitations/invitePerson';
import { listPeople, setPersonSuspended } from '../../../app/people/managePeople';
import { inviteDirectors, listDirectorInvitations } from '../../../app/invitations/inviteDirectors';
import { readConfig } from '../../../config';
import type { TerritoryScope } from '../../../db/campaign.repo';
import { AppError } from '../../../domain/errors';
import type { Env } from '../../context';
import { readBody, readId, readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { directorInvitationsResponse, directorsResponse, inviteDirectorsBody, invitePersonBody, peopleResponse, personInvitationResponse, suspendBody, suspensionResponse, territoryQuery } from './schema';

export const peopleDocs = [
  { method: 'get', path: '/api/people', summary: 'Correspondants, coordinations régionales et administration nationale que l’on gère, et leurs invitations en attente', tag: 'personnes', auth: 'session', response: peopleResponse },
  { method: 'post', path: '/api/people/invitations', summary: 'Inviter un·e correspondant·e (départements) ou une coordination régionale (région), CAF ou fédération, par lien secret — jamais plus large que son propre périmètre', tag: 'personnes', auth: 'session', body: invitePersonBody, status: 201, response: personInvitationResponse },
  { method: 'post', path: '/api/people/:id/suspension', summary: 'Suspendre ou réactiver une personne d’un territoire', tag: 'personnes', auth: 'session', body: suspendBody, response: suspensionResponse },
  { method: 'get', path: '/api/directors', summary: 'Directions des structures d’un territoire : inscrites, invitées, pas encore invitées', tag: 'personnes', auth: 'session', query: territoryQuery, response: directorsResponse },
  { method: 'post', path: '/api/directors/invitations', summary: 'Inviter la direction de structures choisies, ou de toutes celles pas encore invitées, à l’adresse de l’annuaire', tag: 'personnes', auth: 'session', query: territoryQuery, body: inviteDirectorsBody, response: directorInvitationsResponse },
] as const satisfies readonly RouteDoc[];

function scopeOf(c: Context<Env>): TerritoryScope {
  const q = readQuery(c, territoryQuery);
  if (q.level === 'nation') return { level: 'nation' };
  if (!q.code) throw new AppError('validation_failed', 'Le code du territoire est requis pour ce niveau.');
  return { level: q.level, code: q.code };
}

const mailing = (c: Context<Env>) => {
  const config = readConfig();
  return { appUrl: config.publicUrl ?? new URL(c.req.url).origin, ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}) };
};

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
  app.get('/directors', async (c) => c.json(await listDirectorInvitations({ db: c.var.deps.db, actor: c.var.actor, scope: scopeOf(c) })));
  app.post('/directors/invitations', async (c) => {
    const scope = scopeOf(c);
    const { structureIds } = await readBody(c, inviteDirectorsBody);
    return c.json(await inviteDirectors({ db: c.var.deps.db, actor: c.var.actor, scope, ...(structureIds ? { structureIds } : {}), ...mailing(c) }));
  });
  return app;
}
