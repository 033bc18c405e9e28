import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from './db/connection';
import { openTestDatabase } from './testing/testDb';
import { DEMO } from './testing/http';
import { TEST_PASSWORD } from './testing/template';
import { createApp } from './http/app';
import { LiveHub } from './app/infra/live';
import { createLogger } from './logger';
import { EMAIL_PATTERN, TOKEN_PATTERN, scrubValue } from './domain/privacy/scrub';
import { DEMO_CENTRE } from './domain/demo/structures';

/** Every line the logger writes, kept for the scan. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
  return { lines, logger: createLogger({ level: 'trace', destination: stream }) };
}

/** What must not be in a log: any e-mail address, any token-like run. */
const leaks = (text: string) => [...(text.match(EMAIL_PATTERN) ?? []), ...(text.match(TOKEN_PATTERN) ?? [])];

describe('scrubValue', () => {
  it('masks secret keys, addresses and tokens, and flattens errors', () => {
    const err = Object.assign(new Error('duplicate key value violates unique constraint: Key (email)=(lea.martin@example.org) already exists'), { code: '23505' });
    expect(scrubValue({ email: 'a@b.fr', password: 'x', n: 3, path: '/api/invitations/Q2hhbmdlbWVpbnZpdGF0aW9udG9rZW4xMjM0NTY', err })).toEqual({
      email: '[masqué]', password: '[masqué]', n: 3, path: '/api/invitations/[jeton]',
      err: { type: 'Error', message: 'duplicate key value violates unique constraint: Key (email)=([adresse]) already exists', code: '23505', stack: expect.not.stringContaining('lea.martin') },
    });
    // Words and ordinary ids are kept.
    expect(scrubValue('réponse 1234 du centre social de la Croix-Rousse')).toBe('réponse 1234 du centre social de la Croix-Rousse');
  });
});

describe('server logs of a working session', () => {
  let database: Database$;
  beforeAll(async () => { database = await openTestDatabase(); });
  afterAll(() => database.close());

  it('carry routes and statuses but no e-mail address, password, token or answer value', async () => {
    const { lines, logger } = capture();
    const app = createApp({ db: database.db, dbKind: database.kind, logger, secureCookies: false, live: new LiveHub() });
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const secrets: string[] = [TEST_PASSWORD, DEMO.director, DEMO.team];

    // A wrong then a right password; the session cookie and CSRF token become secrets to look for.
    await post('/api/auth/login', { email: DEMO.team, password: 'mauvais-mot-de-passe-2026' });
    secrets.push('mauvais-mot-de-passe-2026');
    const login = await post('/api/auth/login', { email: DEMO.director, password: TEST_PASSWORD });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    secrets.push(cookie.split('=')[1], csrfToken);
    const h = { cookie, 'x-csrf-token': csrfToken };
    // An invitation: its link's token is a secret; opening the link logs its route, not its path.
    const centre = (await database.db.selectFrom('structures').select('id').where('name', '=', DEMO_CENTRE.name).executeTakeFirstOrThrow()).id;
    const invited = await post(`/api/structures/${centre}/invitations`, { email: 'nouvelle.benevole@example.org', role: 'contributor' }, h);
    const link = ((await invited.json()) as { link?: string }).link ?? '';
    const token = link.split('/').pop() ?? '';
    expect(token.length).toBeGreaterThan(20);
    secrets.push('nouvelle.benevole@example.org', token);
    await app.request(`/api/invitations/${token}`);
    // An answer saved with a recognisable value.
    const response = (await (await post(`/api/structures/${centre}/campaigns/2025/response`, {}, h)).json()) as { responseId: number };
    const saved = await app.request(`/api/responses/${response.responseId}/answers/identite.site_web`, {
      method: 'PUT', headers: { 'content-type': 'application/json', ...h }, body: JSON.stringify({ value: 'valeur-confidentielle-9431', baseVersion: 0 }),
    });
    secrets.push('valeur-confidentielle-9431');
    // A password reset asked for an address, and an unexpected failure logged with an address in its message.
    await post('/api/auth/password-reset', { email: DEMO.board });
    secrets.push(DEMO.board);
    logger.error({ err: new Error(`SMTP 550 ${DEMO.board} refusé`), to: DEMO.board }, 'boîte d’envoi');
    await new Promise((r) => setTimeout(r, 50));

    const text = lines.join('\n');
    expect(saved.status).toBeLessThan(500);
    // The scan can fail: the log is not empty and names the routes it served.
    expect(lines.length).toBeGreaterThanOrEqual(8);
    expect(text).toContain('"route":"/api/invitations/:token"');
    expect(text).toContain('"route":"/api/auth/login"');
    expect(text).toContain('[adresse]');
    expect(leaks(text)).toEqual([]);
    for (const s of secrets) expect(text, `secret « ${s.slice(0, 12)}… »`).not.toContain(s);
  });
});
