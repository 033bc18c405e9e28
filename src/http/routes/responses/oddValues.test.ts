import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { DEMO_CENTRE } from '../../../domain/demo/structures';

/**
 * Issue 13, bad input on answers: a lone UTF-16 surrogate is a 400 with a French message and a stable code
 * (it was a 500 from the database), and an empty string given to a number, choice, date or yes/no question
 * is stored as no answer (null), never as ''.
 */

let database: Database$;
let client: ReturnType<typeof testClient>;
let team: Record<string, string>;
let responseId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  team = await client.loginAs(DEMO.team);
  const centre = await database.db.selectFrom('structures').select('id').where('name', '=', DEMO_CENTRE.name).executeTakeFirstOrThrow();
  const res = await client.request(`/api/structures/${centre.id}/campaigns/2025/response`, { method: 'POST', headers: { 'content-type': 'application/json', ...team } });
  responseId = (await res.json()).responseId;
});
afterAll(() => database.close());

const versionOf = async (code: string) => {
  const r = await (await client.request(`/api/responses/${responseId}`, { headers: team })).json() as { answers: { code: string; version: number; value: unknown }[] };
  return r.answers.find((a) => a.code === code);
};
/** PUT with the JSON text as given (so "\ud800" reaches the server as JSON's own escape). */
const putRaw = (code: string, json: string) =>
  client.request(`/api/responses/${responseId}/answers/${code}`, { method: 'PUT', headers: { 'content-type': 'application/json', ...team }, body: json });

describe('odd answer values', () => {
  it('a lone surrogate in a free-text answer, a comment or a login is a 400 in French with code validation_failed, and nothing is stored', async () => {
    const before = await versionOf('projet.axe.1');
    for (const text of ['\\ud800', 'avant \\udfff après', 'a\\ud800\\ud800b']) {
      const res = await putRaw('projet.axe.1', `{"value":"${text}","baseVersion":${(await versionOf('projet.axe.1'))?.version ?? 0}}`);
      expect(res.status, text).toBe(400);
      const { error } = await res.json();
      expect(error).toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/texte mal formé/) });
    }
    expect(await versionOf('projet.axe.1')).toEqual(before);
    const comment = await client.request(`/api/responses/${responseId}/comments`, { method: 'POST', headers: { 'content-type': 'application/json', ...team }, body: '{"code":"projet.axe.1","body":"\\ud800"}' });
    expect(comment.status).toBe(400);
    const login = await client.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"\\ud800@x.fr","password":"\\udc00"}' });
    expect(login.status).toBe(400);
    expect((await login.json()).error.code).toBe('validation_failed');
    // A well-formed pair (an emoji) is text like any other.
    const emoji = await putRaw('projet.axe.1', `{"value":"Jardin partagé \\ud83c\\udf31","baseVersion":${before?.version ?? 0}}`);
    expect(emoji.status).toBe(200);
    expect((await versionOf('projet.axe.1'))?.value).toBe('Jardin partagé 🌱');
  });

  it('an empty string for a number, choice, date or yes/no question is stored as no answer', async () => {
    for (const code of ['participation.benevoles', 'identite.gestion', 'identite.date_premier_agrement', 'identite.federation', 'rh.etp.animation', 'finances.produits']) {
      const before = await versionOf(code);
      const res = await putRaw(code, JSON.stringify({ value: '', baseVersion: before?.version ?? 0 }));
      expect(res.status, code).toBe(200);
      expect((await res.json()).value, code).toBeNull();
      const stored = await database.db.selectFrom('answers').select('value').where('response_id', '=', responseId).where('code', '=', code).executeTakeFirstOrThrow();
      expect(stored.value, code).toBeNull();
    }
    // Free text keeps what was typed.
    const axe = await versionOf('projet.axe.2');
    const res = await putRaw('projet.axe.2', JSON.stringify({ value: '', baseVersion: axe?.version ?? 0 }));
    expect((await res.json()).value).toBe('');
  });
});
