import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database$ } from '../../db/connection';
import { openTestDatabase } from '../../testing/testDb';
import { defaultRetention } from '../../domain/privacy/retention';
import { applyRetention } from './applyRetention';

let database: Database$;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database.close());

const DAY = 86_400_000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const ahead = (days: number) => new Date(now.getTime() + days * DAY);

/** Row counts of the tables retention must never touch. */
async function untouched() {
  const db = database.db;
  const n = async (t: 'answers' | 'answer_revisions' | 'answer_comments' | 'users' | 'memberships' | 'responses' | 'structures' | 'query_messages') =>
    Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { answers: await n('answers'), revisions: await n('answer_revisions'), comments: await n('answer_comments'), users: await n('users'),
    memberships: await n('memberships'), responses: await n('responses'), structures: await n('structures'), messages: await n('query_messages') };
}

it('removes expired sessions, spent tokens, old mail bodies and login counters, pseudonymises old audit events, and leaves everything else', async () => {
  const db = database.db;
  const user = await db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow();
  const structure = await db.selectFrom('structures').select('id').orderBy('id').executeTakeFirstOrThrow();
  await db.insertInto('sessions').values([
    { id: 'ret-expired', user_id: user.id, csrf_token: 'x', expires_at: ago(0.01) },
    { id: 'ret-live', user_id: user.id, csrf_token: 'x', expires_at: ahead(1) },
  ]).execute();
  const invitation = (tag: string, v: { accepted_at?: Date; revoked_at?: Date; expires_at: Date }) => ({
    structure_id: structure.id, email: `${tag}@retention.test`, role: 'contributor' as const, token_hash: `ret-${tag}`, invited_by: user.id, accepted_at: null, revoked_at: null, ...v,
  });
  const inv = await db.insertInto('invitations').values([
    invitation('accepted-old', { accepted_at: ago(40), expires_at: ago(35) }),
    invitation('accepted-recent', { accepted_at: ago(10), expires_at: ahead(4) }),
    invitation('revoked-old', { revoked_at: ago(31), expires_at: ahead(3) }),
    invitation('expired-old', { expires_at: ago(31) }),
    invitation('expired-recent', { expires_at: ago(2) }),
    invitation('pending', { expires_at: ahead(7) }),
  ]).returning(['id', 'email']).execute();
  const invId = (tag: string) => inv.find((i) => i.email.startsWith(`${tag}@`))!.id;
  const resets = await db.insertInto('password_resets').values([
    { user_id: user.id, token_hash: 'ret-used-old', expires_at: ago(39), used_at: ago(40) },
    { user_id: user.id, token_hash: 'ret-expired-old', expires_at: ago(31) },
    { user_id: user.id, token_hash: 'ret-used-recent', expires_at: ago(1), used_at: ago(1.01) },
    { user_id: user.id, token_hash: 'ret-live', expires_at: ahead(0.02) },
  ]).returning(['id', 'token_hash']).execute();
  const mail = (tag: string, v: Record<string, unknown>) => ({ to_email: `${tag}@mail.test`, subject: `Objet ${tag}`, body: `Bonjour ${tag}`, structure_id: structure.id, ...v });
  await db.insertInto('outbox').values([
    mail('sent-old', { state: 'sent', sent_at: ago(91), created_at: ago(91) }),
    mail('failed-old', { state: 'failed', created_at: ago(100), last_error: '550 failed-old@mail.test inconnu' }),
    mail('sent-recent', { state: 'sent', sent_at: ago(89), created_at: ago(100) }),
    mail('pending-old', { state: 'pending', created_at: ago(100) }),
    mail('invitation-old', { state: 'sent', sent_at: ago(5), created_at: ago(41), invitation_id: invId('accepted-old') }),
  ]).execute();
  await sql`insert into login_limits (key, points, expire) values ('ret:old', 3, ${now.getTime() - 1000}), ('ret:live', 3, ${now.getTime() + 60_000}), ('ret:forever', 1, null)`.execute(db);
  const audit = await db.insertInto('audit_events').values([
    { at: ago(366), actor_id: user.id, action: 'invitation.create', entity: 'structure', entity_id: String(structure.id), data: JSON.stringify({ invitation: 1, email: 'old-invitee@audit.test', note: 'envoyée à old-invitee@audit.test', name: 'Camille Ancienne', role: 'contributor' }) },
    { at: ago(364), actor_id: user.id, action: 'invitation.create', entity: 'structure', entity_id: String(structure.id), data: JSON.stringify({ invitation: 2, email: 'recent-invitee@audit.test' }) },
  ]).returning('id').execute();
  const file = new Uint8Array([1, 2, 3]);
  const jobs = await db.insertInto('jobs').values([
    { kind: 'ret.failed-old', payload: '{}', state: 'failed', finished_at: ago(31), created_at: ago(31), input: file },
    { kind: 'ret.failed-recent', payload: '{}', state: 'failed', finished_at: ago(29), created_at: ago(31), input: file },
    { kind: 'ret.pending-old', payload: '{}', state: 'pending', created_at: ago(40), input: file },
  ]).returning('id').execute();
  const before = await untouched();

  const report = await applyRetention({ db, policy: defaultRetention, now });

  const sessions = await db.selectFrom('sessions').select('id').where('id', 'like', 'ret-%').orderBy('id').execute();
  expect(sessions.map((s) => s.id)).toEqual(['ret-live']);
  const invitationsLeft = await db.selectFrom('invitations').select('email').where('token_hash', 'like', 'ret-%').orderBy('email').execute();
  expect(invitationsLeft.map((i) => i.email.split('@')[0])).toEqual(['accepted-recent', 'expired-recent', 'pending']);
  const resetsLeft = await db.selectFrom('password_resets').select('token_hash').where('id', 'in', resets.map((r) => r.id)).orderBy('token_hash').execute();
  expect(resetsLeft.map((r) => r.token_hash)).toEqual(['ret-live', 'ret-used-recent']);
  const mails = await db.selectFrom('outbox').select(['subject', 'to_email', 'body', 'last_error', 'invitation_id']).where('subject', 'like', 'Objet %').orderBy('subject').execute();
  expect(mails).toEqual([
    { subject: 'Objet failed-old', to_email: '', body: '', last_error: null, invitation_id: null },
    // The mail of a deleted invitation stays for the outbox's own period, unlinked.
    { subject: 'Objet invitation-old', to_email: 'invitation-old@mail.test', body: 'Bonjour invitation-old', last_error: null, invitation_id: null },
    { subject: 'Objet pending-old', to_email: 'pending-old@mail.test', body: 'Bonjour pending-old', last_error: null, invitation_id: null },
    { subject: 'Objet sent-old', to_email: '', body: '', last_error: null, invitation_id: null },
    { subject: 'Objet sent-recent', to_email: 'sent-recent@mail.test', body: 'Bonjour sent-recent', last_error: null, invitation_id: null },
  ]);
  const counters = await sql<{ key: string }>`select key from login_limits where key like 'ret:%' order by key`.execute(db);
  expect(counters.rows.map((r) => r.key)).toEqual(['ret:forever', 'ret:live']);
  const events = await db.selectFrom('audit_events').select(['id', 'actor_id', 'action', 'data']).where('id', 'in', audit.map((a) => a.id)).orderBy('id').execute();
  expect(events[0]).toEqual({ id: audit[0].id, actor_id: null, action: 'invitation.create', data: { invitation: 1, note: 'envoyée à adresse retirée', role: 'contributor', pseudonymised: true } });
  expect(events[1]).toEqual({ id: audit[1].id, actor_id: user.id, action: 'invitation.create', data: { invitation: 2, email: 'recent-invitee@audit.test' } });
  // A job given up over the tokens' period loses its file (not its row); a recent one, or one still to run, keeps it.
  const jobFiles = await db.selectFrom('jobs').select(['kind', 'state', (eb) => eb('input', 'is not', null).as('kept')]).where('id', 'in', jobs.map((j) => j.id)).orderBy('kind').execute();
  expect(jobFiles).toEqual([
    { kind: 'ret.failed-old', state: 'failed', kept: false }, { kind: 'ret.failed-recent', state: 'failed', kept: true }, { kind: 'ret.pending-old', state: 'pending', kept: true },
  ]);
  expect(await untouched()).toEqual(before);
  expect(report).toMatchObject({ sessions: expect.any(Number), invitations: 3, passwordResets: 2, mails: 2, auditEvents: expect.any(Number), jobFiles: 1 });
  expect(report.sessions).toBeGreaterThanOrEqual(1);
  expect(report.auditEvents).toBeGreaterThanOrEqual(1);

  // A second run finds nothing more to do; the trails still refuse deletes and ordinary updates.
  expect(await applyRetention({ db, policy: defaultRetention, now })).toEqual({ sessions: 0, invitations: 0, passwordResets: 0, mails: 0, loginCounters: 0, auditEvents: 0, jobFiles: 0 });
  await expect(sql`delete from audit_events where id = ${audit[0].id}`.execute(db)).rejects.toThrow(/append-only/);
  await expect(sql`update audit_events set action = 'x' where id = ${audit[1].id}`.execute(db)).rejects.toThrow(/append-only/);
  await db.deleteFrom('jobs').where('id', 'in', jobs.map((j) => j.id)).execute();
});
