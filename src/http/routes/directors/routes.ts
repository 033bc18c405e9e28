import { Hono, type Context } from 'hono';
import { inviteDirectors, listDirectorInvitations } from '../../../app/invitations/inviteDirectors';
import type { TerritoryScope } from '../../../db/campaign.repo';
import { AppError } from '../../../domain/errors';
import type { Env } from '../../context';
import { readBody, readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { mailing } from '../people/mailing';
import { directorInvitationsResponse, directorsResponse, inviteDirectorsBody, territoryQuery } from './schema';

export const directorDocs = [
  { method: 'get', path: '/api/directors', summary: 'Directions des structures d’un territoire : inscrites, invitées, pas encore invitées', tag: 'personnes', auth: 'session', query: territoryQuery, response: directorsResponse },
  { method: 'post', path: '/api/directors/invitations', summary: 'Inviter la direction de structures choisies, ou de toutes celles pas encore invitées, à l’adresse de l’annuaire', tag: 'personnes', auth: 'session', query: territoryQuery, body: inviteDirectorsBody, response: directorInvitationsResponse },
] as const satisfies readonly RouteDoc[];

function scopeOf(c: Context<Env>): TerritoryScope {
  const q = readQuery(c, territoryQuery);
  if (q.level === 'nation') return { level: 'nation' };
  if (!q.code) throw new AppError('validation_failed', 'Le code du territoire est requis pour ce niveau.');
  return { level: q.level, code: q.code };
}

/**
 * The directors of a territory's structures and their invitations.
 * @example api.route('/', directorRoutes());
 */
export function directorRoutes() {
  const app = new Hono<Env>();
  app.get('/directors', async (c) => c.json(await listDirectorInvitations({ db: c.var.deps.db, actor: c.var.actor, scope: scopeOf(c) })));
  app.post('/directors/invitations', async (c) => {
    const scope = scopeOf(c);
    const { structureIds } = await readBody(c, inviteDirectorsBody);
    return c.json(await inviteDirectors({ db: c.var.deps.db, actor: c.var.actor, scope, ...(structureIds ? { structureIds } : {}), ...mailing(c) }));
  });
  return app;
}
