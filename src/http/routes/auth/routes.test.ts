import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { TEST_PASSWORD } from '../../../testing/template';
import { createApp } from '../../app';
import { LiveHub } from '../../../app/infra/live';
import { DEFAULT_LOGIN_LIMITS, LoginLimiter } from '../../../app/infra/loginLimiter';
import type * as passwords from '../../../app/infra/passwords';

// Counts the password checks the login runs (the real check still runs).
const checks = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../../app/infra/passwords', async (importOriginal) => {
  const real = await importOriginal<typeof passwords>();
  return { ...real, checkPassword: (h: string, p: string) => { checks.n++; return real.checkPassword(h, p); } };
});

let database: Database$;
let client: ReturnType<typeof testClient>;
beforeAll(async () => { database = await openTestDatabase(); client = testClient(database); });
afterAll(() => database.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  client.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('auth', () => {
  it('logs in with the demo password and tells who I am', async () => {
    const h = await client.loginAs(DEMO.caf69);
    const me = await (await client.request('/api/me', { headers: h })).json();
    expect(me.user.email).toBe(DEMO.caf69);
    expect(me.memberships).toEqual([expect.objectContaining({ role: 'correspondent', departementCode: '69', organisation: 'caf' })]);
  });

  it('sets an httpOnly SameSite cookie', async () => {
    const res = await post('/api/auth/login', { email: DEMO.national, password: 'demo-senacs-2026' });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a wrong password with a French message and the same answer as an unknown address', async () => {
    const a = await post('/api/auth/login', { email: DEMO.director, password: 'wrong' });
    const b = await post('/api/auth/login', { email: 'nobody@example.org', password: 'wrong' });
    expect(a.status).toBe(401);
    expect(await a.json()).toEqual(await b.json());
  });

  it('limits repeated failures on one account from one address, and says when to come back', async () => {
    const email = DEMO.board;
    for (let i = 0; i < 10; i++) await post('/api/auth/login', { email, password: 'nope' });
    const res = await post('/api/auth/login', { email, password: 'demo-senacs-2026' });
    expect(res.status).toBe(429);
    expect((await res.json()).error.code).toBe('rate_limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(60);
  });

  it('needs the CSRF token for writes in a session, and logout ends the session', async () => {
    const h = await client.loginAs(DEMO.team);
    const withoutToken = await post('/api/auth/logout', {}, { cookie: h.cookie });
    expect(withoutToken.status).toBe(403);
    expect((await withoutToken.json()).error.code).toBe('csrf_failed');
    expect((await post('/api/auth/logout', {}, h)).status).toBe(200);
    const me = await (await client.request('/api/me', { headers: h })).json();
    expect(me.user).toBeNull();
  });

  it('refuses a write from another origin', async () => {
    const res = await post('/api/auth/login', { email: DEMO.national, password: 'x' }, { origin: 'https://evil.example', host: 'localhost' });
    expect(res.status).toBe(403);
  });

  it('sends security headers', async () => {
    const res = await client.request('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.json()).toEqual({ status: 'ok', database: database.kind, jobs: { pending: expect.any(Number), running: expect.any(Number), failed: expect.any(Number) } });
  });
});

/** A login as if from a socket at `address` (what @hono/node-server gives the app). */
function loginFrom(app: { request: ReturnType<typeof createApp>['request'] }, address: string, body: { email: string; password: string }, headers: Record<string, string> = {}) {
  return app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) },
    { incoming: { socket: { remoteAddress: address } } } as never);
}

describe('login limiter (issue 13)', () => {
  const appWith = (limiter: LoginLimiter, trustedProxies: string[] = []) =>
    createApp({ db: database.db, dbKind: database.kind, logger: pino({ level: 'silent' }), secureCookies: false, live: new LiveHub(), loginLimiter: limiter, trustedProxies });
  beforeEach(() => { checks.n = 0; });

  it('counts before checking: 30 parallel wrong logins run at most the budget of password checks', async () => {
    const app = appWith(LoginLimiter.forDatabase(database.db, database.kind));
    const results = await Promise.all(Array.from({ length: 30 }, () => loginFrom(app, '203.0.113.10', { email: DEMO.caf69, password: 'wrong password' })));
    const statuses = results.map((r) => r.status);
    expect(checks.n).toBeLessThanOrEqual(DEFAULT_LOGIN_LIMITS.perAccountAddress.points);
    expect(statuses.filter((s) => s === 401).length).toBe(checks.n);
    expect(statuses.filter((s) => s === 429).length).toBe(30 - checks.n);
    const limited = results.find((r) => r.status === 429)!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.message).toMatch(/Trop de tentatives de connexion.*Réessayez dans \d+ minutes?/);
  });

  it('counts before checking across accounts too: 80 parallel wrong logins from one address, 50 checks at most', async () => {
    const app = appWith(LoginLimiter.forDatabase(database.db, database.kind));
    const results = await Promise.all(Array.from({ length: 80 }, (_, i) => loginFrom(app, '203.0.113.11', { email: `personne${i % 9}@example.org`, password: 'wrong password' })));
    expect(checks.n).toBeLessThanOrEqual(DEFAULT_LOGIN_LIMITS.perAddress.points);
    expect(results.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(30);
  });

  it('does not believe X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const app = appWith(LoginLimiter.inMemory());
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      const res = await loginFrom(app, '198.51.100.20', { email: DEMO.regionAra, password: 'wrong password' }, { 'x-forwarded-for': `192.0.2.${i + 1}` });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    expect(checks.n).toBe(10);
  });

  it('believes a trusted proxy, from the right: a client rotating the left of X-Forwarded-For is still one client', async () => {
    const app = appWith(LoginLimiter.inMemory(), ['10.0.0.0/8']);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      // The proxy appends the real client (198.51.100.30) after whatever the client sent.
      const res = await loginFrom(app, '10.0.0.2', { email: DEMO.regionAra, password: 'wrong password' }, { 'x-forwarded-for': `192.0.2.${i + 1}, 198.51.100.30` });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 429).length).toBe(2);
    // Another client behind the same proxy has its own budget: the owner logs in.
    const owner = await loginFrom(app, '10.0.0.2', { email: DEMO.regionAra, password: TEST_PASSWORD }, { 'x-forwarded-for': '198.51.100.31' });
    expect(owner.status).toBe(200);
  });

  it('never locks the owner out: after a stranger\'s 50 wrong tries the owner logs in from another address', async () => {
    const app = appWith(LoginLimiter.forDatabase(database.db, database.kind));
    expect((await loginFrom(app, '198.51.100.60', { email: DEMO.federation69, password: TEST_PASSWORD })).status).toBe(200);
    const tries: number[] = [];
    for (let i = 0; i < 50; i++) tries.push((await loginFrom(app, '203.0.113.50', { email: DEMO.federation69, password: `guess ${i}` })).status);
    expect(tries.filter((s) => s === 401).length).toBe(10);
    const stranger = await loginFrom(app, '203.0.113.50', { email: DEMO.federation69, password: TEST_PASSWORD });
    expect(stranger.status).toBe(429); // even with the right password, that address waits
    // The owner's usual address: at once.
    expect((await loginFrom(app, '198.51.100.60', { email: DEMO.federation69, password: TEST_PASSWORD })).status).toBe(200);
    // An address the owner never used: at once, or after the few seconds of the slow-down at most.
    let owner = await loginFrom(app, '198.51.100.61', { email: DEMO.federation69, password: TEST_PASSWORD });
    if (owner.status === 429) {
      const wait = Number(owner.headers.get('retry-after'));
      expect(wait).toBeLessThanOrEqual(DEFAULT_LOGIN_LIMITS.slowDownSeconds);
      await new Promise((ok) => setTimeout(ok, wait * 1000 + 100));
      owner = await loginFrom(app, '198.51.100.61', { email: DEMO.federation69, password: TEST_PASSWORD });
    }
    expect(owner.status).toBe(200);
  });

  it('slows strangers spread over many addresses, never the owner\'s known address, and a new address only for seconds', async () => {
    const limiter = LoginLimiter.forDatabase(database.db, database.kind, { ...DEFAULT_LOGIN_LIMITS, slowDownSeconds: 1 });
    const app = appWith(limiter);
    expect((await loginFrom(app, '198.51.100.70', { email: DEMO.director, password: TEST_PASSWORD })).status).toBe(200);
    checks.n = 0;
    // 40 addresses, 3 wrong tries each, in parallel: only the first ones past the threshold get checked.
    const botnet = await Promise.all(Array.from({ length: 120 }, (_, i) => loginFrom(app, `192.0.2.${(i % 40) + 100}`, { email: DEMO.director, password: `guess ${i}` })));
    expect(botnet.filter((r) => r.status === 429).length).toBeGreaterThan(100);
    expect(checks.n).toBeLessThanOrEqual(DEFAULT_LOGIN_LIMITS.slowDownAfter.points + 1);
    const slowed = botnet.find((r) => r.status === 429)!;
    expect((await slowed.json()).error.message).toMatch(/ralenties.*Réessayez dans 1 seconde/);
    expect(slowed.headers.get('retry-after')).toBe('1');
    // The owner's usual address: at once.
    expect((await loginFrom(app, '198.51.100.70', { email: DEMO.director, password: TEST_PASSWORD })).status).toBe(200);
    // A new address of the owner: within a second or so.
    await new Promise((ok) => setTimeout(ok, 1100));
    expect((await loginFrom(app, '198.51.100.71', { email: DEMO.director, password: TEST_PASSWORD })).status).toBe(200);
  });
});
