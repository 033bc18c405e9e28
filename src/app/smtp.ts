import { connect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/**
 * Sends one plain-text mail through an SMTP server given as `smtp://user:pass@host:port` (or `smtps://`
 * for implicit TLS). Deliberately small: one message per connection, AUTH PLAIN when credentials are given.
 * @example await sendMail('smtp://localhost:2525', { from: 'senacs@x.fr', to: 'a@b.fr', subject: 'Rappel', body: '…' });
 */
export async function sendMail(url: string, mail: { from: string; to: string; subject: string; body: string }): Promise<void> {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol === 'smtps:' ? 465 : 25));
  const socket: Socket = u.protocol === 'smtps:' ? tlsConnect({ host: u.hostname, port, servername: u.hostname }) : connect({ host: u.hostname, port });
  socket.setEncoding('utf8');
  socket.setTimeout(15_000, () => socket.destroy(new Error('SMTP : délai dépassé')));
  let buffer = '';
  const waiters: ((line: string) => void)[] = [];
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let i: number;
    // A reply ends with a line "NNN text" (a dash after the code means more lines follow).
    while ((i = buffer.search(/^\d{3} .*\r?\n/m)) >= 0) {
      const end = buffer.indexOf('\n', i) + 1;
      const reply = buffer.slice(0, end);
      buffer = buffer.slice(end);
      waiters.shift()?.(reply);
    }
  });
  const failed = new Promise<never>((_, reject) => socket.once('error', reject));
  const expect = async (code: number, send?: string) => {
    const reply = new Promise<string>((ok) => waiters.push(ok));
    if (send !== undefined) socket.write(send + '\r\n');
    const line = await Promise.race([reply, failed]);
    const last = line.trim().split('\n').at(-1) ?? '';
    if (!last.startsWith(String(code))) throw new Error(`SMTP : réponse inattendue « ${last.trim()} »`);
  };
  try {
    await expect(220);
    await expect(250, `EHLO senacs`);
    if (u.username) {
      const auth = Buffer.from(`\0${decodeURIComponent(u.username)}\0${decodeURIComponent(u.password)}`).toString('base64');
      await expect(235, `AUTH PLAIN ${auth}`);
    }
    await expect(250, `MAIL FROM:<${mail.from}>`);
    await expect(250, `RCPT TO:<${mail.to}>`);
    await expect(354, 'DATA');
    const subject = `=?UTF-8?B?${Buffer.from(mail.subject).toString('base64')}?=`;
    const body = mail.body.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
    await expect(250, [`From: ${mail.from}`, `To: ${mail.to}`, `Subject: ${subject}`, 'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', body, '.'].join('\r\n'));
    await expect(221, 'QUIT').catch(() => undefined);
  } finally {
    socket.destroy();
  }
}
