/**
 * Secret links in stored e-mails (issue 13): the outbox keeps a placeholder where the token goes, and the
 * token is put in only at the moment of sending. Pure text functions; the token itself never reaches storage.
 */

import { createHash } from 'node:crypto';

/** Tokens are stored as their SHA-256 (enough for 256-bit random tokens): a copy of the database gives no usable link. */
export const invitationTokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** What stands for the token in a stored invitation e-mail: never a valid token (not base64url). */
export const INVITATION_TOKEN_SLOT = '[lien-personnel-ajouté-à-l’envoi]';

/** An invitation link of this deployment, with the token or the placeholder. */
export const invitationLink = (appUrl: string, token: string = INVITATION_TOKEN_SLOT) => `${appUrl.replace(/\/$/, '')}/invitation/${token}`;

/**
 * The stored body with the token put in, for the mail about to leave; undefined when the body has no slot.
 * @example fillTokenSlot('… https://x.fr/invitation/[lien-personnel-ajouté-à-l’envoi] …', 'abc') // '… https://x.fr/invitation/abc …'
 */
export function fillTokenSlot(body: string, token: string): string | undefined {
  return body.includes(INVITATION_TOKEN_SLOT) ? body.split(INVITATION_TOKEN_SLOT).join(token) : undefined;
}

/**
 * A password reset link of this deployment. The token sits after '#': browsers never send a fragment to
 * the server nor in a Referer, so it stays out of access logs and other sites.
 */
export const passwordResetLink = (appUrl: string, token: string = INVITATION_TOKEN_SLOT) => `${appUrl.replace(/\/$/, '')}/mot-de-passe/nouveau#${token}`;

/** Any invitation link with a token-shaped tail, redacted (defence in depth for text about to be stored). */
export const redactInvitationLinks = (text: string) => text.replace(/\/invitation\/[A-Za-z0-9_-]{20,}/g, `/invitation/${INVITATION_TOKEN_SLOT}`);
