import { createLogger } from '../logger';
import type { Database$ } from '../db/connection';
import { allRouteDocs, createApp } from '../http/app';
import { observeContract } from './contract';
import { LiveHub } from '../app/infra/live';
import { TEST_PASSWORD } from './template';

/** The API over a test database, with helpers to act as a demo account. */
export function testClient(database: Database$) {
  const app = createApp({ db: database.db, dbKind: database.kind, logger: createLogger({ level: process.env.TEST_LOG ?? 'silent' }), secureCookies: false, live: new LiveHub(), observeResponse: observeContract(allRouteDocs) });
  const request = (path: string, init: RequestInit = {}) => app.request(path, init);

  /** Logs in and returns headers that carry the session cookie and the CSRF token. */
  async function loginAs(email: string, password = TEST_PASSWORD): Promise<Record<string, string>> {
    const res = await request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie, 'x-csrf-token': csrfToken };
  }
  return { app, request, loginAs };
}

export const DEMO = {
  national: 'national@demo.senacs.test',
  regionAra: 'region-ara@demo.senacs.test',
  caf69: 'caf69@demo.senacs.test',
  federation69: 'federation69@demo.senacs.test',
  director: 'direction@demo.senacs.test',
  team: 'equipe@demo.senacs.test',
  board: 'ca@demo.senacs.test',
} as const;
