import { Hono } from 'hono';
import type { Env } from '../../context';
import { listStructureInvitations } from '../../../app/invitations/listStructureInvitations';
import { inviteMember } from '../../../app/invitations/inviteMember';
import { revokeInvitation } from '../../../app/invitations/revokeInvitation';
import { readConfig } from '../../../config';
import { readBody, readId } from '../../input';
import type { RouteDoc } from '../../openapi';
import { presentInvitation } from '../../presenters/invitation';
import { invitationCreated, invitationListResponse, invitationRevoked, inviteBody } from '../invitations/schema';

export const structureInvitationDocs = [
  { method: 'get', path: '/api/structures/:id/invitations', summary: 'Invitations de la structure (en attente, acceptées, expirées, révoquées) — direction', tag: 'invitations', auth: 'session', response: invitationListResponse },
  { method: 'post', path: '/api/structures/:id/invitations', summary: 'Inviter une personne par lien envoyé par courriel (équipe ou conseil d’administration) — direction', tag: 'invitations', auth: 'session', body: inviteBody, response: invitationCreated },
  { method: 'post', path: '/api/structures/:id/invitations/:invitationId/revoke', summary: 'Révoquer une invitation en attente — direction', tag: 'invitations', auth: 'session', response: invitationRevoked },
] as const satisfies readonly RouteDoc[];

/**
 * A structure's invitations: list, invite by a link sent by e-mail, revoke (direction); accepting is under /invitations.
 * @example app.route('/', structureInvitationRoutes());
 */
export function structureInvitationRoutes() {
  const app = new Hono<Env>();
  app.get('/structures/:id/invitations', async (c) => {
    const list = await listStructureInvitations({ db: c.var.deps.db, actor: c.var.actor, structureId: readId(c) });
    return c.json({ items: list.items.map(presentInvitation), total: list.total, pending: list.pending });
  });
  app.post('/structures/:id/invitations', async (c) => {
    const structureId = readId(c);
    const body = await readBody(c, inviteBody);
    const config = readConfig();
    const appUrl = config.publicUrl ?? new URL(c.req.url).origin;
    return c.json(await inviteMember({
      db: c.var.deps.db, actor: c.var.actor, structureId, email: body.email, role: body.role,
      ...(body.days ? { days: body.days } : {}), appUrl, ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}),
    }));
  });
  app.post('/structures/:id/invitations/:invitationId/revoke', async (c) =>
    c.json(await revokeInvitation({ db: c.var.deps.db, actor: c.var.actor, structureId: readId(c), invitationId: readId(c, 'invitationId') })));
  return app;
}
