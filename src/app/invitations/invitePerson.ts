import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection';
import { insertInvitation } from '../../db/invitation.repo';
import { insertOutbox } from '../../db/cockpit.repo';
import { appendAudit } from '../../db/audit.repo';
import { findUserByEmail, listUserMemberships } from '../../db/user.repo';
import { AppError } from '../../domain/errors';
import { canGrant, grantLabel, type TerritoryGrant } from '../../domain/people';
import type { Actor } from '../../domain/roles';
import { invitationLink, invitationTokenHash } from '../../domain/secretLinks';
import { flushOutbox } from '../infra/deliverOutbox';
import { defaultInvitationDays } from './inviteMember';

/** The région of each département, and whether a région exists: what checking a grant needs. */
export async function territoryIndex(db: Db) {
  const [departements, regions] = await Promise.all([
    db.selectFrom('departements').select(['code', 'region_code']).execute(),
    db.selectFrom('regions').select('code').execute(),
  ]);
  const regionOf = new Map(departements.map((d) => [d.code, d.region_code]));
  return { regionOf: (d: string) => regionOf.get(d), regionExists: (r: string) => regions.some((x) => x.code === r) };
}

/**
 * Gives a territory role (correspondent on one or several départements, regional coordination on a région,
 * of a CAF or a federation) to a person by e-mail link: the same secret, hashed, expiring, single-use links
 * as the structures' invitations. Nobody grants a scope wider than their own. Audited.
 * @example await invitePerson({ db, actor, email: 'caf69@caf.fr', name: 'A. Martin', grant: { role: 'correspondent', organisation: 'caf', departements: ['69'] }, appUrl });
 */
export async function invitePerson(p: { db: Db; actor: Actor; email: string; grant: TerritoryGrant; appUrl: string; smtpUrl?: string; now?: Date }) {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour inviter des correspondants.');
  const now = p.now ?? new Date();
  const { regionOf, regionExists } = await territoryIndex(p.db);
  const g: TerritoryGrant = p.grant.role === 'regional_coordinator'
    ? { role: p.grant.role, organisation: p.grant.organisation, regionCode: p.grant.regionCode }
    : { role: p.grant.role, organisation: p.grant.organisation, departements: [...new Set(p.grant.departements ?? [])].sort() };
  if (g.role === 'regional_coordinator' && !(g.regionCode && regionExists(g.regionCode))) throw new AppError('validation_failed', 'Choisissez une région existante.');
  if (g.role === 'correspondent') {
    if (!g.departements?.length) throw new AppError('validation_failed', 'Choisissez au moins un département.');
    const unknown = g.departements.filter((d) => !regionOf(d));
    if (unknown.length) throw new AppError('validation_failed', `Département inconnu : ${unknown.join(', ')}.`);
  }
  if (!canGrant(p.actor, g, regionOf)) throw new AppError('forbidden', 'Vous ne pouvez pas donner un périmètre plus large que le vôtre.');
  const email = p.email.trim().toLowerCase();
  const existing = await findUserByEmail(p.db, email);
  if (existing) {
    const held = await listUserMemberships(p.db, existing.id);
    const has = (g.role === 'regional_coordinator' ? [g.regionCode] : g.departements!).every((code) => held.some((m) => m.role === g.role && (m.regionCode === code || m.departementCode === code)));
    if (has) throw new AppError('conflict', `${email} a déjà ce rôle sur ce périmètre.`);
  }
  const token = randomBytes(32).toString('base64url');
  const days = defaultInvitationDays();
  const expiresAt = new Date(now.getTime() + days * 864e5);
  const until = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(expiresAt);
  const mail = {
    subject: 'Observatoire Senacs : votre accès de suivi des structures',
    body: ['Bonjour,', '', `${p.actor.name ?? 'L’administration nationale'} vous donne accès à l’observatoire Senacs : ${grantLabel(g)}.`,
      'Vous suivrez les structures de ce territoire : annuaire, invitations des directions, vérification et validation des réponses.', '',
      `Pour accepter, ouvrez ce lien (valable jusqu’au ${until}, utilisable une seule fois) :`, invitationLink(p.appUrl), '',
      'Si vous n’avez pas encore de compte, vous choisirez votre mot de passe en ouvrant le lien.', '', '— L’équipe de l’observatoire Senacs'].join('\n'),
  };
  const inv = await p.db.transaction().execute(async (tx) => {
    const row = await insertInvitation(tx, { structureId: null, scope: g, email, role: g.role, tokenHash: invitationTokenHash(token), invitedBy: p.actor.userId!, expiresAt });
    await insertOutbox(tx, [{ to_email: email, structure_id: null, invitation_id: row.id, ...mail }]);
    await appendAudit(tx, { actorId: p.actor.userId, action: 'person.invite', entity: 'invitation', entityId: row.id, data: { email, grant: g, days } });
    return row;
  });
  const sent = p.smtpUrl ? await flushOutbox(p.db, p.smtpUrl) : 0;
  return { id: inv.id, email, grant: g, label: grantLabel(g), expiresAt: expiresAt.toISOString(), sent: sent > 0, ...(p.smtpUrl ? {} : { link: invitationLink(p.appUrl, token) }) };
}
