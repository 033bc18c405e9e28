import type { Db } from '../../db/connection';
import { findInvitationByHash, hasStructureRole, markAccepted } from '../../db/invitation.repo';
import { findUserByEmail, insertMembership, insertUser } from '../../db/user.repo';
import { appendAudit } from '../../db/audit.repo';
import { AppError } from '../../domain/errors';
import { roleLabels, type Actor, type Role } from '../../domain/roles';
import { invitationState } from './invitationAccess';
import { invitationTokenHash } from '../../domain/secretLinks';
import { login } from '../accounts/login';
import { hashPassword } from '../infra/passwords';
import { assertStrongPassword } from '../../domain/passwordStrength';
import { grantLabel, membershipsOf } from '../../domain/people';
import type { Db as Tx } from '../../db/connection';

type Invitation = NonNullable<Awaited<ReturnType<typeof findInvitationByHash>>>;

/** The memberships an accepted invitation gives: its role on its structure, or on each place of its territory scope. */
async function grantInvitation(tx: Tx, inv: Invitation, userId: number, created: boolean) {
  if (inv.scope) {
    const held = await tx.selectFrom('memberships').select(['role', 'departement_code', 'region_code']).where('user_id', '=', userId).execute();
    for (const m of membershipsOf(inv.scope)) {
      if (!held.some((h) => h.role === m.role && h.departement_code === (m.departementCode ?? null) && h.region_code === (m.regionCode ?? null))) await insertMembership(tx, userId, m);
    }
    await appendAudit(tx, { actorId: userId, action: 'invitation.accept', entity: 'user', entityId: userId, data: { invitation: inv.id, role: inv.role, scope: inv.scope, created } });
    return;
  }
  if (!(await hasStructureRole(tx, userId, inv.structure_id!, inv.role as Role))) await insertMembership(tx, userId, { role: inv.role as Role, structureId: inv.structure_id });
  await appendAudit(tx, { actorId: userId, action: 'invitation.accept', entity: 'structure', entityId: inv.structure_id!, data: { invitation: inv.id, role: inv.role, created } });
}

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** The invitation behind a link, or the French error that explains why the link no longer works. */
async function usableInvitation(db: Db, token: string, now: Date) {
  const inv = TOKEN.test(token) ? await findInvitationByHash(db, invitationTokenHash(token)) : undefined;
  if (!inv) throw new AppError('invitation_unknown', 'Ce lien d’invitation n’existe pas. Vérifiez qu’il a été copié en entier, ou demandez une nouvelle invitation à la direction de la structure.');
  const state = invitationState(inv, now);
  if (state === 'accepted') throw new AppError('invitation_used', 'Ce lien d’invitation a déjà été utilisé : il ne sert qu’une fois. Connectez-vous avec votre compte.');
  if (state === 'revoked') throw new AppError('invitation_revoked', 'Cette invitation a été annulée par la direction de la structure.');
  if (state === 'expired') throw new AppError('invitation_expired', 'Ce lien d’invitation a expiré. Demandez une nouvelle invitation à la direction de la structure.');
  return inv;
}

/**
 * What the invitation page shows before accepting: the structure, the role, the address invited and
 * whether that address already has an account (then the person gives its password, else chooses one).
 * @example const info = await describeInvitation({ db, actor, token });
 */
export async function describeInvitation(p: { db: Db; actor: Actor; token: string; now?: Date }) {
  const inv = await usableInvitation(p.db, p.token, p.now ?? new Date());
  const account = p.actor.userId
    ? (p.actor.email?.toLowerCase() === inv.email ? 'signed_in' : 'other_account')
    : (await findUserByEmail(p.db, inv.email)) ? 'existing' : 'none';
  return {
    structure: { id: inv.structure_id, name: inv.structure_name ?? (inv.scope ? grantLabel(inv.scope) : '') },
    role: inv.role, roleLabel: roleLabels[inv.role as Role] ?? inv.role,
    email: inv.email, expiresAt: new Date(inv.expires_at).toISOString(), account,
  };
}

/**
 * Accepts an invitation, once: the invited address gets a membership on the structure with the role.
 * Signed in with that address: nothing more to give. Not signed in: the password of the existing
 * account, or a name and a new password (argon2) to create it. Returns a new session when one was opened.
 * @example await acceptInvitation({ db, actor: anonymous, token, name: 'Awa Diallo', password: 'un long mot de passe' });
 */
export async function acceptInvitation(p: { db: Db; actor: Actor; token: string; name?: string; password?: string; now?: Date }) {
  const now = p.now ?? new Date();
  const inv = await usableInvitation(p.db, p.token, now);
  let userId: number;
  let session: { token: string; csrfToken: string } | undefined;
  let created = false;
  if (p.actor.userId) {
    if (p.actor.email?.toLowerCase() !== inv.email) {
      throw new AppError('invitation_wrong_account', `Cette invitation est adressée à ${inv.email}, et vous êtes connecté·e avec un autre compte. Déconnectez-vous puis rouvrez le lien.`);
    }
    userId = p.actor.userId;
  } else {
    const existing = await findUserByEmail(p.db, inv.email);
    if (existing) {
      if (!p.password) throw new AppError('validation_failed', 'Un compte existe déjà pour cette adresse : saisissez son mot de passe.');
      const s = await login({ db: p.db, email: inv.email, password: p.password, now });
      userId = s.userId;
      session = { token: s.token, csrfToken: s.csrfToken };
    } else {
      const name = (p.name ?? '').trim();
      if (!name) throw new AppError('validation_failed', 'Indiquez votre nom pour créer votre compte.');
      if (!p.password) throw new AppError('validation_failed', 'Choisissez un mot de passe de 12 caractères au moins.');
      assertStrongPassword(p.password, [inv.email, name]);
      const passwordHash = await hashPassword(p.password);
      userId = await p.db.transaction().execute(async (tx) => {
        // The invitation is taken first: a second acceptance waits on this row, then finds it used.
        if (!(await markAccepted(tx, inv.id, null, now))) return 0;
        const id = await insertUser(tx, { email: inv.email, name, passwordHash });
        await tx.updateTable('invitations').set({ accepted_by: id }).where('id', '=', inv.id).execute();
        await grantInvitation(tx, inv, id, true);
        return id;
      });
      if (!userId) throw new AppError('invitation_used', 'Ce lien d’invitation vient d’être utilisé : il ne sert qu’une fois.');
      created = true;
      const s = await login({ db: p.db, email: inv.email, password: p.password, now });
      session = { token: s.token, csrfToken: s.csrfToken };
    }
  }
  if (!created) {
    const ok = await p.db.transaction().execute(async (tx) => {
      if (!(await markAccepted(tx, inv.id, userId, now))) return false;
      await grantInvitation(tx, inv, userId, false);
      return true;
    });
    if (!ok) throw new AppError('invitation_used', 'Ce lien d’invitation vient d’être utilisé : il ne sert qu’une fois.');
  }
  return { structureId: inv.structure_id, structureName: inv.structure_name ?? (inv.scope ? grantLabel(inv.scope) : ''), role: inv.role, userId, created, session };
}
