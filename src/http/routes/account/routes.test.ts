import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { deliverOutbox } from '../../../app/infra/deliverOutbox';
import type { Mailer, OutgoingMail } from '../../../app/infra/mailer';
import { resetPassword } from '../../../app/accounts/resetPassword';

let database: Database$;
let client: ReturnType<typeof testClient>;
beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
});
afterAll(() => database?.close());

const json = (method: string, headers: Record<string, string>, body: unknown): RequestInit => ({ method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await client.request(path, json('POST', headers, body));
  return { status: res.status, body: await res.json() };
};
const STRONG = 'girafe violette sous la pluie de novembre';

/** A mailer that keeps what it was given, as an SMTP server would. */
function capturingMailer(): Mailer & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return { from: 'senacs@test', sent, async send(m) { sent.push(m); return m.messageId; }, close() {} };
}
const linkToken = (text: string) => /\/mot-de-passe\/nouveau#([A-Za-z0-9_-]{20,})/.exec(text)?.[1];
const outboxOf = (email: string) => database.db.selectFrom('outbox').selectAll().where('to_email', '=', email).where('password_reset_id', 'is not', null).execute();

describe('mot de passe oublié', () => {
  it('answers the same for a known and an unknown address; only the known one gets a mail, whose stored copy has no link', async () => {
    const known = await post('/api/auth/password-reset', { email: DEMO.team });
    const unknown = await post('/api/auth/password-reset', { email: 'personne@nulle-part.test' });
    expect(known.status).toBe(202);
    expect(unknown).toEqual(known);
    expect(await outboxOf('personne@nulle-part.test')).toHaveLength(0);
    const [mail] = await outboxOf(DEMO.team);
    expect(mail.body).toContain('/mot-de-passe/nouveau#[lien-personnel-ajouté-à-l’envoi]');
    expect(linkToken(mail.body)).toBeUndefined();
  });

  it('the sent mail alone holds a working one-time link; it sets the password and ends every session', async () => {
    const session = await client.loginAs(DEMO.team);
    const mailer = capturingMailer();
    await deliverOutbox({ db: database.db, mailer });
    const sent = mailer.sent.find((m) => m.to === DEMO.team)!;
    const token = linkToken(sent.text)!;
    expect(token).toBeDefined();
    const stored = (await outboxOf(DEMO.team))[0];
    expect(stored.state).toBe('sent');
    expect(stored.body).not.toContain(token);
    // A weak password is refused and the link still works after.
    const weak = await post('/api/auth/password-reset/confirm', { token, password: 'motdepasse12' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.message).toMatch(/mot de passe/i);
    const ok = await post('/api/auth/password-reset/confirm', { token, password: STRONG });
    expect(ok.status).toBe(200);
    expect((await client.request('/api/account', { headers: session })).status).toBe(401);
    expect((await post('/api/auth/login', { email: DEMO.team, password: STRONG })).status).toBe(200);
    const again = await post('/api/auth/password-reset/confirm', { token, password: `${STRONG} bis` });
    expect(again.status).toBe(404);
    expect(again.body.error.message).toMatch(/plus valable/);
  });

  it('a link stops working once expired, and a made-up token is refused without a 500', async () => {
    await post('/api/auth/password-reset', { email: DEMO.board });
    const mailer = capturingMailer();
    await deliverOutbox({ db: database.db, mailer });
    const token = linkToken(mailer.sent.find((m) => m.to === DEMO.board)!.text)!;
    await expect(resetPassword({ db: database.db, token, password: STRONG, now: new Date(Date.now() + 61 * 60_000) })).rejects.toMatchObject({ code: 'not_found' });
    for (const t of ['x', 'A'.repeat(300), 'é'.repeat(30), `${token}x`]) {
      const r = await post('/api/auth/password-reset/confirm', { token: t, password: STRONG });
      expect([400, 404], t).toContain(r.status);
    }
  });

  it('is rate limited per address, alike for existing and unknown accounts', async () => {
    const statuses = async (email: string) => {
      const out: number[] = [];
      for (let i = 0; i < 4; i++) out.push((await post('/api/auth/password-reset', { email })).status);
      return out;
    };
    expect(await statuses(DEMO.federation69)).toEqual([202, 202, 202, 429]);
    expect(await statuses('inconnu@nulle-part.test')).toEqual([202, 202, 202, 429]);
    expect(await outboxOf(DEMO.federation69)).toHaveLength(3);
    const r = await post('/api/auth/password-reset', { email: DEMO.federation69 });
    expect(r.body.error.code).toBe('rate_limited');
    expect(r.body.error.message).toMatch(/Réessayez dans \d+ minute/);
  });
});

describe('mon compte', () => {
  it('shows, renames, refuses a new address without the password, changes the password and ends the other sessions', async () => {
    const a = await client.loginAs(DEMO.caf69);
    const b = await client.loginAs(DEMO.caf69);
    const me = await (await client.request('/api/account', { headers: a })).json();
    expect(me).toMatchObject({ email: DEMO.caf69 });
    expect(me.sessions).toBeGreaterThanOrEqual(2);
    const renamed = await client.request('/api/account', json('PUT', a, { name: 'Correspondante Rhône', email: DEMO.caf69 }));
    expect(renamed.status).toBe(200);
    const moved = await client.request('/api/account', json('PUT', a, { name: 'Correspondante Rhône', email: 'nouvelle@caf69.test' }));
    expect(moved.status).toBe(401);
    const taken = await client.request('/api/account', json('PUT', a, { name: 'X', email: DEMO.national, currentPassword: 'demo-senacs-2026' }));
    expect(taken.status).toBe(409);
    const wrong = await post('/api/account/password', { current: 'faux', password: STRONG }, a);
    expect(wrong.status).toBe(401);
    const changed = await post('/api/account/password', { current: 'demo-senacs-2026', password: STRONG }, a);
    expect(changed.status).toBe(200);
    expect((await client.request('/api/account', { headers: b })).status).toBe(401);
    expect((await client.request('/api/account', { headers: a })).status).toBe(200);
    const c = await client.loginAs(DEMO.caf69, STRONG);
    const ended = await post('/api/account/sessions/end-others', {}, c);
    expect(ended.body.ended).toBeGreaterThanOrEqual(1);
    expect((await client.request('/api/account', { headers: a })).status).toBe(401);
    expect((await client.request('/api/account', { headers: c })).status).toBe(200);
    expect((await client.request('/api/account')).status).toBe(401);
  });
});
