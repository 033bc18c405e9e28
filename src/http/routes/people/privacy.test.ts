import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { DEMO_CENTRE } from '../../../domain/demo/structures';

let database: Database$;
let client: ReturnType<typeof testClient>;
let centreId: number;
let responseId: number;
const h: Record<string, Record<string, string>> = {};

const json = (method: string, headers: Record<string, string>, body?: unknown): RequestInit =>
  ({ method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const userOf = (email: string) => database.db.selectFrom('users').select(['id', 'name', 'email']).where('email', '=', email).executeTakeFirstOrThrow();

/** Where a text occurs in the database: every text, varchar, json and jsonb column of every table, answers included. */
async function occurrences(needle: string): Promise<string[]> {
  const cols = await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and data_type in ('text', 'character varying', 'json', 'jsonb') and table_name not like 'kysely_%'`.execute(database.db);
  const found: string[] = [];
  for (const c of cols.rows) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(c.table_name)} where position(${needle} in ${sql.ref(c.column_name)}::text) > 0`.execute(database.db);
    if (r.rows[0].n > 0) found.push(`${c.table_name}.${c.column_name} (${r.rows[0].n})`);
  }
  return found;
}

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  centreId = (await database.db.selectFrom('structures').select('id').where('name', '=', DEMO_CENTRE.name).executeTakeFirstOrThrow()).id;
  for (const k of ['national', 'caf69', 'director', 'team', 'board'] as const) h[k] = await client.loginAs(DEMO[k]);
  const res = await client.request(`/api/structures/${centreId}/campaigns/2025/response`, json('POST', h.team));
  responseId = (await res.json()).responseId;
  // The team member writes: two versions of an answer and a comment.
  const answer = async (value: unknown) => {
    const cur = (await (await client.request(`/api/responses/${responseId}`, { headers: h.team })).json()).answers.find((a: { code: string }) => a.code === 'participation.benevoles');
    expect((await client.request(`/api/responses/${responseId}/answers/participation.benevoles`, json('PUT', h.team, { value, baseVersion: cur?.version ?? 0 }))).status).toBe(200);
  };
  await answer(41);
  await answer(42);
  expect((await client.request(`/api/responses/${responseId}/comments`, json('POST', h.team, { code: 'participation.benevoles', body: 'Chiffre relevé sur le registre des bénévoles.' }))).status).toBe(200);
});
afterAll(() => database.close());

describe('GET /api/account/data', () => {
  it('gives the signed-in person their profile, roles and what they wrote, as JSON and as CSV', async () => {
    const me = await userOf(DEMO.team);
    const res = await client.request('/api/account/data', { headers: h.team });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="mes-donnees-senacs-\d{4}-\d\d-\d\d\.json"/);
    const { sections: s } = await res.json();
    expect(s.profil).toEqual([expect.objectContaining({ identifiant: me.id, nom: me.name, courriel: DEMO.team })]);
    expect(s.roles).toEqual([expect.objectContaining({ role: 'contributor', structure_id: centreId, structure: DEMO_CENTRE.name })]);
    expect(s.reponses).toContainEqual(expect.objectContaining({ reponse_id: responseId, question: 'participation.benevoles', valeur: 42, campagne: 2025 }));
    expect(s.versions.filter((v: { question: string }) => v.question === 'participation.benevoles').map((v: { valeur: unknown }) => v.valeur)).toEqual([41, 42]);
    expect(s.commentaires).toEqual([expect.objectContaining({ texte: 'Chiffre relevé sur le registre des bénévoles.' })]);
    expect(s.sessions.length).toBeGreaterThanOrEqual(1);
    // Nothing of anyone else: the director's address appears nowhere in the team member's file.
    expect(JSON.stringify(s)).not.toContain(DEMO.director);

    const csv = await client.request('/api/account/data?format=csv', { headers: h.team });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('section;élément;champ;valeur');
    expect(text).toContain(`profil;1;courriel;${DEMO.team}`);
    expect(text).toContain('commentaires;1;texte;Chiffre relevé sur le registre des bénévoles.');
  });

  it('refuses a visitor and an unknown format', async () => {
    expect((await client.request('/api/account/data')).status).toBe(401);
    const bad = await client.request('/api/account/data?format=xml', { headers: h.team });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('validation_failed');
  });
});

describe('responses export (minimisation)', () => {
  it('names no person: a correspondent’s export of the département carries neither the authors’ names nor their addresses', async () => {
    const team = await userOf(DEMO.team);
    const res = await client.request('/api/exports/campaigns/2025/responses?level=departement&code=69&format=csv', { headers: h.caf69 });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.length).toBeGreaterThan(100);
    expect(text).not.toContain(team.name);
    expect(text).not.toMatch(/[A-Za-z0-9._%+-]+@demo\.senacs\.test/);
  });
});

describe('POST /api/people/:id/removal: who may', () => {
  it('refuses the team, a director outside their team, oneself, and changes nothing', async () => {
    const [caf, director, board] = await Promise.all([userOf(DEMO.caf69), userOf(DEMO.director), userOf(DEMO.board)]);
    const refused = async (who: string, id: number, status: number) => {
      const r = await client.request(`/api/people/${id}/removal`, json('POST', h[who]));
      expect(r.status, `${who} → ${id}`).toBe(status);
    };
    await refused('team', board.id, 403);
    await refused('director', caf.id, 403);
    await refused('caf69', board.id, 403);
    await refused('director', director.id, 400);
    await refused('national', 999_999, 404);
    expect((await client.request(`/api/people/${board.id}/removal`, { method: 'POST' })).status).toBe(401);
    expect((await userOf(DEMO.board)).name).toBe(board.name);
  });
});

describe('POST /api/structures/:id/direction', () => {
  it('hands the structure to a member of its team; the departing director stays as contributor', async () => {
    const [director, board, caf] = await Promise.all([userOf(DEMO.director), userOf(DEMO.board), userOf(DEMO.caf69)]);
    const role = async (id: number) => (await database.db.selectFrom('memberships').select('role').where('user_id', '=', id).where('structure_id', '=', centreId).executeTakeFirst())?.role;
    expect((await client.request(`/api/structures/${centreId}/direction`, json('POST', h.team, { successorId: board.id }))).status).toBe(403);
    const outsider = await client.request(`/api/structures/${centreId}/direction`, json('POST', h.director, { successorId: caf.id }));
    expect(outsider.status).toBe(400);
    expect((await outsider.json()).error.message).toMatch(/faire partie de l’équipe/);
    const ok = await client.request(`/api/structures/${centreId}/direction`, json('POST', h.director, { successorId: board.id }));
    expect(ok.status).toBe(200);
    expect(await role(board.id)).toBe('director');
    expect(await role(director.id)).toBe('contributor');
    // The national administration hands it back.
    expect((await client.request(`/api/structures/${centreId}/direction`, json('POST', h.national, { successorId: director.id }))).status).toBe(200);
    expect(await role(director.id)).toBe('director');
    expect(await role(board.id)).toBe('contributor');
  });
});

describe('removing a person', () => {
  it('leaves their name and e-mail nowhere in the database, while every answer they wrote stays with its history', async () => {
    const person = await userOf(DEMO.team);
    const db = database.db;
    // Traces of the person beyond what they wrote: an invitation and a mail to their address, an audit event quoting it,
    // a message of the correspondent naming them, a failed login counted on their address.
    const director = await userOf(DEMO.director);
    await db.insertInto('invitations').values({ structure_id: centreId, email: person.email, role: 'contributor', token_hash: 'removal-test', invited_by: director.id, expires_at: new Date(Date.now() + 86_400_000) }).execute();
    await db.insertInto('outbox').values({ to_email: person.email, subject: 'Invitation', body: `Bonjour ${person.name}, rejoignez l’équipe.`, structure_id: centreId, state: 'sent', sent_at: new Date() }).execute();
    await db.insertInto('audit_events').values({ actor_id: director.id, action: 'invitation.create', entity: 'structure', entity_id: String(centreId), data: JSON.stringify({ email: person.email, note: `pour ${person.name}` }) }).execute();
    await db.insertInto('answer_comments').values({ response_id: responseId, code: 'participation.benevoles', author_id: director.id, body: `Vu avec ${person.name} (${person.email}).` }).execute();
    await client.request('/api/auth/login', json('POST', {}, { email: person.email, password: 'pas le bon mot de passe' }));
    expect(await occurrences(person.email)).not.toEqual([]);
    const answersBefore = await db.selectFrom('answers').select(['response_id', 'code', 'value', 'version']).where('author_id', '=', person.id).orderBy('code').execute();
    const revisionsBefore = await db.selectFrom('answer_revisions').select(['id', 'code', 'value', 'previous', 'version', 'author_id']).where('response_id', '=', responseId).orderBy('id').execute();
    const commentsBefore = await db.selectFrom('answer_comments').select(['id', 'author_id']).where('response_id', '=', responseId).orderBy('id').execute();
    expect(answersBefore.length).toBeGreaterThan(0);

    // The director removes a member of the team.
    const res = await client.request(`/api/people/${person.id}/removal`, json('POST', h.director));
    expect(res.status).toBe(200);
    const { pseudonym } = await res.json();
    expect(pseudonym).toMatch(/^Personne retirée [0-9a-f]{8}$/);

    expect(await occurrences(person.email)).toEqual([]);
    expect(await occurrences(person.name)).toEqual([]);
    expect(await db.selectFrom('answers').select(['response_id', 'code', 'value', 'version']).where('author_id', '=', person.id).orderBy('code').execute()).toEqual(answersBefore);
    expect(await db.selectFrom('answer_revisions').select(['id', 'code', 'value', 'previous', 'version', 'author_id']).where('response_id', '=', responseId).orderBy('id').execute()).toEqual(revisionsBefore);
    expect(await db.selectFrom('answer_comments').select(['id', 'author_id']).where('response_id', '=', responseId).orderBy('id').execute()).toEqual(commentsBefore);
    // The history shows the pseudonym as author; the account is closed and its session ended.
    const history = await (await client.request(`/api/responses/${responseId}/answers/participation.benevoles/history`, { headers: h.director })).text();
    expect(history).toContain(pseudonym);
    expect((await (await client.request('/api/me', { headers: h.team })).json()).user).toBeNull();
    expect(await db.selectFrom('memberships').select('id').where('user_id', '=', person.id).execute()).toEqual([]);
    expect((await client.request('/api/auth/login', json('POST', {}, { email: person.email, password: 'x' }))).status).toBe(401);
    expect((await client.request(`/api/people/${person.id}/removal`, json('POST', h.national))).status).toBe(409);
  });
});
