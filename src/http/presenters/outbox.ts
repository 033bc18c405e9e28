import type { listOutboxMails } from '../../app/outbox/listOutboxMails';

type ListedMail = Awaited<ReturnType<typeof listOutboxMails>>['items'][number];

/**
 * A prepared mail of the outbox: to whom, what, its dates (ISO), its sending state and last error (null but for the national administration).
 * @example presentOutboxMail(mail) // { id: 9, toEmail: 'a@b.fr', subject: '…', state: 'sent', sentAt: '2025-03-01T…', structureName: 'Centre social …', … }
 */
export function presentOutboxMail(m: ListedMail) {
  return {
    id: m.id, toEmail: m.to_email, subject: m.subject, body: m.body, createdAt: m.created_at.toISOString(), sentAt: m.sent_at?.toISOString() ?? null,
    structureName: m.structure_name, state: m.state, attempts: m.attempts, nextAttemptAt: m.next_attempt_at.toISOString(), lastError: m.last_error,
  };
}
