import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';

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

  it('limits repeated failures on one address', async () => {
    const email = DEMO.board;
    for (let i = 0; i < 10; i++) await post('/api/auth/login', { email, password: 'nope' });
    const res = await post('/api/auth/login', { email, password: 'demo-senacs-2026' });
    expect(res.status).toBe(429);
    expect((await res.json()).error.code).toBe('rate_limited');
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
    expect(await res.json()).toEqual({ status: 'ok', database: database.kind });
  });
});
