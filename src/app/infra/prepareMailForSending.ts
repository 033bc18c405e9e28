import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection';
import { rotateInvitationToken } from '../../db/invitation.repo';
import { rotatePasswordResetToken } from '../../db/passwordReset.repo';
import { fillTokenSlot, invitationTokenHash } from '../../domain/secretLinks';

/** An outbox row as the sender reads it. */
export interface StoredMail { id: number; to_email: string; subject: string; body: string; invitation_id: number | null; password_reset_id?: number | null }

/**
 * The text of a stored mail as it must leave, called by the sender right before handing it to SMTP. The
 * outbox never holds a usable link: for an invitation, a new single-use token is drawn now, its hash
 * replaces the invitation's, and the link goes into this copy of the body only. Returns undefined when the
 * mail must not go (its invitation was accepted or revoked, its password reset used, or either expired meanwhile).
 * If sending then fails, the next attempt draws another token: only the link actually delivered last works.
 * @example const body = await prepareMailForSending(db, mail); if (body !== undefined) await send({ ...mail, body });
 */
export async function prepareMailForSending(db: Db, mail: StoredMail, now = new Date()): Promise<string | undefined> {
  if (mail.password_reset_id) {
    // Same for a password reset: a fresh token, its hash on the reset, the link only in this copy.
    const token = randomBytes(32).toString('base64url');
    if (!(await rotatePasswordResetToken(db, mail.password_reset_id, invitationTokenHash(token), now))) return undefined;
    return fillTokenSlot(mail.body, token);
  }
  if (mail.invitation_id === null) return mail.body;
  const token = randomBytes(32).toString('base64url');
  if (!(await rotateInvitationToken(db, mail.invitation_id, invitationTokenHash(token), now))) return undefined;
  return fillTokenSlot(mail.body, token);
}
