/**
 * The outbox as a sending queue: states of a mail and when a failed one is tried again. Pure.
 */

export const outboxStates = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type OutboxState = (typeof outboxStates)[number];

/** French labels of the states, for the outbox page. */
export const outboxStateLabels: Record<OutboxState, string> = {
  pending: 'en attente',
  sending: 'en cours d’envoi',
  sent: 'envoyé',
  failed: 'échec définitif',
  cancelled: 'annulé (invitation acceptée, révoquée ou expirée avant l’envoi)',
};

/** A mail is given up after this many attempts (about a day and a half with the delays below). */
export const MAX_ATTEMPTS = 10;

/** A mail left 'sending' this long belongs to a sender that died: another may take it. */
export const STALE_SENDING_MS = 10 * 60_000;

/**
 * When to try again after the `attempts`-th failed attempt: one minute, then doubling up to six hours,
 * with up to 10 % of jitter so that mails failed together do not all come back together; `null` once
 * the attempts are spent (the mail is 'failed').
 * @example retryDelayMs(1, () => 0) // 60_000
 * @example retryDelayMs(3, () => 0) // 240_000
 * @example retryDelayMs(MAX_ATTEMPTS) // null
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const base = Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
  return Math.round(base * (1 + 0.1 * random()));
}

/**
 * The error of a failed attempt as it is kept and shown: the SMTP reply when there is one, on one line,
 * never longer than 500 characters (an SMTP reply never carries the message body).
 * @example describeSendError(Object.assign(new Error('Can\'t send mail'), { responseCode: 451, response: '451 4.3.0 Réessayez' }))
 * // 'SMTP 451 : 451 4.3.0 Réessayez'
 */
export function describeSendError(error: unknown): string {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const text = e.responseCode ? `SMTP ${e.responseCode} : ${e.response ?? e.message ?? ''}` : `${e.code ? `${e.code} : ` : ''}${e.message ?? String(error)}`;
  return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}
