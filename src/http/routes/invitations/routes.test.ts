import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { TEST_PASSWORD } from '../../../testing/template';
import { inviteMember } from '../../../app/invitations/inviteMember';
import { listUserMemberships } from '../../../db/user.repo';
import { prepareMailForSending } from '../../../app/infra/prepareMailForSending';

let database: Database$;
let client: ReturnType<typeof testClient>;
let lyon: number;
let other69: number;
const h: Record<string, Record<string, string>> = {};

const send = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
  client.request(path, { method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

/**
 * The link of the newest invitation e-mail to `to`, as its reader gets it: the outbox holds no link, the
 * sender writes a fresh one into the mail when it leaves (each call sends it again: earlier links die).
 */
async function linkFor(to: string): Promise<string> {
  const mail = await database.db.selectFrom('outbox').select(['id', 'to_email', 'subject', 'body', 'invitation_id']).where('to_email', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const body = await prepareMailForSending(database.db, mail);
  const m = body && /\/invitation\/([A-Za-z0-9_-]+)/.exec(body);
  if (!m) throw new Error(`no link in ${body}`);
  return m[1];
}
async function invite(email: string, role = 'contributor', who = h.director, structure = lyon) {
  return send('POST', `/api/structures/${structure}/invitations`, who, { email, role });
}
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  lyon = (await database.db.selectFrom('structures').select('id').where('name', '=', 'Centre social de la Croix-Rousse').executeTakeFirstOrThrow()).id;
  other69 = (await database.db.selectFrom('structures').select('id').where('departement_code', '=', '69').where('id', '!=', lyon).orderBy('id').executeTakeFirstOrThrow()).id;
  for (const k of ['director', 'team', 'board', 'caf69', 'national'] as const) h[k] = await client.loginAs(DEMO[k]);
});
afterAll(() => database?.close());

describe('inviting by e-mail link', () => {
  it('the director invites a newcomer: a French e-mail in the outbox (its link added only when it leaves), the token stored hashed', async () => {
    const res = await invite('Nouvelle.Benevole@example.org');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ email: 'nouvelle.benevole@example.org', role: 'contributor' });
    expect(JSON.stringify(body)).not.toMatch(/token/i);
    // No mail server in tests: the director gets the link once, to pass on.
    expect(body.link).toMatch(/^http:\/\/localhost\/invitation\/[A-Za-z0-9_-]{43}$/);
    const days = (new Date(body.expiresAt).getTime() - Date.now()) / 864e5;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const mail = await database.db.selectFrom('outbox').selectAll().where('to_email', '=', 'nouvelle.benevole@example.org').executeTakeFirstOrThrow();
    expect(mail.subject).toContain('Centre social de la Croix-Rousse');
    expect(mail.body).toMatch(/Bonjour,[\s\S]*Contributeur·rice[\s\S]*une seule fois/);
    expect(mail.structure_id).toBe(lyon);
    expect(mail.body).not.toContain(body.link);
    expect(mail.body).toMatch(/\/invitation\/\[lien-personnel-ajouté-à-l’envoi\]/);
    const token = await linkFor('nouvelle.benevole@example.org');
    const stored = await database.db.selectFrom('invitations').select('token_hash').where('email', '=', 'nouvelle.benevole@example.org').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(stored.token_hash).toHaveLength(43);
  });

  it('the invitee opens the link, chooses a password, and becomes a contributor of that structure only; the link then stops working', async () => {
    const token = await linkFor('nouvelle.benevole@example.org');
    const info = await (await client.request(`/api/invitations/${token}`)).json();
    expect(info).toMatchObject({ structure: { id: lyon, name: 'Centre social de la Croix-Rousse' }, role: 'contributor', account: 'none', email: 'nouvelle.benevole@example.org' });
    const short = await send('POST', `/api/invitations/${token}/accept`, {}, { name: 'Awa Diallo', password: 'court' });
    expect(short.status).toBe(400);
    // Long enough but guessable: refused with the reason, and the link still works.
    const weak = await send('POST', `/api/invitations/${token}/accept`, {}, { name: 'Awa Diallo', password: 'aaaaaaaaaaaa' });
    expect(weak.status).toBe(400);
    expect((await weak.json()).error.message).toMatch(/trop facile à deviner.*caractères répétés/);
    const res = await send('POST', `/api/invitations/${token}/accept`, {}, { name: 'Awa Diallo', password: 'un mot de passe assez long' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ structureId: lyon, role: 'contributor', created: true });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toMatch(/^senacs_session=/);
    const me = await (await client.request('/api/me', { headers: { cookie } })).json();
    expect(me.user.email).toBe('nouvelle.benevole@example.org');
    expect(me.memberships).toEqual([expect.objectContaining({ role: 'contributor', structureId: lyon })]);
    const user = await database.db.selectFrom('users').select('password_hash').where('email', '=', 'nouvelle.benevole@example.org').executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    // The new member reads the structure's private pages.
    expect((await client.request(`/api/structures/${lyon}/members`, { headers: { cookie } })).status).toBe(200);
    expect((await client.request(`/api/structures/${other69}/members`, { headers: { cookie } })).status).toBe(403);
    // Single use.
    const again = await send('POST', `/api/invitations/${token}/accept`, {}, { name: 'Quelqu’un', password: 'un autre mot de passe long' });
    expect(again.status).toBe(410);
    expect(await errorOf(again)).toMatchObject({ code: 'invitation_used' });
    expect((await errorOf(await client.request(`/api/invitations/${token}`))).code).toBe('invitation_used');
  });

  it('an existing account\'s password is guessed through the login limiter: 30 parallel wrong tries, 10 checks at most', async () => {
    expect((await invite(DEMO.federation69, 'board_member')).status).toBe(200);
    const token = await linkFor(DEMO.federation69);
    // From their own address (as @hono/node-server reports the socket), so the other tests' logins are not slowed.
    const tries = await Promise.all(Array.from({ length: 30 }, (_, i) => client.app.request(`/api/invitations/${token}/accept`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: `essai numéro ${i}` }) },
      { incoming: { socket: { remoteAddress: '203.0.113.99' } } } as never)));
    const statuses = tries.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
  });

  it('an existing account accepts with its password; signed in with another account is refused', async () => {
    expect((await invite(DEMO.caf69, 'board_member')).status).toBe(200);
    const token = await linkFor(DEMO.caf69);
    expect((await (await client.request(`/api/invitations/${token}`)).json()).account).toBe('existing');
    expect((await (await client.request(`/api/invitations/${token}`, { headers: h.caf69 })).json()).account).toBe('signed_in');
    const other = await send('POST', `/api/invitations/${token}/accept`, h.team, {});
    expect(other.status).toBe(403);
    expect((await errorOf(other)).code).toBe('invitation_wrong_account');
    expect((await send('POST', `/api/invitations/${token}/accept`, {}, {})).status).toBe(400);
    const wrong = await send('POST', `/api/invitations/${token}/accept`, {}, { password: 'pas-le-bon-mot-de-passe' });
    expect(wrong.status).toBe(401);
    const ok = await send('POST', `/api/invitations/${token}/accept`, {}, { password: TEST_PASSWORD });
    expect(ok.status).toBe(200);
    const id = (await database.db.selectFrom('users').select('id').where('email', '=', DEMO.caf69).executeTakeFirstOrThrow()).id;
    expect(await listUserMemberships(database.db, id)).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'board_member', structureId: lyon })]));
  });

  it('a signed-in invitee accepts without giving anything more', async () => {
    expect((await invite(DEMO.federation69)).status).toBe(200);
    const token = await linkFor(DEMO.federation69);
    const fed = await client.loginAs(DEMO.federation69);
    const res = await send('POST', `/api/invitations/${token}/accept`, fed, {});
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('expired, revoked and unknown links answer a clear French error with a stable code', async () => {
    const actor = { userId: (await database.db.selectFrom('users').select('id').where('email', '=', DEMO.director).executeTakeFirstOrThrow()).id, name: 'Direction', memberships: [{ role: 'director' as const, structureId: lyon }] };
    const late = await inviteMember({ db: database.db, actor, structureId: lyon, email: 'en-retard@example.org', role: 'contributor', appUrl: 'http://x', now: new Date(Date.now() - 8 * 864e5) });
    const expired = await send('POST', `/api/invitations/${late.link!.split('/').pop()}/accept`, {}, { name: 'Tard', password: 'un mot de passe assez long' });
    expect(expired.status).toBe(410);
    expect(await errorOf(expired)).toMatchObject({ code: 'invitation_expired', message: expect.stringMatching(/a expiré/) });

    expect((await invite('revoquee@example.org')).status).toBe(200);
    const revokedToken = await linkFor('revoquee@example.org');
    const list = await (await client.request(`/api/structures/${lyon}/invitations`, { headers: h.director })).json();
    const pending = list.items.find((i: { email: string }) => i.email === 'revoquee@example.org');
    expect(pending.state).toBe('pending');
    expect(list.items.find((i: { email: string }) => i.email === 'en-retard@example.org').state).toBe('expired');
    expect(list.items.find((i: { email: string }) => i.email === 'nouvelle.benevole@example.org')).toMatchObject({ state: 'accepted', acceptedByName: 'Awa Diallo' });
    expect(JSON.stringify(list)).not.toMatch(/token/);
    expect((await send('POST', `/api/structures/${lyon}/invitations/${pending.id}/revoke`, h.team, {})).status).toBe(403);
    expect((await send('POST', `/api/structures/${other69}/invitations/${pending.id}/revoke`, h.national, {})).status).toBe(404);
    expect((await send('POST', `/api/structures/${lyon}/invitations/${pending.id}/revoke`, h.director, {})).status).toBe(200);
    expect((await send('POST', `/api/structures/${lyon}/invitations/${pending.id}/revoke`, h.director, {})).status).toBe(409);
    const revoked = await client.request(`/api/invitations/${revokedToken}`);
    expect(revoked.status).toBe(410);
    expect((await errorOf(revoked)).code).toBe('invitation_revoked');

    const unknown = await client.request('/api/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toMatchObject({ code: 'invitation_unknown', message: expect.stringMatching(/n’existe pas/) });
  });
});

describe('who may not invite', () => {
  it('only the structure’s director and the national administration invite; the team, the board and the territory may not', async () => {
    const before = await database.db.selectFrom('invitations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect((await invite('x1@example.org', 'contributor', {})).status).toBe(401);
    expect((await invite('x2@example.org', 'contributor', h.team)).status).toBe(403);
    expect((await invite('x3@example.org', 'contributor', h.board)).status).toBe(403);
    expect((await invite('x4@example.org', 'contributor', h.caf69)).status).toBe(403);
    expect((await invite('x5@example.org', 'contributor', h.director, other69)).status).toBe(404);
    expect((await client.request(`/api/structures/${lyon}/invitations`, { headers: h.team })).status).toBe(403);
    expect((await client.request(`/api/structures/${lyon}/invitations`, { headers: h.caf69 })).status).toBe(403);
    // Someone already in the team is not invited again.
    const member = await invite(DEMO.team);
    expect(member.status).toBe(409);
    expect((await errorOf(member)).message).toMatch(/fait déjà partie/);
    // Nobody becomes director by invitation.
    expect((await invite('x6@example.org', 'director')).status).toBe(400);
    const after = await database.db.selectFrom('invitations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await invite('x7@example.org', 'board_member', h.national, other69)).status).toBe(200);
  });

  it('invitations are rate-limited per structure', async () => {
    process.env.INVITATION_DAILY_LIMIT = '2';
    try {
      // The national invitation above already counts for other69.
      expect((await invite('y1@example.org', 'contributor', h.national, other69)).status).toBe(200);
      const third = await invite('y2@example.org', 'contributor', h.national, other69);
      expect(third.status).toBe(429);
      expect((await errorOf(third)).message).toMatch(/Trop d’invitations/);
    } finally {
      delete process.env.INVITATION_DAILY_LIMIT;
    }
  });
});
