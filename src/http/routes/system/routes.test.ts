import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { testClient } from '../../../testing/http';
import pino from 'pino';
import { allRouteDocs, createApp } from '../../app';
import { openDatabase } from '../../../db/connection';
import { LiveHub } from '../../../app/infra/live';
import { enqueueJob } from '../../../db/jobs.repo';
import { runDueJobs } from '../../../app/infra/jobRunner';

let database: Database$;
let client: ReturnType<typeof testClient>;
beforeAll(async () => { database = await openTestDatabase(); client = testClient(database); });
afterAll(() => database?.close());

interface Operation { summary: string; tags: string[]; security?: unknown[]; parameters: { name: string; in: string; required: boolean }[]; requestBody?: unknown; responses: Record<string, unknown> }

describe('system', () => {
  it('health reports the database kind and the job queue\'s depth', async () => {
    const res = await client.request('/api/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const before = await res.json();
    expect(before).toMatchObject({ status: 'ok', database: database.kind, jobs: { pending: expect.any(Number), running: expect.any(Number), failed: expect.any(Number) } });
    await enqueueJob(database.db, { kind: 'test.health', maxAttempts: 1 });
    await runDueJobs({ db: database.db, handlers: { 'test.health': async () => { throw new Error('non'); } }, workerId: 'w' });
    await enqueueJob(database.db, { kind: 'test.health', delayMs: 60_000 });
    const after = await (await client.request('/api/health')).json();
    expect(after.jobs).toEqual({ pending: before.jobs.pending + 1, running: before.jobs.running, failed: before.jobs.failed + 1 });
  });

  it.runIf(process.env.DATABASE_URL === undefined)('on the embedded database, health does not wait for a long transaction: busy, with the depth last read', async () => {
    const known = await (await client.request('/api/health')).json();
    expect(known.busy).toBeUndefined();
    let release!: () => void;
    const held = database.db.transaction().execute(async (tx) => {
      await tx.selectFrom('jobs').select('id').limit(1).execute();
      await new Promise<void>((ok) => { release = ok; });
    });
    await new Promise((ok) => setTimeout(ok, 50));
    const t = performance.now();
    const res = await client.request('/api/health');
    const ms = performance.now() - t;
    const busy = await res.json();
    expect(res.status).toBe(200);
    expect(busy).toMatchObject({ status: 'ok', database: 'pglite', busy: true, jobs: known.jobs });
    expect(Date.parse(busy.jobsAt)).toBeGreaterThan(0);
    // Waited HEALTH_WAIT_MS (100 ms), not the transaction (held until released below).
    expect(ms).toBeLessThan(1000);
    release();
    await held;
    expect((await (await client.request('/api/health')).json()).busy).toBeUndefined();
  });

  it('health answers 500 with the JSON error shape when the database is gone', async () => {
    // A PostgreSQL nobody listens on: the probe fails as it would when the server is down.
    const dead = await openDatabase({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none' });
    const app = createApp({ db: dead.db, dbKind: 'postgres', logger: pino({ level: 'silent' }), secureCookies: false, live: new LiveHub() });
    const res = await app.request('/api/health');
    await dead.close();
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error.code).toBe('internal');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('/api/openapi.json is OpenAPI 3.1 and lists exactly the routes the app answers', async () => {
    const res = await client.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBeTruthy();
    const listed = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    // The routes registered on the Hono app (what it really answers), not the list the document is built from:
    // a route without its doc, or a doc left behind by a removed route, fails here.
    const registered = new Set(client.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`));
    expect(listed.sort()).toEqual([...registered].sort());
    expect([...registered]).toContain('get /api/structures/{id}/members');
  });

  it('every route declares what a success sends: a JSON schema (checked on every response of the tests) or its files', () => {
    const undeclared = allRouteDocs.filter((d) => !d.response && !d.files?.length).map((d) => `${d.method} ${d.path}`);
    expect(undeclared).toEqual([]);
  });

  it('describes path and query parameters, bodies and session security', async () => {
    const doc = await (await client.request('/api/openapi.json')).json();
    for (const d of allRouteDocs) {
      const op: Operation = doc.paths[d.path.replace(/:(\w+)/g, '{$1}')][d.method];
      expect(op.summary, d.path).toBe(d.summary);
      for (const [, name] of d.path.matchAll(/:(\w+)/g)) expect(op.parameters, d.path).toContainEqual(expect.objectContaining({ name, in: 'path', required: true }));
      for (const name of Object.keys(d.query?.shape ?? {})) expect(op.parameters, d.path).toContainEqual(expect.objectContaining({ name, in: 'query' }));
      expect(Boolean(op.requestBody), d.path).toBe(Boolean(d.body));
      expect(Boolean(op.security), d.path).toBe(d.auth === 'session');
      expect(op.responses).toHaveProperty(String(d.status ?? 200));
      expect(op.responses).toHaveProperty('4XX');
    }
    const structures = doc.paths['/api/structures'].get as Operation;
    expect(structures.parameters.find((p) => p.name === 'page')?.required).toBe(false);
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
  });

  it('unknown API paths and methods get a JSON 404 in French', async () => {
    for (const [method, path] of [['GET', '/api/nope'], ['GET', '/api/structures/1/nope'], ['DELETE', '/api/structures'], ['PUT', '/api/health']]) {
      const res = await client.request(path, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      const body = await res.json();
      expect(body.error).toEqual({ code: 'not_found', message: expect.stringMatching(/n’existe pas/) });
    }
  });
});
