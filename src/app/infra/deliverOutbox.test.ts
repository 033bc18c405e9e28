import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { Database$ } from '../../db/connection';
import { openTestDatabase } from '../../testing/testDb';
import { DEMO, testClient } from '../../testing/http';
import { MAX_ATTEMPTS } from '../../domain/outbox';
import { insertInvitation } from '../../db/invitation.repo';
import { invitationLink, invitationTokenHash } from '../../domain/secretLinks';
import { deliverOutbox, flushOutbox } from './deliverOutbox';
import { smtpMailer } from './mailer';

/**
 * The outbox as a durable queue, against a real SMTP server (smtp-server) on a random local port:
 * STARTTLS before the credentials, Date and Message-ID, retry with backoff after a refusal, the failure on
 * the row, and exactly one delivery when two senders run at once.
 */

interface Received { from: string; to: string[]; raw: string; secure: boolean; user: string | undefined }

let database: Database$;
let server: SMTPServer;
let url: string;
const received: Received[] = [];
/** What the server answers to RCPT TO next (a code ≥ 400 refuses), then accepts again. */
let refusals: number[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  server = new SMTPServer({
    // Credentials only over TLS (the default): the client must use STARTTLS first.
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, done) {
      if (auth.username === 'senacs' && auth.password === 'secret') done(null, { user: auth.username });
      else done(Object.assign(new Error('Identifiants refusés'), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, done) {
      const code = refusals.shift();
      if (code) done(Object.assign(new Error(code >= 500 ? 'Boîte inconnue' : 'Réessayez plus tard'), { responseCode: code }));
      else done();
    },
    onData(stream, session: SMTPServerSession, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        // A little latency, so that two senders really overlap.
        setTimeout(() => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'), secure: session.secure, user: session.user as string | undefined,
          });
          done();
        }, 5);
      });
    },
  });
  server.on('error', () => { /* a client hanging up is not a test failure */ });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.server.address() as { port: number };
  // The test server's certificate is self-signed.
  url = `smtp://senacs:secret@127.0.0.1:${port}?tls.rejectUnauthorized=false`;
});

afterAll(async () => {
  await new Promise<void>((ok) => server.close(() => ok()));
  await database?.close();
});

beforeEach(async () => {
  received.length = 0;
  refusals = [];
  await database.db.deleteFrom('outbox').execute();
});

async function queue(n: number, to = (i: number) => `destinataire${i}@exemple.fr`) {
  const rows = await database.db.insertInto('outbox')
    .values(Array.from({ length: n }, (_, i) => ({ to_email: to(i), subject: `Relance n° ${i} : campagne 2025`, body: `Bonjour,\n.\nCourriel ${i}, à bientôt.`, structure_id: null })))
    .returning('id').execute();
  return rows.map((r) => r.id);
}

const rowOf = (id: number) => database.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const header = (raw: string, name: string) => new RegExp(`^${name}: (.+)$`, 'mi').exec(raw)?.[1]?.trim();

describe('outbox delivery through a real SMTP server', () => {
  it('delivers a queued mail once, over STARTTLS, with Date and Message-ID, and records it sent', async () => {
    const [id] = await queue(1);
    expect(await flushOutbox(database.db, url)).toBe(1);
    expect(received).toHaveLength(1);
    const mail = received[0];
    expect(mail.secure).toBe(true);
    expect(mail.user).toBe('senacs');
    expect(mail.to).toEqual(['destinataire0@exemple.fr']);
    const date = header(mail.raw, 'Date');
    expect(date).toBeDefined();
    expect(Math.abs(new Date(date!).getTime() - Date.now())).toBeLessThan(60_000);
    const messageId = header(mail.raw, 'Message-ID');
    expect(messageId).toMatch(new RegExp(`^<outbox-${id}\\.[^@]+@senacs\\.local>$`));
    expect(header(mail.raw, 'Subject')).toMatch(/^=\?UTF-8\?/i);
    expect(mail.raw).toMatch(/Courriel 0/);

    const row = await rowOf(id);
    expect(row).toMatchObject({ state: 'sent', attempts: 1, message_id: messageId, last_error: null, locked_at: null });
    expect(row.sent_at).not.toBeNull();
    // Nothing left to send: a second pass sends nothing.
    expect(await flushOutbox(database.db, url)).toBe(0);
    expect(received).toHaveLength(1);
  });

  it('a refusal (4xx or 5xx) puts the mail back in the queue for later, with the error on the row, until it leaves', async () => {
    const [id] = await queue(1);
    refusals = [451];
    // A second ahead: the row's next_attempt_at is the database's now() in microseconds, which can fall in the
    // same millisecond as a JavaScript Date taken just after it, and then after it.
    const t0 = new Date(Date.now() + 1000);
    const mailer = smtpMailer(url);
    try {
      expect(await deliverOutbox({ db: database.db, mailer, now: () => t0 })).toEqual({ sent: 0, failed: 1, cancelled: 0 });
      let row = await rowOf(id);
      expect(row).toMatchObject({ state: 'pending', attempts: 1, locked_at: null });
      expect(row.last_error).toMatch(/SMTP 451/);
      const wait = new Date(row.next_attempt_at).getTime() - t0.getTime();
      expect(wait).toBeGreaterThanOrEqual(60_000);
      expect(wait).toBeLessThanOrEqual(66_000);

      // Not due yet: nothing is tried.
      expect(await deliverOutbox({ db: database.db, mailer, now: () => new Date(t0.getTime() + 30_000) })).toEqual({ sent: 0, failed: 0, cancelled: 0 });
      // Due: refused again (5xx this time), and the delay doubles.
      refusals = [550];
      const t1 = new Date(t0.getTime() + 70_000);
      expect(await deliverOutbox({ db: database.db, mailer, now: () => t1 })).toMatchObject({ failed: 1 });
      row = await rowOf(id);
      expect(row).toMatchObject({ state: 'pending', attempts: 2 });
      expect(row.last_error).toMatch(/SMTP 550/);
      expect(new Date(row.next_attempt_at).getTime() - t1.getTime()).toBeGreaterThanOrEqual(120_000);

      // The server accepts again: the mail leaves on the next due attempt, and the error is cleared.
      expect(await deliverOutbox({ db: database.db, mailer, now: () => new Date(t1.getTime() + 3_600_000) })).toMatchObject({ sent: 1 });
      row = await rowOf(id);
      expect(row).toMatchObject({ state: 'sent', attempts: 3, last_error: null });
      expect(received).toHaveLength(1);
    } finally {
      mailer.close();
    }
  });

  it('gives up after the last attempt: the mail stays visible as failed with its error', async () => {
    const [id] = await queue(1);
    refusals = Array(MAX_ATTEMPTS).fill(550);
    const mailer = smtpMailer(url);
    try {
      let t = Date.now() + 1000; // after the row's next_attempt_at (microseconds), see above
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        expect(await deliverOutbox({ db: database.db, mailer, now: () => new Date(t) })).toMatchObject({ failed: 1 });
        t += 7 * 3_600_000;
      }
      const row = await rowOf(id);
      expect(row).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS });
      expect(row.last_error).toMatch(/SMTP 550/);
      expect(await deliverOutbox({ db: database.db, mailer, now: () => new Date(t + 86_400_000) })).toEqual({ sent: 0, failed: 0, cancelled: 0 });
    } finally {
      mailer.close();
    }
  });

  it('the national administration sends a given-up mail again; others may not, and only a failed mail goes back', async () => {
    const [id, sentId] = await queue(2);
    await database.db.updateTable('outbox').set({ state: 'failed', attempts: MAX_ATTEMPTS, last_error: 'SMTP 550 Boîte inconnue' }).where('id', '=', id).execute();
    await database.db.updateTable('outbox').set({ state: 'sent', attempts: 1, sent_at: new Date() }).where('id', '=', sentId).execute();
    const client = testClient(database);
    const retry = async (who: string, mail: number) => client.request(`/api/outbox/${mail}/retry`, { method: 'POST', headers: await client.loginAs(who) });
    // A correspondent sees the mail in their outbox but does not run the mail service.
    const refused = await retry(DEMO.caf69, id);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect(await rowOf(id)).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS });
    // A sent mail is not sent twice; an unknown one is not found.
    const twice = await retry(DEMO.national, sentId);
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/abandonné/) });
    expect(await rowOf(sentId)).toMatchObject({ state: 'sent', attempts: 1 });
    expect((await retry(DEMO.national, 999_999)).status).toBe(404);
    // Back in the queue, due now, attempts from zero; the next delivery sends it.
    const ok = await retry(DEMO.national, id);
    expect(ok.status).toBe(200);
    expect(await rowOf(id)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(await flushOutbox(database.db, url)).toBe(1);
    expect(await rowOf(id)).toMatchObject({ state: 'sent', attempts: 1, last_error: null });
    expect(received.map((m) => m.to[0])).toEqual(['destinataire0@exemple.fr']);
  });

  it('an unreachable server is a failure on the row, not an exception', async () => {
    const [id] = await queue(1);
    expect(await flushOutbox(database.db, 'smtp://127.0.0.1:1')).toBe(0);
    const row = await rowOf(id);
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
  });

  it('two senders running at once deliver every mail exactly once', async () => {
    const ids = await queue(30);
    const [a, b] = [smtpMailer(url), smtpMailer(url)];
    try {
      const reports = await Promise.all([deliverOutbox({ db: database.db, mailer: a }), deliverOutbox({ db: database.db, mailer: b })]);
      expect(reports[0].sent + reports[1].sent).toBe(30);
    } finally {
      a.close();
      b.close();
    }
    expect(received).toHaveLength(30);
    expect(new Set(received.map((m) => header(m.raw, 'Message-ID'))).size).toBe(30);
    expect(received.map((m) => m.to[0]).sort()).toEqual(ids.map((_, i) => `destinataire${i}@exemple.fr`).sort());
    const rows = await database.db.selectFrom('outbox').select(['state', 'attempts']).execute();
    expect(rows.every((r) => r.state === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('the outbox page shows the state and attempts; the SMTP error only to the national administration', async () => {
    const lyon = await database.db.selectFrom('structures').select('id').where('departement_code', '=', '69').orderBy('id').executeTakeFirstOrThrow();
    const [id] = await queue(1);
    await database.db.updateTable('outbox').set({ structure_id: lyon.id }).where('id', '=', id).execute();
    refusals = [421];
    expect(await flushOutbox(database.db, url)).toBe(0);
    const client = testClient(database);
    type Listed = { items: { id: number; state: string; attempts: number; lastError: string | null; nextAttemptAt: string }[] };
    const national = (await (await client.request('/api/outbox?level=nation', { headers: await client.loginAs(DEMO.national) })).json()) as Listed;
    expect(national.items.find((m) => m.id === id)).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringMatching(/SMTP 421/) });
    const caf = (await (await client.request('/api/outbox?level=departement&code=69', { headers: await client.loginAs(DEMO.caf69) })).json()) as Listed;
    expect(caf.items.find((m) => m.id === id)).toMatchObject({ state: 'pending', attempts: 1, lastError: null });
  });

  it('an invitation mail gets its link only as it leaves; one whose invitation was revoked meanwhile is cancelled', async () => {
    const structure = await database.db.selectFrom('structures').select('id').orderBy('id').executeTakeFirstOrThrow();
    const admin = await database.db.selectFrom('users').select('id').where('email', '=', DEMO.national).executeTakeFirstOrThrow();
    const invitation = (email: string) => insertInvitation(database.db, { structureId: structure.id, email, role: 'contributor', tokenHash: invitationTokenHash(email), invitedBy: admin.id, expiresAt: new Date(Date.now() + 864e5) });
    const [live, revoked] = [await invitation('vivant@exemple.fr'), await invitation('revoque@exemple.fr')];
    await database.db.updateTable('invitations').set({ revoked_at: new Date(), revoked_by: admin.id }).where('id', '=', revoked.id).execute();
    const body = `Ouvrez ce lien : ${invitationLink('https://senacs.example.org')}`;
    await database.db.insertInto('outbox').values([live, revoked].map((i, n) => ({ to_email: n ? 'revoque@exemple.fr' : 'vivant@exemple.fr', subject: 'Invitation', body, structure_id: structure.id, invitation_id: i.id }))).execute();
    expect(await flushOutbox(database.db, url)).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(['vivant@exemple.fr']);
    // Quoted-printable soft line breaks undone.
    expect(received[0].raw.replace(/=\r\n/g, '')).toMatch(/https:\/\/senacs\.example\.org\/invitation\/[A-Za-z0-9_-]{40,}/);
    const rows = await database.db.selectFrom('outbox').select(['to_email', 'state', 'body']).orderBy('id').execute();
    expect(rows.map((r) => r.state)).toEqual(['sent', 'cancelled']);
    // What stays in the outbox is the placeholder, never the link that went.
    expect(rows.every((r) => r.body === body)).toBe(true);
  });
});
