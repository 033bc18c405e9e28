import { DEMO_PASSWORD } from './server';

/**
 * The API beside the browser, as the demo accounts: log in once per e-mail, then call with its cookie and
 * CSRF token (setting up a scene faster than clicking through it).
 * @example const { apiLogin, call } = apiClient(() => baseUrl); await apiLogin(CAF69); await call(CAF69, 'GET', '/campaigns');
 */
export function apiClient(baseUrl: () => string) {
  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  async function apiLogin(email: string, password = DEMO_PASSWORD) {
    const r = await fetch(`${baseUrl()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (!r.ok) throw new Error(`login ${email}: ${r.status}`);
    const { csrfToken } = (await r.json()) as { csrfToken: string };
    sessions[email] = { cookie: r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: csrfToken };
  }
  async function call<T>(email: string, method: string, path: string, body?: unknown): Promise<T> {
    const s = sessions[email];
    const r = await fetch(`${baseUrl()}/api${path}`, {
      method, headers: { cookie: s.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf, 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  }
  return { apiLogin, call };
}
