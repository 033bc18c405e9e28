import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection';
import { countInvitationsSince, insertInvitation, isMemberByEmail } from '../../db/invitation.repo';
import { insertOutbox } from '../../db/cockpit.repo';
import { appendAudit } from '../../db/audit.repo';
import { AppError } from '../../domain/errors';
import { roleLabels, type Actor } from '../../domain/roles';
import { invitationLink, invitationTokenHash } from '../../domain/secretLinks';
import { authorizeInvitations } from './invitationAccess';
import { getStructurePlace } from '../../db/structure.repo';
import { structurePolicy } from '../../policies/structure';
import { flushOutbox } from '../infra/deliverOutbox';

/** Roles a director may give by invitation: the team, or a board member (never another director). */
export const invitableRoles = ['contributor', 'board_member'] as const;
export type InvitableRole = (typeof invitableRoles)[number];

/** How long a link stays valid unless the director chooses (INVITATION_DAYS, 7 by default). */
export const defaultInvitationDays = (env: NodeJS.ProcessEnv = process.env) => {
  const n = Number(env.INVITATION_DAYS);
  return Number.isInteger(n) && n >= 1 && n <= 90 ? n : 7;
};

/** Invitations a structure may send in 24 hours (INVITATION_DAILY_LIMIT, 30 by default). */
export const invitationDailyLimit = (env: NodeJS.ProcessEnv = process.env) => {
  const n = Number(env.INVITATION_DAILY_LIMIT);
  return Number.isInteger(n) && n >= 1 ? n : 30;
};

export { invitationTokenHash };

/** The invitation e-mail, in French. */
export function invitationMail(p: { structureName: string; role: InvitableRole | 'director'; inviter: string; link: string; expiresAt: Date }) {
  const until = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(p.expiresAt);
  return {
    subject: `Observatoire Senacs : invitation à rejoindre « ${p.structureName} »`,
    body: [
      'Bonjour,', '',
      `${p.inviter} vous invite à rejoindre « ${p.structureName} » sur l’observatoire Senacs, avec le rôle : ${roleLabels[p.role]}.`,
      'Vous pourrez remplir avec l’équipe le questionnaire annuel de la structure.', '',
      `Pour accepter, ouvrez ce lien (valable jusqu’au ${until}, utilisable une seule fois) :`,
      p.link, '',
      'Si vous n’avez pas encore de compte, vous choisirez votre mot de passe en ouvrant le lien.',
      'Si vous n’attendiez pas cette invitation, ignorez ce message.', '',
      '— L’équipe de l’observatoire Senacs',
    ].join('\n'),
  };
}

/**
 * The director (or the national administration) invites someone into the structure by e-mail link:
 * a random single-use token (stored hashed), an expiry, and the rendered e-mail in the outbox with a
 * placeholder where the link goes (sent at once when SMTP_URL is set: the sender draws a new token and
 * writes the link into the mail only then, see prepareMailForSending). Without a mail server, the link
 * is handed once to the person inviting, who passes it on; it is stored nowhere.
 * @example await inviteMember({ db, actor, structureId: 12, email: 'a@b.fr', role: 'contributor', appUrl: 'https://senacs.fr' });
 */
export async function inviteMember(p: {
  db: Db; actor: Actor; structureId: number; email: string; role: InvitableRole | 'director'; days?: number;
  appUrl: string; smtpUrl?: string; now?: Date;
}) {
  const now = p.now ?? new Date();
  if (p.role === 'director') await authorizeDirectorInvitation(p.db, p.actor, p.structureId);
  else await authorizeInvitations(p.db, p.actor, p.structureId);
  const email = p.email.trim().toLowerCase();
  if (await isMemberByEmail(p.db, p.structureId, email)) throw new AppError('conflict', `${email} fait déjà partie de l’équipe de la structure.`);
  const limit = invitationDailyLimit();
  if (await countInvitationsSince(p.db, p.structureId, new Date(now.getTime() - 864e5)) >= limit) {
    throw new AppError('rate_limited', `Trop d’invitations envoyées : ${limit} au plus par 24 heures pour une structure. Réessayez demain.`);
  }
  const days = p.days ?? defaultInvitationDays();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + days * 864e5);
  const structure = await p.db.selectFrom('structures').select('name').where('id', '=', p.structureId).executeTakeFirstOrThrow();
  const mail = invitationMail({
    structureName: structure.name, role: p.role, inviter: p.actor.name ?? 'La direction', expiresAt,
    link: invitationLink(p.appUrl),
  });
  const row = await p.db.transaction().execute(async (tx) => {
    const inv = await insertInvitation(tx, { structureId: p.structureId, email, role: p.role, tokenHash: invitationTokenHash(token), invitedBy: p.actor.userId!, expiresAt });
    await insertOutbox(tx, [{ to_email: email, structure_id: p.structureId, invitation_id: inv.id, ...mail }]);
    await appendAudit(tx, { actorId: p.actor.userId, action: 'invitation.create', entity: 'structure', entityId: p.structureId, data: { invitation: inv.id, email, role: p.role, days } });
    return inv;
  });
  // An SMTP failure is not thrown: it stays on the outbox row, retried later and shown in the outbox page.
  const sent = p.smtpUrl ? await flushOutbox(p.db, p.smtpUrl) : 0;
  // No mail server: the inviter gets the link to pass on (a director may already add anyone, so this grants nothing).
  return { id: row.id, email, role: p.role, expiresAt: expiresAt.toISOString(), sent: sent > 0, ...(p.smtpUrl ? {} : { link: invitationLink(p.appUrl, token) }) };
}

/**
 * The director of a structure is invited by those who follow its territory (correspondents, regional
 * coordination, the nation): a structure's own people never make a director.
 */
async function authorizeDirectorInvitation(db: Db, actor: Actor, structureId: number) {
  if (!actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour inviter la direction d’une structure.');
  const place = await getStructurePlace(db, structureId);
  if (!place) throw new AppError('not_found', 'Structure introuvable.');
  if (!structurePolicy.review(actor, place)) {
    if (!structurePolicy.readPrivate(actor, place)) throw new AppError('not_found', 'Structure introuvable.');
    throw new AppError('forbidden', 'La direction d’une structure est invitée par les correspondants de son territoire.');
  }
}
