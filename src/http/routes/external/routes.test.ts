import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { exampleMapping } from '../../../domain/external/example';

let database: Database$;
let client: ReturnType<typeof testClient>;
let national: Record<string, string>;
let caf69: Record<string, string>;
let example: Uint8Array;

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  national = await client.loginAs(DEMO.national);
  caf69 = await client.loginAs(DEMO.caf69);
  const res = await client.request('/api/external/example?year=2024', { headers: national });
  expect(res.status).toBe(200);
  example = new Uint8Array(await res.arrayBuffer());
});
afterAll(() => database.close());

function form(bytes: Uint8Array, fields: Record<string, string> = {}) {
  const f = new FormData();
  f.set('file', new File([bytes as Uint8Array<ArrayBuffer>], 'elisfa.csv', { type: 'text/csv' }));
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

describe('external data routes', () => {
  it('analyses, imports, then reports and exports the concordance', async () => {
    const dry = await client.request('/api/external/import?dataset=elisfa&year=2024&dryRun=true', { method: 'POST', headers: national, body: form(example) });
    expect(dry.status).toBe(200);
    const analysis = await dry.json() as { problems: unknown[]; stored: boolean; mapping: unknown; proposals: { line: number; candidates: { structureId: number }[] }[] };
    expect(analysis).toMatchObject({ problems: [], stored: false, mapping: exampleMapping });
    const confirmations = Object.fromEntries(analysis.proposals.map((p) => [String(p.line), p.candidates[0].structureId]));
    const stored = await client.request('/api/external/import?dataset=elisfa&year=2024', {
      method: 'POST', headers: national, body: form(example, { mapping: JSON.stringify(exampleMapping), confirmations: JSON.stringify(confirmations), source: 'ELISFA (exemple)', licence: 'Licence Ouverte 2.0' }),
    });
    expect(await stored.json()).toMatchObject({ stored: true, problems: [] });
    const list = await (await client.request('/api/external/datasets', { headers: caf69 })).json() as { canImport: boolean; datasets: { name: string; rows: number }[] };
    expect(list.canImport).toBe(false);
    expect(list.datasets[0]).toMatchObject({ name: 'elisfa', rows: analysis.proposals.length >= 0 ? expect.any(Number) : 0 });
    const report = await client.request('/api/external/datasets/elisfa/2024/report?toleranceAbs=0&toleranceRel=0', { headers: caf69 });
    expect(report.status).toBe(200);
    const body = await report.json() as { scope: string; differences: { departementCode: string }[] };
    expect(body.scope).toBe('territory');
    expect(body.differences.every((d) => d.departementCode === '69')).toBe(true);
    const csv = await client.request('/api/external/datasets/elisfa/2024/report/export?format=csv', { headers: national });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await csv.text()).toMatch(/^\ufeff?section;indicateur/);
    // The filling page gets the structure's external values, so ext() runs in the browser as on the server.
    const matched = await database.db.selectFrom('external_rows').innerJoin('responses', 'responses.structure_id', 'external_rows.structure_id')
      .innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id').where('campaigns.year', '=', 2024).where('external_rows.structure_id', 'is not', null)
      .select(['responses.id as responseId', 'external_rows.structure_id as structureId']).executeTakeFirstOrThrow();
    const view = await (await client.request(`/api/responses/${matched.responseId}`, { headers: national })).json() as { external: Record<string, Record<string, unknown>> };
    expect(Object.keys(view.external.elisfa ?? {}).length).toBeGreaterThan(0);
  });

  it('a bad file answers its report and stores nothing', async () => {
    const res = await client.request('/api/external/import?dataset=caf&year=2024', { method: 'POST', headers: { ...national, 'content-type': 'text/csv' }, body: 'SIRET;ETP\n1;2\n3;4\n5;6\n7;8\n9;dix\n' });
    expect(res.status).toBe(400);
    const body = await res.json() as { error: { code: string; message: string; details: { stored: boolean; problems: { line: number; cell: string; kind: string }[] } } };
    expect(body.error.message).toMatch(/Fichier refusé, rien n’a été enregistré/);
    const r = body.error.details;
    expect(r.stored).toBe(false);
    expect(r.problems).toEqual(expect.arrayContaining([expect.objectContaining({ line: 6, cell: 'B6', kind: 'malformed_number' })]));
    expect(await database.db.selectFrom('external_datasets').select('name').where('name', '=', 'caf').execute()).toEqual([]);
  });

  it('takes files above the API’s 1 MB limit on the upload route only', async () => {
    const big = `SIRET;ETP\n${'12345678901234;1\n'.repeat(80_000)}`;
    expect(big.length).toBeGreaterThan(1_200_000);
    const res = await client.request('/api/external/import?dataset=big&year=2024&dryRun=true', { method: 'POST', headers: { ...national, 'content-type': 'text/csv' }, body: big });
    expect(res.status).toBe(400); // read and reported (unknown SIRETs), not refused for its size
    expect((await res.json() as { error: { details: { counts: { rows: number } } } }).error.details.counts.rows).toBe(80_000);
    const other = await client.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: big }) });
    expect(other.status).toBe(413);
  });

  it('refuses import to correspondents and reports to structures', async () => {
    const res = await client.request('/api/external/import?dataset=elisfa&year=2024', { method: 'POST', headers: caf69, body: form(example) });
    expect(res.status).toBe(403);
    expect((await res.json() as { error: { message: string } }).error.message).toMatch(/administration nationale/);
    const director = await client.loginAs(DEMO.director);
    expect((await client.request('/api/external/datasets/elisfa/2024/report', { headers: director })).status).toBe(403);
    expect((await client.request('/api/external/datasets/inconnu/2024/report', { headers: national })).status).toBe(404);
  });

  it('reviews proposals after the import: confirm, reject, refuse bad decisions, remember them on the next file', async () => {
    // Names typed differently from the directory, without SIRET: matching can only propose.
    const structures = await database.db.selectFrom('structures').innerJoin('communes', 'communes.code', 'structures.commune_code')
      .select(['structures.name', 'structures.siret', 'communes.name as commune']).orderBy('structures.id').limit(40).execute();
    const typo = (name: string) => name.replace(/(\p{L})(\p{L})(\p{L}*)$/u, '$2$1$3');
    const file = (typed: (i: number) => boolean) => new TextEncoder().encode(`SIRET;Raison sociale;Commune;ETP total\r\n${structures.map((s, i) => (typed(i)
      ? `;${typo(s.name)};${s.commune};${i + 1}` : `${s.siret};${s.name};${s.commune};${i + 1}`)).join('\r\n')}\r\n`);
    // Keep the typed lines matching can propose (a too short name is unknown, and refuses the file).
    const dry = await (await client.request('/api/external/import?dataset=elisfa&year=2025&dryRun=true', { method: 'POST', headers: national, body: form(file((i) => i % 4 === 0)) })).json() as { error: { details: { problems: { line: number }[] } } };
    const unknown = new Set(dry.error.details.problems.map((p) => p.line - 2));
    const revue = file((i) => i % 4 === 0 && !unknown.has(i));
    const imported = await client.request('/api/external/import?dataset=elisfa&year=2025', { method: 'POST', headers: national, body: form(revue) });
    const report = await imported.json() as { stored: boolean; proposals: { line: number; name: string; candidates: { structureId: number }[] }[] };
    expect(report.stored).toBe(true);
    expect(report.proposals.length).toBeGreaterThanOrEqual(2);
    const counts = async () => (await (await client.request('/api/external/datasets', { headers: national })).json() as { datasets: { name: string; year: number; matched: number; proposals: number }[] })
      .datasets.find((d) => d.name === 'elisfa' && d.year === 2025)!;
    const before = await counts();
    expect(before.proposals).toBe(report.proposals.length);

    const listed = await (await client.request('/api/external/datasets/elisfa/2025/proposals', { headers: national })).json() as { total: number; items: { line: number; state: string; structure: { id: number } | null; candidates: { structureId: number }[] }[] };
    expect(listed.total).toBe(report.proposals.length);
    expect(listed.items.every((r) => r.state === 'proposal' && r.candidates.length > 0)).toBe(true);
    const [first, second] = listed.items;
    expect(first.structure?.id).toBe(first.candidates[0].structureId);

    // Refused whole: a line matched by SIRET, an absent line, a structure that does not exist — nothing changes.
    const siretLine = await database.db.selectFrom('external_rows').innerJoin('external_datasets', 'external_datasets.id', 'external_rows.dataset_id')
      .select('external_rows.line').where('external_datasets.name', '=', 'elisfa').where('external_datasets.year', '=', 2025).where('external_rows.match_method', '=', 'siret').executeTakeFirstOrThrow();
    for (const [decisions, message] of [
      [{ [first.line]: first.candidates[0].structureId, [siretLine.line]: null }, new RegExp(`Ligne ${siretLine.line} .*rapprochée par SIRET`)],
      [{ 999999: null }, /Ligne 999999/],
      [{ [first.line]: 2_000_000_000 }, /n’existe pas dans l’annuaire/],
      [{}, /Aucune décision/],
    ] as const) {
      const res = await client.request('/api/external/datasets/elisfa/2025/proposals', { method: 'POST', headers: { ...national, 'content-type': 'application/json' }, body: JSON.stringify({ decisions }) });
      expect(res.status).toBe(400);
      const error = (await res.json() as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('validation_failed');
      expect(error.message).toMatch(message);
    }
    const malformed = await client.request('/api/external/datasets/elisfa/2025/proposals', { method: 'POST', headers: { ...national, 'content-type': 'application/json' }, body: JSON.stringify({ decisions: { abc: 'x' } }) });
    expect(malformed.status).toBe(400);
    expect(await counts()).toEqual(before);
    const refused = await client.request('/api/external/datasets/elisfa/2025/proposals', { method: 'POST', headers: { ...caf69, 'content-type': 'application/json' }, body: JSON.stringify({ decisions: { [first.line]: null } }) });
    expect(refused.status).toBe(403);
    expect((await client.request('/api/external/datasets/elisfa/2025/proposals', { headers: caf69 })).status).toBe(403);

    const concerned = await database.db.selectFrom('responses').innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id').select(['responses.id', 'responses.quality_at'])
      .where('campaigns.year', '=', 2025).where('responses.structure_id', '=', first.candidates[0].structureId).executeTakeFirstOrThrow();
    const decided = await client.request('/api/external/datasets/elisfa/2025/proposals', { method: 'POST', headers: { ...national, 'content-type': 'application/json' }, body: JSON.stringify({ decisions: { [first.line]: first.candidates[0].structureId, [second.line]: null } }) });
    expect(decided.status).toBe(200);
    // The confirmed structure's response is re-checked: its ext('elisfa', …) rule now reads the file's values.
    expect(await decided.json()).toMatchObject({ changed: 2, rechecked: expect.any(Number) });
    const rechecked = await database.db.selectFrom('responses').select('quality_at').where('id', '=', concerned.id).executeTakeFirstOrThrow();
    expect(new Date(rechecked.quality_at!).getTime()).toBeGreaterThan(new Date(concerned.quality_at ?? 0).getTime());
    expect(await counts()).toMatchObject({ matched: before.matched + 1, proposals: before.proposals - 2 });
    const after = await (await client.request('/api/external/datasets/elisfa/2025/proposals', { headers: national })).json() as { items: { line: number; state: string; structure: { id: number } | null }[] };
    expect(after.items.find((r) => r.line === first.line)).toMatchObject({ state: 'confirmed', structure: { id: first.candidates[0].structureId } });
    expect(after.items.find((r) => r.line === second.line)).toMatchObject({ state: 'rejected', structure: null });
    const audit = await database.db.selectFrom('audit_events').select('data').where('action', '=', 'external.review').where('entity_id', '=', 'elisfa/2025').execute();
    expect(audit.map((a) => a.data)).toEqual([{ confirmed: 1, rejected: 1 }]);

    // A corrected file (another order of lines: the first data line moved to the end) keeps both decisions.
    const [header, ...body] = new TextDecoder().decode(revue).trimEnd().split(/\r?\n/);
    const moved = new TextEncoder().encode(`${[header, ...body.slice(1), body[0]].join('\r\n')}\r\n`);
    const again = await client.request('/api/external/import?dataset=elisfa&year=2025', { method: 'POST', headers: national, body: form(moved) });
    expect(await again.json()).toMatchObject({ stored: true, problems: [] });
    expect(await counts()).toMatchObject({ matched: before.matched + 1, proposals: before.proposals - 2 });
  });
});
