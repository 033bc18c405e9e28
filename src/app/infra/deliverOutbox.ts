import type { Db } from '../../db/connection';
import { claimNextMail, markMailCancelled, markMailFailed, markMailSent, nextDueAt } from '../../db/outbox.repo';
import { describeSendError, retryDelayMs } from '../../domain/outbox';
import { outboxMessageId, smtpMailer, type Mailer } from './mailer';
import { prepareMailForSending } from './prepareMailForSending';

export interface DeliveryReport { sent: number; failed: number; cancelled: number }

/**
 * Sends the due mails of the outbox, one claimed row at a time (claimNextMail: never two senders on one
 * mail), and records each outcome on its row: sent with its Message-ID, cancelled (its invitation can no
 * longer be used), or failed with the SMTP error and the time of the next attempt (exponential backoff;
 * 'failed' for good after MAX_ATTEMPTS). SMTP failures are never thrown: they are on the row, shown in the
 * outbox page. Stops after `limit` mails.
 * @example const report = await deliverOutbox({ db, mailer: smtpMailer(process.env.SMTP_URL!) });
 */
export async function deliverOutbox(p: { db: Db; mailer: Mailer; limit?: number; now?: () => Date }): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, cancelled: 0 };
  const clock = p.now ?? (() => new Date());
  for (let i = 0; i < (p.limit ?? 500); i++) {
    const mail = await claimNextMail(p.db, p.now?.());
    if (!mail) break;
    try {
      // The stored body holds no secret link: it is written into this copy of the mail only now.
      const text = await prepareMailForSending(p.db, mail, clock());
      if (text === undefined) {
        await markMailCancelled(p.db, mail.id);
        report.cancelled++;
        continue;
      }
      const messageId = await p.mailer.send({ to: mail.to_email, subject: mail.subject, text, messageId: outboxMessageId(mail.id, p.mailer.from) });
      await markMailSent(p.db, mail.id, messageId, clock());
      report.sent++;
    } catch (error) {
      const delay = retryDelayMs(mail.attempts);
      await markMailFailed(p.db, mail.id, describeSendError(error), delay === null ? null : new Date(clock().getTime() + delay));
      report.failed++;
    }
  }
  return report;
}

/**
 * Sends what is due now through SMTP_URL, on a connection opened for this batch; returns how many mails
 * left. Used right after a use case queued mails (invitation, reminders); the background sender
 * (startOutboxSender) takes whatever is left or failed.
 * @example const sent = await flushOutbox(db, process.env.SMTP_URL!);
 */
export async function flushOutbox(db: Db, smtpUrl: string): Promise<number> {
  const mailer = smtpMailer(smtpUrl);
  try {
    return (await deliverOutbox({ db, mailer })).sent;
  } finally {
    mailer.close();
  }
}

/**
 * The server's background sender: delivers due mails, then sleeps until the next one is due (at most
 * `intervalMs`); `wake()` makes it look at once. `stop()` waits for the batch in progress.
 * @example const sender = startOutboxSender({ db, smtpUrl }); … await sender.stop();
 */
export function startOutboxSender(p: { db: Db; smtpUrl: string; intervalMs?: number; onError?: (error: unknown) => void }) {
  const interval = p.intervalMs ?? 30_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => { running = run(); }, Math.max(0, ms)).unref();
  };
  const run = async () => {
    let wait = interval;
    try {
      await flushOutbox(p.db, p.smtpUrl);
      const next = await nextDueAt(p.db);
      if (next) wait = Math.min(interval, next.getTime() - Date.now());
    } catch (error) {
      p.onError?.(error);
    }
    schedule(Math.max(wait, 1000));
  };
  schedule(0);
  return {
    wake: () => schedule(0),
    stop: async () => { stopped = true; clearTimeout(timer); await running; },
  };
}
