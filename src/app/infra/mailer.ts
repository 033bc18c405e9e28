import { isIP } from 'node:net';
import { createTransport } from 'nodemailer';
import type { SMTPPoolOptions } from 'nodemailer/lib/smtp-pool';

/** One plain-text mail to send. */
export interface OutgoingMail { to: string; subject: string; text: string; messageId: string }

/** What sends mail: nodemailer over SMTP in the application, the same in tests against a real SMTP server. */
export interface Mailer {
  /** The sender address (SMTP_FROM). */
  from: string;
  /** Sends one mail; resolves with the Message-ID once the server accepted it, rejects with the SMTP error. */
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

const isLoopback = (host: string) => host === 'localhost' || (isIP(host) === 4 ? host.startsWith('127.') : host === '::1');

/**
 * A mailer for `SMTP_URL` (`smtp://user:pass@host:587`, or `smtps://…:465` for implicit TLS; nodemailer
 * options may follow as a query string, e.g. `?tls.rejectUnauthorized=false`). With `smtp://`, the
 * connection moves to TLS by STARTTLS whenever the server offers it; when there are credentials and the
 * server is not on this machine, TLS is required, so a password never crosses the network in clear.
 * Mails carry Date and Message-ID headers. One pooled connection is reused from mail to mail.
 * @example const mailer = smtpMailer(process.env.SMTP_URL!); await mailer.send({ to, subject, text, messageId }); mailer.close();
 */
export function smtpMailer(url: string, p: { from?: string; tls?: SMTPPoolOptions['tls'] } = {}): Mailer {
  const parsed = new URL(url);
  const needsTls = parsed.protocol === 'smtp:' && parsed.username !== '' && !isLoopback(parsed.hostname.replace(/^\[|\]$/g, ''));
  const transport = createTransport({
    url, pool: true, maxConnections: 1,
    ...(needsTls ? { requireTLS: true } : {}),
    ...(p.tls ? { tls: p.tls } : {}),
    connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000,
  });
  const from = p.from ?? process.env.SMTP_FROM ?? 'observatoire@senacs.local';
  return {
    from,
    async send(mail) {
      const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId, date: new Date() });
      return info.messageId ?? mail.messageId;
    },
    close: () => transport.close(),
  };
}

/**
 * A stable Message-ID for an outbox mail, the same on every attempt (a receiving server can then tell a
 * repeated delivery after a crash), on the domain of the sender address.
 * @example outboxMessageId(12, 'observatoire@senacs.fr') // '<outbox-12.…@senacs.fr>'
 */
export function outboxMessageId(id: number, from: string, instance = process.env.PUBLIC_URL ?? ''): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'senacs.local';
  const salt = Buffer.from(instance).toString('base64url').slice(0, 16) || 'senacs';
  return `<outbox-${id}.${salt}@${domain}>`;
}
