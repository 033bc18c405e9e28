import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database$ } from '../../db/connection';
import { openTestDatabase } from '../../testing/testDb';
import { testClient } from '../../testing/http';
import { newWorkerId, runDueJobs } from '../infra/jobRunner';
import { serverJobHandlers } from '../infra/serverJobs';
import { listRegions, listDepartements } from '../../db/territory.repo';
import type { Actor } from '../../domain/roles';
import { buildOpenData } from './buildOpenData';
import { publishRelease } from './publishRelease';
import { RELEASE_FILES, storeReleaseFiles } from './storeReleaseFiles';

let database: Database$;
let client: ReturnType<typeof testClient>;
let year: number;
let plaquettes: number;
const national: Actor = { userId: 1, memberships: [{ role: 'national_admin' }] };

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  // The last closed year: the demo published its release n° 1 (files not stored: the seed queues no job).
  year = (await database.db.selectFrom('campaigns').select((eb) => eb.fn.max('year').as('y')).executeTakeFirstOrThrow()).y - 1;
  plaquettes = 1 + (await listRegions(database.db)).length + (await listDepartements(database.db)).length;
});
afterAll(() => database?.close());

/** The stored files of a release (their hashes and sizes: reading every file's bytes would be slow). */
const fileRows = (number: number) => database.db.selectFrom('release_files')
  .select(['name', 'sha256', 'byte_size', 'content_type', sql<number>`length(bytes)`.as('length')])
  .where('year', '=', year).where('number', '=', number).orderBy('name').execute();
const storedFile = async (number: number, name: string) => {
  const { rows: [r] } = await sql<{ b: string }>`select encode(bytes, 'base64') as b from release_files where year = ${year} and number = ${number} and name = ${name}`.execute(database.db);
  return Buffer.from(r.b, 'base64');
};
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const body = async (path: string) => {
  const res = await client.request(path);
  expect(res.status, path).toBe(200);
  return { bytes: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition') };
};
const pendingJobs = () => database.db.selectFrom('jobs').select(['kind', 'payload', 'state']).where('kind', '=', RELEASE_FILES).execute();

/** A change since the last release: a structure without a response this year gets one, validated (last year's answers). */
async function validateALateResponse() {
  const { rows: [late] } = await sql<{ structure_id: number; id: number }>`
    select r.structure_id, r.id from responses r join campaigns k on k.id = r.campaign_id
    where k.year = ${year - 1} and r.state in ('validated', 'locked') and not exists (
      select 1 from responses x join campaigns y on y.id = x.campaign_id where y.year = ${year} and x.structure_id = r.structure_id)
    order by r.structure_id limit 1`.execute(database.db);
  expect(late, 'a structure without a response this year').toBeDefined();
  const { rows: [inserted] } = await sql<{ id: number }>`
    insert into responses (structure_id, campaign_id, state, submitted_at, validated_at)
    select ${late.structure_id}, id, 'validated', now(), now() from campaigns where year = ${year} returning id`.execute(database.db);
  await sql`insert into answers (response_id, code, value, author_id) select ${inserted.id}, code, value, author_id from answers where response_id = ${late.id}`.execute(database.db);
}

describe('a published release stores its files', () => {
  it('a release published before storage: the first request builds, serves and stores; the next reads the stored row', async () => {
    expect(await fileRows(1)).toEqual([]);
    const csvName = `agregats-france-${year}.csv`;
    const first = await body(`/api/opendata/${year}/files/${csvName}`);
    expect(first.type).toBe('text/csv; charset=utf-8');
    expect(first.disposition).toBe(`attachment; filename="${csvName}"`);
    const names = (await fileRows(1)).map((r) => r.name);
    expect(names).toContain(`opendata/${csvName}`);
    expect(names).toContain('opendata/datapackage.json');
    expect(names).toContain('opendata/index.json');
    expect(first.bytes.equals(await storedFile(1, `opendata/${csvName}`))).toBe(true);
    // Served from the row: what the row holds is what goes out.
    await sql`update release_files set bytes = ${Buffer.from('niveau\r\nmarqueur\r\n')} where year = ${year} and number = 1 and name = ${`opendata/${csvName}`}`.execute(database.db);
    expect((await body(`/api/opendata/${year}/files/${csvName}`)).bytes.toString()).toBe('niveau\r\nmarqueur\r\n');
    // An unknown file of a stored release is a 404 without building anything.
    const missing = await client.request(`/api/opendata/${year}/files/secret.csv`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toBe('Fichier de données ouvertes introuvable.');

    const plaquette = await body(`/api/reports/plaquette?year=${year}&level=departement&code=69`);
    expect(plaquette.type).toBe('application/pdf');
    expect(plaquette.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(plaquette.bytes.equals(await storedFile(1, `plaquettes/plaquette-${year}-departement-69.pdf`))).toBe(true);
  }, 120_000);

  it('publishing queues one release.files job; running it stores the open data and every plaquette, served as stored', async () => {
    await validateALateResponse();
    const { release } = await publishRelease({ db: database.db, actor: national, year, note: 'Deuxième version' });
    expect(release?.number).toBe(2);
    expect(await pendingJobs()).toEqual([{ kind: RELEASE_FILES, payload: { year, number: 2 }, state: 'pending' }]);
    // A dry run queues nothing.
    await publishRelease({ db: database.db, actor: national, year, dryRun: true });
    expect(await pendingJobs()).toHaveLength(1);

    const report = await runDueJobs({ db: database.db, handlers: serverJobHandlers, workerId: newWorkerId() });
    expect(report).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(await pendingJobs()).toEqual([]);
    const rows = await fileRows(2);
    const fresh = await buildOpenData({ db: database.db, year });
    expect(rows.filter((r) => r.name.startsWith('opendata/')).map((r) => r.name).sort()).toEqual(
      ['opendata/datapackage.json', 'opendata/index.json', ...fresh.flatMap((f) => [`opendata/${f.name}.csv`, `opendata/${f.name}.schema.json`])].sort());
    expect(rows.filter((r) => r.name.startsWith('plaquettes/'))).toHaveLength(plaquettes);
    for (const r of rows) expect(r.byte_size, r.name).toBe(Number(r.length));

    // The API serves release n° 2's stored bytes: the same bytes as a fresh build of it.
    for (const f of fresh) {
      const csv = await body(`/api/opendata/${year}/files/${f.name}.csv`);
      expect(csv.bytes.toString(), f.name).toBe(f.csv);
      expect(sha256(csv.bytes)).toBe(rows.find((r) => r.name === `opendata/${f.name}.csv`)!.sha256);
      expect(JSON.parse((await body(`/api/opendata/${year}/files/${f.name}.schema.json`)).bytes.toString())).toEqual(f.schema);
    }
    expect(fresh[0].description).toMatch(/Version n° 2 /);
    const listing = JSON.parse((await body(`/api/opendata/${year}`)).bytes.toString());
    expect(listing.items.map((i: { name: string; rows: number }) => [i.name, i.rows])).toEqual(fresh.map((f) => [f.name, f.rows]));
    const plaquette = await body(`/api/reports/plaquette?year=${year}&level=nation`);
    expect(plaquette.bytes.equals(await storedFile(2, `plaquettes/plaquette-${year}-france.pdf`))).toBe(true);
    expect(plaquette.bytes.equals(await storedFile(1, `plaquettes/plaquette-${year}-departement-69.pdf`))).toBe(false);
  }, 600_000);

  it('serves what was stored at publication: a later change to the public directory does not change the release’s annuaire', async () => {
    const name = `annuaire-${year}.csv`;
    const before = (await body(`/api/opendata/${year}/files/${name}`)).bytes.toString();
    const renamed = await database.db.selectFrom('structures').select(['id', 'name']).orderBy('id').limit(1).executeTakeFirstOrThrow();
    await database.db.updateTable('structures').set({ name: 'Centre social renommé après la version' }).where('id', '=', renamed.id).execute();
    try {
      const rebuilt = (await buildOpenData({ db: database.db, year })).find((f) => `${f.name}.csv` === name)!.csv;
      expect(rebuilt).toContain('Centre social renommé après la version');
      const served = (await body(`/api/opendata/${year}/files/${name}`)).bytes.toString();
      expect(served).toBe(before);
      expect(served).not.toContain('Centre social renommé après la version');
    } finally {
      await database.db.updateTable('structures').set({ name: renamed.name }).where('id', '=', renamed.id).execute();
    }
  }, 120_000);

  it('is idempotent, and a job for a release no longer the latest skips', async () => {
    const before = await fileRows(2);
    expect(await storeReleaseFiles({ db: database.db, year, number: 2 })).toEqual({ skipped: false, stored: 0 });
    expect(await fileRows(2)).toEqual(before);
    expect(await storeReleaseFiles({ db: database.db, year, number: 1 })).toEqual({ skipped: true, stored: 0 });
  }, 120_000);

  it.runIf(process.env.DATABASE_URL)('two runners competing for the same release (PostgreSQL, two pools) store each file once', async () => {
    // The open data and one région's plaquettes are missing (drawing all of them twice would take minutes).
    await sql`delete from release_files where year = ${year} and number = 2 and (name like 'opendata/%' or name like ${`plaquettes/plaquette-${year}-region-84.pdf`} or name in (
      select ${`plaquettes/plaquette-${year}-departement-`} || code || '.pdf' from departements where region_code = '84'))`.execute(database.db);
    const left = (await fileRows(2)).length;
    expect(left).toBeLessThan(plaquettes);
    const { rows: [{ name }] } = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const other = await openDatabase({ databaseUrl: url.toString() });
    try {
      const { rows: [job] } = await sql<{ id: number }>`insert into jobs (kind, payload) values (${RELEASE_FILES}, ${JSON.stringify({ year, number: 2 })}::jsonb) returning id`.execute(database.db);
      expect(job.id).toBeGreaterThan(0);
      // staleMs 0: the second runner takes the job the first is running, as after a process deemed dead.
      const results: { stored: number }[] = [];
      const handlers = { [RELEASE_FILES]: async (db: typeof database.db, payload: Record<string, unknown>) => { results.push(await storeReleaseFiles({ db, year: Number(payload.year), number: Number(payload.number) })); } };
      const [a, b] = await Promise.all([
        runDueJobs({ db: database.db, handlers, workerId: 'a', staleMs: 0, limit: 1 }),
        new Promise((r) => setTimeout(r, 50)).then(() => runDueJobs({ db: other.db, handlers, workerId: 'b', staleMs: 0, limit: 1 })),
      ]);
      expect([a, b]).toEqual([{ done: 1, retried: 0, failed: 0 }, { done: 1, retried: 0, failed: 0 }]);
      expect(await pendingJobs()).toEqual([]);
      expect(results).toHaveLength(2);
      const rows = await fileRows(2);
      expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
      // Every missing file was stored by one runner or the other, never by both.
      expect(results[0].stored + results[1].stored).toBe(rows.length - left);
      expect(rows.filter((r) => r.name.startsWith('plaquettes/'))).toHaveLength(plaquettes);
    } finally { await other.close(); }
  }, 600_000);
});
