import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';

let database: Database$;
let client: ReturnType<typeof testClient>;
const json = (h: Record<string, string>, body: unknown) => ({ method: 'POST', headers: { ...h, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const tokenOf = (link: string) => link.split('/').pop()!;

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
});
afterAll(async () => { await database.close(); });

describe('people', () => {
  it('nobody grants wider than their own; an invited correspondent joins with the scope, is suspended then reactivated, all audited', async () => {
    const caf = await client.loginAs(DEMO.caf69);
    const wider = await client.request('/api/people/invitations', json(caf, { email: 'x@caf.fr', role: 'correspondent', organisation: 'caf', departements: ['69', '01'] }));
    expect(wider.status).toBe(403);
    expect((await client.request('/api/people/invitations', json(caf, { email: 'x@caf.fr', role: 'correspondent', organisation: 'federation', departements: ['69'] }))).status).toBe(403);
    expect((await client.request('/api/people/invitations', json(caf, { email: 'x@caf.fr', role: 'regional_coordinator', organisation: 'caf', regionCode: '84' }))).status).toBe(403);

    const national = await client.loginAs(DEMO.national);
    const inv = await client.request('/api/people/invitations', json(national, { email: 'Nouvelle.Correspondante@caf01.fr', role: 'correspondent', organisation: 'caf', departements: ['01', '38'] }));
    expect(inv.status).toBe(201);
    const { link } = await inv.json();
    const stored = await database.db.selectFrom('invitations').select(['token_hash']).where('email', '=', 'nouvelle.correspondante@caf01.fr').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(tokenOf(link));
    const accepted = await client.request(`/api/invitations/${tokenOf(link)}/accept`, json({}, { name: 'Nouvelle Correspondante', password: 'un mot de passe assez long et rare' }));
    expect(accepted.status).toBe(200);
    expect((await client.request(`/api/invitations/${tokenOf(link)}/accept`, json({}, { name: 'N', password: 'un mot de passe assez long et rare' }))).status).toBe(410);
    const user = await database.db.selectFrom('users').select('id').where('email', '=', 'nouvelle.correspondante@caf01.fr').executeTakeFirstOrThrow();
    const ms = await database.db.selectFrom('memberships').select(['role', 'departement_code', 'organisation']).where('user_id', '=', user.id).orderBy('departement_code').execute();
    expect(ms).toEqual([{ role: 'correspondent', departement_code: '01', organisation: 'caf' }, { role: 'correspondent', departement_code: '38', organisation: 'caf' }]);

    expect((await client.request(`/api/people/${user.id}/suspension`, json(caf, { suspended: true }))).status).toBe(403);
    expect((await client.request(`/api/people/${user.id}/suspension`, json(national, { suspended: true }))).status).toBe(200);
    const login = () => client.request('/api/auth/login', json({}, { email: 'nouvelle.correspondante@caf01.fr', password: 'un mot de passe assez long et rare' }));
    expect((await login()).status).toBe(401);
    expect((await client.request(`/api/people/${user.id}/suspension`, json(national, { suspended: false }))).status).toBe(200);
    expect((await login()).status).toBe(200);
    const listed = await (await client.request('/api/people', { headers: national })).json();
    expect(listed.people.find((p: { id: number }) => p.id === user.id)).toMatchObject({ disabled: false, manageable: true });
    const actions = (await database.db.selectFrom('audit_events').select('action').where('action', 'like', 'person.%').execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['person.invite', 'person.suspend', 'person.reactivate']));
  });

  it('a correspondent invites every director not invited yet from the directory e-mails, and sees who joined', async () => {
    const caf = await client.loginAs(DEMO.caf69);
    const before = await (await client.request('/api/directors?level=departement&code=69', { headers: caf })).json();
    const waiting = before.filter((r: { status: string }) => r.status === 'not_invited');
    expect(waiting.length).toBeGreaterThan(0);
    expect(before.find((r: { name: string }) => r.name === 'Centre social de la Croix-Rousse').status).toBe('joined');
    const sent = await (await client.request('/api/directors/invitations?level=departement&code=69', json(caf, {}))).json();
    expect(sent.invited).toHaveLength(waiting.length);
    const again = await (await client.request('/api/directors/invitations?level=departement&code=69', json(caf, {}))).json();
    expect(again.invited).toHaveLength(0);
    const first = sent.invited[0];
    const accepted = await client.request(`/api/invitations/${tokenOf(first.link)}/accept`, json({}, { name: 'Directrice Nouvelle', password: 'encore un mot de passe long et rare' }));
    expect(accepted.status).toBe(200);
    const after = await (await client.request('/api/directors?level=departement&code=69', { headers: caf })).json();
    expect(after.find((r: { id: number }) => r.id === first.structureId).status).toBe('joined');
    expect(after.filter((r: { status: string }) => r.status === 'invited')).toHaveLength(waiting.length - 1);
    const director = await database.db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select('memberships.role').where('users.email', '=', first.email).executeTakeFirstOrThrow();
    expect(director.role).toBe('director');
    expect((await client.request('/api/directors/invitations?level=departement&code=13', json(caf, {}))).status).toBe(403);
  });
});
