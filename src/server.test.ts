import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import type { Database$ } from './db/connection';
import { openTestDatabase } from './testing/testDb';
import { DEMO } from './testing/http';
import { TEST_PASSWORD } from './testing/template';
import { readConfig } from './config';
import { createServerApp } from './server';

let database: Database$;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database.close());
afterEach(() => { vi.unstubAllEnvs(); });

const logger = pino({ level: 'silent' });
const json = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function login(env: NodeJS.ProcessEnv, email: string) {
  const app = createServerApp(database, logger, readConfig(env));
  const res = await app.request('/api/auth/login', json({ email, password: TEST_PASSWORD }));
  expect(res.status).toBe(200);
  return { app, res, cookie: res.headers.get('set-cookie') ?? '', csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

describe('deployment settings (PUBLIC_URL, issue 13)', () => {
  it('makes the session cookie Secure when PUBLIC_URL is https, and only then', async () => {
    const https = await login({ PUBLIC_URL: 'https://senacs.example.org' }, DEMO.national);
    expect(https.cookie).toMatch(/;\s*Secure/i);
    expect(https.cookie).toMatch(/HttpOnly/i);
    // Logging out clears the cookie with the same attributes.
    const out = await https.app.request('/api/auth/logout', json({}, { cookie: https.cookie.split(';')[0], 'x-csrf-token': https.csrfToken }));
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/;\s*Secure/i);

    for (const env of [{}, { PUBLIC_URL: 'http://localhost:3000' }]) {
      const plain = await login(env, DEMO.national);
      expect(plain.cookie).not.toMatch(/Secure/i);
    }
  });

  it('writes links in e-mails on PUBLIC_URL', async () => {
    vi.stubEnv('PUBLIC_URL', 'https://senacs.example.org/');
    const { app, cookie, csrfToken } = await login({}, DEMO.caf69);
    const res = await app.request('/api/campaigns/2025/reminders?level=departement&code=69', json({}, { cookie: cookie.split(';')[0], 'x-csrf-token': csrfToken }));
    expect(res.status).toBe(200);
    const bodies = (await database.db.selectFrom('outbox').select('body').execute()).map((r) => r.body);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      expect(body).toContain('https://senacs.example.org');
      expect(body).not.toContain('localhost');
    }
  });
});
