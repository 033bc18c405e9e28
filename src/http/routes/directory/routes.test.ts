import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { directoryColumns } from '../../../domain/directory/columns';
import { withLuhnDigit } from '../../../domain/siret';

let database: Database$;
let client: ReturnType<typeof testClient>;
const header = directoryColumns.map((c) => c.name).join(';');
const row = (o: Record<string, string>) => directoryColumns.map((c) => o[c.name] ?? '').join(';');
const siret = (n: number) => withLuhnDigit(`8${String(n).padStart(12, '0')}`);
const centre = (n: number, extra: Record<string, string> = {}) => row({ siret: siret(n), nom: `Centre social numéro ${n}`, type: 'CS', code_commune: '69266', agrement_debut: '2024-01-01', agrement_fin: '2027-12-31', gestion: 'association', federation: 'oui', courriel_direction: `direction${n}@cs.example.fr`, ...extra });
const upload = async (h: Record<string, string>, csv: string, dryRun: boolean) => client.request(`/api/directory/import?dryRun=${dryRun}`, { method: 'POST', headers: { ...h, 'content-type': 'text/csv' }, body: csv });
const count = async (table: 'structures' | 'audit_events') => Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
});
afterAll(async () => { await database.close(); });

describe('directory import over HTTP', () => {
  it('a dry run lists each problem (row, column, cell, French); applying a bad file is a 400 that stores nothing', async () => {
    const h = await client.loginAs(DEMO.national);
    const csv = [header, centre(1), centre(2, { code_commune: '99999' }), centre(3, { agrement_debut: '32/01/2024' })].join('\n');
    const dry = await upload(h, csv, true);
    expect(dry.status).toBe(400);
    const report = (await dry.json()).error.details;
    expect(report.problems.map((p: { row: number; cell: string }) => `${p.row} ${p.cell}`)).toEqual(['3 F3', '4 G4']);
    expect(report.problems[0].message).toMatch(/Code commune INSEE : « 99999 » n’est pas une commune/);
    const [structures, audit] = [await count('structures'), await count('audit_events')];
    const apply = await upload(h, csv, false);
    expect(apply.status).toBe(400);
    expect((await apply.json()).error.code).toBe('validation_failed');
    expect([await count('structures'), await count('audit_events')]).toEqual([structures, audit]);
  });

  it('the next year\'s file shows its difference, then applies it keeping history (merge, ended approval, rename), audited', async () => {
    const h = await client.loginAs(DEMO.national);
    const first = [header, centre(1), centre(2), centre(3), centre(4)].join('\n');
    expect((await (await upload(h, first, false)).json()).created).toHaveLength(4);
    const ids: Record<number, number> = Object.fromEntries(await Promise.all([1, 2, 3, 4].map(async (n) => [n, (await database.db.selectFrom('structures').select('id').where('siret', '=', siret(n)).executeTakeFirstOrThrow()).id])));
    const next = [header,
      centre(1, { sirets_repris: siret(2) }),
      centre(3, { agrement_debut: '2020-01-01', agrement_fin: '2024-12-31' }),
      centre(7, { nom: 'Maison des habitants', courriel_direction: 'direction4@cs.example.fr', sirets_repris: siret(4) }),
      centre(5),
    ].join('\n');
    const dry = await (await upload(h, next, true)).json();
    expect(dry.created.map((c: { siret: string }) => c.siret)).toEqual([siret(5)]);
    expect(dry.takenOver).toEqual([expect.objectContaining({ id: ids[2], successorSiret: siret(1) })]);
    expect(dry.ended).toEqual([expect.objectContaining({ siret: siret(3), endedOn: '2024-12-31' })]);
    expect(dry.updated.find((u: { id: number }) => u.id === ids[4]).changes.map((c: { field: string }) => c.field)).toEqual(['siret', 'name']);
    expect(dry.stored).toBe(false);
    expect(await database.db.selectFrom('structures').select('siret').where('id', '=', ids[4]).executeTakeFirstOrThrow()).toEqual({ siret: siret(4) });

    const year = (await database.db.selectFrom('campaigns').select((eb) => eb.fn.max('year').as('y')).executeTakeFirstOrThrow()).y;
    const progress = async () => (await (await client.request(`/api/campaigns/${year}/progress?level=departement&code=69`, { headers: h })).json()).expected as number;
    const listed = async () => (await (await client.request(`/api/campaigns/${year}/responses?level=departement&code=69&state=not_started&pageSize=200`, { headers: h })).json()).items.map((i: { structureId: number }) => i.structureId) as number[];
    const [expectedBefore, listedBefore] = [await progress(), await listed()];
    expect(listedBefore).toContain(ids[3]);
    const applied = await (await upload(h, next, false)).json();
    // Structure 3's approvals ended before the campaign's year: no longer expected, nor listed; structure 5 is new.
    expect(await progress()).toBe(expectedBefore);
    expect(await listed()).not.toContain(ids[3]);
    expect(applied.stored).toBe(true);
    const rows = await database.db.selectFrom('structures').select(['id', 'siret', 'name', 'ended_on', 'successor_id']).where('id', 'in', Object.values(ids)).orderBy('id').execute();
    const by = (id: number) => rows.find((r) => r.id === id)!;
    expect(by(ids[2])).toMatchObject({ successor_id: ids[1] });
    expect(by(ids[2]).ended_on).not.toBeNull();
    expect(by(ids[3]).ended_on).not.toBeNull();
    expect(by(ids[4])).toMatchObject({ siret: siret(7), name: 'Maison des habitants', ended_on: null });
    const approvals = await database.db.selectFrom('approvals').select(['starts_on']).where('structure_id', '=', ids[3]).execute();
    expect(approvals).toHaveLength(2);
    const events = await database.db.selectFrom('audit_events').select(['action', 'entity_id']).where('entity', '=', 'structure').where('entity_id', 'in', Object.values(ids).map(String)).execute();
    expect(events.filter((e) => e.entity_id === String(ids[2])).map((e) => e.action)).toEqual(['structure.create', 'structure.taken_over']);
    expect(events.filter((e) => e.entity_id === String(ids[4])).map((e) => e.action)).toEqual(['structure.create', 'structure.update']);
  });

  it('only the nation imports; the template and its schema are public', async () => {
    const h = await client.loginAs(DEMO.caf69);
    expect((await upload(h, [header, centre(9)].join('\n'), true)).status).toBe(403);
    const tpl = await client.request('/api/directory/template?format=csv');
    expect(tpl.status).toBe(200);
    expect((await tpl.text()).split('\n')[0]).toContain('siret,nom,type');
    expect((await (await client.request('/api/directory/schema')).json()).fields).toHaveLength(directoryColumns.length);
  });
});

describe('identity corrections', () => {
  it('a correspondent corrects with the directory checks (audited); a director asks, the correspondent sees and closes the request', async () => {
    const lyon = (await database.db.selectFrom('structures').select(['id', 'name']).where('name', '=', 'Centre social de la Croix-Rousse').executeTakeFirstOrThrow());
    const caf = await client.loginAs(DEMO.caf69);
    const patch = (body: unknown, h = caf) => client.request(`/api/structures/${lyon.id}/identity`, { method: 'PATCH', headers: { ...h, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const bad = await patch({ code_commune: '69000' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/Code officiel géographique/);
    const ok = await (await patch({ adresse: '3 rue Dumenge' })).json();
    expect(ok.changes).toEqual([expect.objectContaining({ field: 'address', after: '3 rue Dumenge' })]);
    const director = await client.loginAs(DEMO.director);
    expect((await patch({ nom: 'Autre nom' }, director)).status).toBe(403);
    const asked = await client.request(`/api/structures/${lyon.id}/corrections`, { method: 'POST', headers: { ...director, 'content-type': 'application/json' }, body: JSON.stringify({ body: 'Notre nouveau courriel est accueil@croix-rousse.fr' }) });
    expect(asked.status).toBe(201);
    const { id } = await asked.json();
    const open = await (await client.request('/api/directory/corrections', { headers: caf })).json();
    expect(open.map((c: { id: number }) => c.id)).toContain(id);
    const close = await client.request(`/api/structures/${lyon.id}/corrections/${id}/close`, { method: 'POST', headers: { ...caf, 'content-type': 'application/json' }, body: JSON.stringify({ state: 'done' }) });
    expect(close.status).toBe(200);
    const actions = await database.db.selectFrom('audit_events').select('action').where('entity', '=', 'structure').where('entity_id', '=', String(lyon.id)).execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['structure.update', 'structure.correction_request', 'structure.correction_done']));
  });
});
