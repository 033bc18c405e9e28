import { createServer } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { sendMail } from './smtp';

/** A tiny SMTP server that records what it receives. */
const received: string[] = [];
const server = createServer((s) => {
  s.setEncoding('utf8');
  let data = false;
  let message = '';
  s.write('220 test ESMTP\r\n');
  s.on('data', (chunk: string) => {
    for (const line of chunk.split('\r\n').filter((l, i, a) => i < a.length - 1 || l)) {
      if (data) {
        if (line === '.') { data = false; received.push(message); s.write('250 queued\r\n'); } else message += line + '\n';
        continue;
      }
      if (line.startsWith('EHLO')) s.write('250-test\r\n250 AUTH PLAIN\r\n');
      else if (line.startsWith('AUTH PLAIN')) s.write(Buffer.from(line.slice(11), 'base64').toString() === '\0u\0p' ? '235 ok\r\n' : '535 no\r\n');
      else if (line === 'DATA') { data = true; s.write('354 go\r\n'); }
      else if (line === 'QUIT') { s.write('221 bye\r\n'); s.end(); }
      else s.write('250 ok\r\n');
    }
  });
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const port = (server.address() as { port: number }).port;
afterAll(() => server.close());

it('delivers a UTF-8 message with AUTH PLAIN', async () => {
  await sendMail(`smtp://u:p@127.0.0.1:${port}`, { from: 'senacs@demo.test', to: 'a@b.test', subject: 'Relance : campagne 2025', body: 'Bonjour,\n.\nÀ bientôt' });
  expect(received).toHaveLength(1);
  expect(received[0]).toContain('To: a@b.test');
  expect(received[0]).toContain('Subject: =?UTF-8?B?');
  expect(received[0]).toContain('\n..\n');
  expect(received[0]).toContain('À bientôt');
});

it('fails clearly when the server refuses the credentials', async () => {
  await expect(sendMail(`smtp://u:wrong@127.0.0.1:${port}`, { from: 'x@y.z', to: 'a@b.c', subject: 's', body: 'b' })).rejects.toThrow(/SMTP/);
});
