import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Database$ } from '../../db/connection';
import * as m011 from '../../db/migrations/011_secrets';
import { openTestDatabase } from '../../testing/testDb';
import { DEMO, testClient } from '../../testing/http';
import { INVITATION_TOKEN_SLOT, invitationTokenHash } from '../../domain/secretLinks';
import { backupDatabase } from './backup';
import { prepareMailForSending } from './prepareMailForSending';

/**
 * Issue 13, invitation takeover: whatever a correspondent reads in the outbox, and whatever a backup file
 * holds, opens no invitation and no session; the link actually mailed still works.
 */

let database: Database$;
let client: ReturnType<typeof testClient>;
let lyon: number;
let dir: string;
const h: Record<string, Record<string, string>> = {};

const send = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
  client.request(path, { method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const invite = (email: string) => send('POST', `/api/structures/${lyon}/invitations`, h.director, { email, role: 'contributor' });

/** What the mail server receives for the newest mail to `to`: the body as the sender writes it at the moment of sending. */
async function mailedLink(to: string): Promise<string> {
  const mail = await database.db.selectFrom('outbox').select(['id', 'to_email', 'subject', 'body', 'invitation_id'])
    .where('to_email', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const body = await prepareMailForSending(database.db, mail);
  const m = body && /\/invitation\/([A-Za-z0-9_-]+)/.exec(body);
  if (!m) throw new Error(`no link in ${body}`);
  return m[1];
}

/** Every string shaped like a token in a text: after /invitation/, or any long base64url run (hashes, ids). */
function candidates(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\/invitation\/([^\s"\\]+)/g)) found.add(m[1]);
  for (const m of text.matchAll(/[A-Za-z0-9_-]{32,100}/g)) found.add(m[0]);
  return [...found];
}

/** Tries a string as an invitation link (read and accept) and as a session cookie; returns what it opened. */
async function opens(s: string): Promise<string[]> {
  const path = `/api/invitations/${encodeURIComponent(s)}`;
  const opened: string[] = [];
  if ((await client.request(path)).status === 200) opened.push(`invitation ${s}`);
  const accept = await send('POST', `${path}/accept`, {}, { name: 'Intrus', password: 'un mot de passe assez long' });
  if (accept.status < 300) opened.push(`acceptance ${s}`);
  if (/^[A-Za-z0-9_-]+$/.test(s)) {
    const me = await client.request('/api/me', { headers: { cookie: `senacs_session=${s}` } });
    if (me.status === 200 && ((await me.json()) as { user?: unknown }).user) opened.push(`session ${s}`);
  }
  return opened;
}

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  lyon = (await database.db.selectFrom('structures').select('id').where('name', '=', 'Centre social de la Croix-Rousse').executeTakeFirstOrThrow()).id;
  for (const k of ['director', 'caf69', 'regionAra', 'national'] as const) h[k] = await client.loginAs(DEMO[k]);
  dir = await mkdtemp(join(tmpdir(), 'senacs-secrets-'));
});
afterAll(async () => {
  await database?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('no usable link at rest', () => {
  it('the outbox, as a correspondent, the region and the nation read it, shows who, when, subject and state, but no usable link', async () => {
    expect((await invite('lue.par.la.caf@example.org')).status).toBe(200);
    for (const who of ['caf69', 'regionAra', 'national'] as const) {
      const territory = who === 'caf69' ? 'level=departement&code=69' : who === 'regionAra' ? 'level=region&code=84' : 'level=nation';
      const res = await client.request(`/api/outbox?${territory}&pageSize=200`, { headers: h[who] });
      expect(res.status).toBe(200);
      const text = await res.text();
      const mail = (JSON.parse(text) as { items: { toEmail: string; subject: string; body: string; createdAt: string; sentAt: string | null }[] })
        .items.find((m) => m.toEmail === 'lue.par.la.caf@example.org');
      expect(mail).toMatchObject({ subject: expect.stringMatching(/invitation à rejoindre/), createdAt: expect.any(String), sentAt: null });
      expect(mail!.body).toContain(`/invitation/${INVITATION_TOKEN_SLOT}`);
      const opened = (await Promise.all(candidates(text).map(opens))).flat();
      expect(opened, `${who} opened something from the outbox`).toEqual([]);
    }
    // The link the mail server receives works: the invitee joins.
    const token = await mailedLink('lue.par.la.caf@example.org');
    const accepted = await send('POST', `/api/invitations/${token}/accept`, {}, { name: 'Invitée', password: 'un mot de passe assez long' });
    expect(accepted.status).toBe(200);
  });

  it('without a mail server the inviter gets the link once; the mail, when it leaves, carries a new one and the first dies', async () => {
    const res = await invite('sans.smtp@example.org');
    const { link } = (await res.json()) as { link: string };
    const first = /\/invitation\/([A-Za-z0-9_-]{43})$/.exec(link)![1];
    expect((await client.request(`/api/invitations/${first}`)).status).toBe(200);
    const stored = await database.db.selectFrom('outbox').select('body').where('to_email', '=', 'sans.smtp@example.org').executeTakeFirstOrThrow();
    expect(stored.body).not.toContain(first);
    const mailed = await mailedLink('sans.smtp@example.org');
    expect(mailed).not.toBe(first);
    expect((await client.request(`/api/invitations/${first}`)).status).toBe(404);
    expect((await client.request(`/api/invitations/${mailed}`)).status).toBe(200);
  });

  it('a revoked or used invitation’s mail does not leave', async () => {
    expect((await invite('revoquee.avant.envoi@example.org')).status).toBe(200);
    const inv = await database.db.selectFrom('invitations').select('id').where('email', '=', 'revoquee.avant.envoi@example.org').executeTakeFirstOrThrow();
    expect((await send('POST', `/api/structures/${lyon}/invitations/${inv.id}/revoke`, h.director, {})).status).toBe(200);
    const mail = await database.db.selectFrom('outbox').select(['id', 'to_email', 'subject', 'body', 'invitation_id'])
      .where('to_email', '=', 'revoquee.avant.envoi@example.org').executeTakeFirstOrThrow();
    expect(await prepareMailForSending(database.db, mail)).toBeUndefined();
  });

  it('a backup file holds no string that opens an invitation or a session; the mailed link still works after', async () => {
    expect((await invite('sauvegardee@example.org')).status).toBe(200);
    const file = join(dir, 'b.gz');
    await backupDatabase(database.db, file);
    const text = gunzipSync(await readFile(file)).toString('utf8');
    expect(text).toContain('sauvegardee@example.org');
    const all = candidates(text);
    expect(all.length).toBeGreaterThan(10);
    const opened: string[] = [];
    for (let i = 0; i < all.length; i += 20) opened.push(...(await Promise.all(all.slice(i, i + 20).map(opens))).flat());
    expect(opened).toEqual([]);
    const token = await mailedLink('sauvegardee@example.org');
    expect((await client.request(`/api/invitations/${token}`)).status).toBe(200);
    // Nor any session's CSRF token: derived from the cookie, it is not stored.
    for (const who of Object.values(h)) if (who['x-csrf-token']) expect(text).not.toContain(who['x-csrf-token']);
    expect(Object.values(h).filter((who) => who['x-csrf-token']).length).toBeGreaterThan(0);
  });
});

describe('migration 011 on existing rows', () => {
  it('redacts stored links, kills pending links that sat in the outbox, ties each mail to its invitation and queues it again', async () => {
    const db = database.db;
    await m011.down(db);
    try {
      const director = (await db.selectFrom('users').select('id').where('email', '=', DEMO.director).executeTakeFirstOrThrow()).id;
      const make = async (email: string, accepted: boolean) => {
        const token = randomBytes(32).toString('base64url');
        const inv = await db.insertInto('invitations').values({
          structure_id: lyon, email, role: 'contributor', token_hash: invitationTokenHash(token), invited_by: director,
          expires_at: new Date(Date.now() + 864e5), accepted_at: accepted ? new Date() : null,
        }).returning('id').executeTakeFirstOrThrow();
        // The old way: the live link in the stored body, and the mail already sent.
        await db.insertInto('outbox').values({ to_email: email, structure_id: lyon, subject: 'Observatoire Senacs : invitation', body: `Bonjour,\nhttp://x/invitation/${token}\n`, sent_at: new Date() } as never).execute();
        return { token, id: inv.id };
      };
      const pending = await make('ancienne.pendante@example.org', false);
      const used = await make('ancienne.utilisee@example.org', true);
      expect((await client.request(`/api/invitations/${pending.token}`)).status).toBe(200);
      await m011.up(db);
      const rows = await db.selectFrom('outbox').select(['body', 'invitation_id', 'sent_at', 'to_email'])
        .where('to_email', 'in', ['ancienne.pendante@example.org', 'ancienne.utilisee@example.org']).orderBy('to_email').execute();
      for (const r of rows) expect(r.body).toBe(`Bonjour,\nhttp://x/invitation/${INVITATION_TOKEN_SLOT}\n`);
      expect(rows.map((r) => r.invitation_id)).toEqual([pending.id, used.id]);
      expect(rows[0].sent_at).toBeNull();
      expect(rows[1].sent_at).not.toBeNull();
      expect((await client.request(`/api/invitations/${pending.token}`)).status).toBe(404);
      const again = await mailedLink('ancienne.pendante@example.org');
      expect((await client.request(`/api/invitations/${again}`)).status).toBe(200);
    } finally {
      // Whatever happened, leave the schema migrated for the other tests of this file.
      const cols = await db.introspection.getTables();
      if (!cols.find((t) => t.name === 'outbox')?.columns.some((c) => c.name === 'invitation_id')) await m011.up(db);
    }
  });
});
