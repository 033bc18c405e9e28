import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { Database$, Db } from '../db/connection';
import { BACKUP_TABLES } from '../db/backup.repo';
import { openTestDatabase } from '../testing/testDb';
import { DEMO, testClient } from '../testing/http';
import { allRouteDocs } from './app';
import type { RouteDoc } from './openapi';

/**
 * Garbage in, for every documented route: never a 5xx, always the JSON error shape with a French message and
 * no stack trace, and nothing changes in the database.
 */

const RUNS = 40;
/**
 * The fixed CI seed (test/setup.ts), so a red run is a reproducible case on every machine; FC_SEED=<n>
 * explores or replays another one.
 */
const SEED = Number(process.env.FC_SEED ?? 20261128);
const HUGE = 'x'.repeat(100_000);
const FRENCH = /[éèêàçôîûù’«»]|\b(le|la|les|de|des|du|un|une|est|pas|cette|ce|ou|requête|invalide|introuvable|attendu)\b/i;
const STACK = /at .*\.ts:\d+/;

let database: Database$;
let client: ReturnType<typeof testClient>;
let national: Record<string, string>;
let caf69: Record<string, string>;
let validIds: string[];
let before: Fingerprint;

type Fingerprint = Record<string, { n: number; h?: string }>;

/** Row counts of every table, and a content hash of every table but the two that grow with logins. */
async function fingerprint(db: Db): Promise<Fingerprint> {
  const out: Fingerprint = {};
  for (const t of BACKUP_TABLES) {
    const countOnly = t === 'sessions' || t === 'audit_events';
    const r = countOnly
      ? await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(db)
      : await sql<{ n: number; h: string }>`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${sql.table(t)} x`.execute(db);
    const row = r.rows[0] as { n: number; h?: string };
    out[t] = { n: Number(row.n), ...(row.h !== undefined ? { h: row.h } : {}) };
  }
  return out;
}

/** Percent-encodes every byte but the unreserved ones (lone surrogates become U+FFFD, as a browser would send). */
const pct = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

const oddStrings = [
  '', ' ', '-1', '0', '1e20', '1e400', '-0', '0x10', 'NaN', 'Infinity', 'abc', '../', '../../etc/passwd', '..%2F..%2F', '%', '%zz', '%00', '%ED%A0%80',
  '\u0000', 'a\u0000b', '\ud800', '\udfff', '\u202eRTL\u202c', 'مرحبا', '🏠👨‍👩‍👧', 'null', 'undefined', 'true', '[]', '{}', '"', '\'; drop table users; --',
  '2A', '2B', '13', '69', '84', '93', '971', '2025', '1999', '99999999999999999999', ' 69 ', '69\n', HUGE,
];
const weird = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...oddStrings) },
  { weight: 2, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
);

/** A value in a path or query: percent-encoded, or raw (let the URL parser cope). */
const urlPart = fc.tuple(weird, fc.boolean()).map(([s, raw]) => (raw ? s.replace(/[#?/]/g, '') : pct(s)));

const absurdIds = ['-1', '0', '1e20', 'abc', '..', '%2E%2E%2F', '1.5', '00000000001', '1%00', '999999999', '2147483648', '9'.repeat(30)];

function queryArb(doc: RouteDoc) {
  const known = doc.query ? Object.keys(doc.query.shape) : [];
  const key = fc.oneof(fc.constantFrom(...known, 'page', 'pageSize', 'level', 'code', 'q', '__proto__', 'constructor'), weird.map(pct));
  return fc.oneof(
    fc.array(fc.tuple(key, urlPart), { maxLength: 5 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
    fc.constantFrom('', '&&&', '=', 'page=1&page=abc', 'page[]=1', 'q', `q=${HUGE}`, '%', 'level=region&code=%00', 'q=%00', 'q=a%00b', 'level=departement&code=2A', 'pageSize=0', 'page=-1'),
  );
}

const bodyArb = (doc: RouteDoc) => {
  const fields = doc.body && 'shape' in doc.body ? Object.keys((doc.body as unknown as { shape: Record<string, unknown> }).shape) : ['email', 'password'];
  const fieldValue = fc.oneof(weird, fc.integer(), fc.boolean(), fc.constant(null), fc.array(weird, { maxLength: 3 }), fc.object({ maxDepth: 2 }));
  return fc.oneof(
    fc.constant(undefined),
    fc.json(),
    fc.string(),
    fc.dictionary(fc.constantFrom(...fields), fieldValue).map((o) => JSON.stringify(o)),
    fc.constantFrom('{', '{"email":', '\u0000', '\ufeff{}', 'null', '[]', '"x"', '1e400', '{"email":"a@b.fr"}', '{"password":"x"}',
      '{"email":"\\u0000@b.fr","password":"x"}', '{"email":"a@b.fr","password":"\\ud800"}', `{"email":"${HUGE}@b.fr","password":"x"}`,
      '['.repeat(100_000) + ']'.repeat(100_000), '{"__proto__":{"admin":true},"email":"a@b.fr","password":"x"}', 'x'.repeat(1_100_000)),
  );
};
const contentType = fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain',
  'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '', undefined);

type Who = 'anonymous' | 'national' | 'caf69' | 'national-bad-token';

interface Case { who: Who; method: string; params: string[]; query: string; body?: string; type?: string }

function caseArb(doc: RouteDoc) {
  const names = [...doc.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const isRead = doc.method === 'get';
  // Writes only get ids that name nothing, so a success could only mean garbage was accepted. The URL parser
  // drops tabs and newlines anywhere ('69\n' reaches the server as 69): judge the part as it will arrive.
  const param = isRead
    ? fc.oneof(fc.constantFrom(...absurdIds), fc.constantFrom(...validIds), urlPart)
    : fc.oneof(fc.constantFrom(...absurdIds), urlPart.filter((p) => !/^\d{1,9}$/.test(p.replace(/[\t\n\r]/g, ''))));
  const method = doc.method.toUpperCase();
  return fc.record({
    who: fc.constantFrom<Who>('anonymous', 'national', 'caf69', 'national-bad-token'),
    method: fc.oneof({ weight: 6, arbitrary: fc.constant(method) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS') }),
    params: fc.tuple(...names.map(() => param)),
    query: queryArb(doc),
    body: bodyArb(doc),
    type: contentType,
  }) as fc.Arbitrary<Case>;
}

function headersFor(who: Who): Record<string, string> {
  if (who === 'national') return { ...national };
  if (who === 'caf69') return { ...caf69 };
  if (who === 'national-bad-token') return { cookie: national.cookie, 'x-csrf-token': 'pas-le-bon-jeton' };
  return {};
}

async function send(doc: RouteDoc, k: Case) {
  let i = 0;
  const path = doc.path.replace(/:(\w+)/g, () => k.params[i++]) + (k.query ? `?${k.query}` : '');
  const headers = headersFor(k.who);
  if (k.type !== undefined) headers['content-type'] = k.type;
  const hasBody = k.body !== undefined && k.method !== 'GET' && k.method !== 'HEAD';
  let req: Request;
  try {
    req = new Request(`http://localhost${path}`, { method: k.method, headers, ...(hasBody ? { body: k.body } : {}) });
  } catch {
    return undefined; // Not even a valid HTTP request: nothing a client could send.
  }
  const res = await client.app.request(req);
  // The live feed never ends: read nothing from an event stream.
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) { await res.body?.cancel(); return { path, res, text: '' }; }
  return { path, res, text: await res.text() };
}

/** What every answer to garbage must look like. */
function problems(doc: RouteDoc, k: Case, r: { path: string; res: Response; text: string }): string[] {
  const out: string[] = [];
  const { status } = r.res;
  if (status >= 500) out.push(`status ${status}`);
  if (STACK.test(r.text)) out.push('stack trace in body');
  if (status >= 400) {
    let body: { error?: { code?: unknown; message?: unknown } } | undefined;
    try { body = JSON.parse(r.text); } catch { out.push('error body is not JSON'); }
    const e = body?.error;
    if (!e || typeof e.code !== 'string' || !e.code || typeof e.message !== 'string' || !e.message.trim()) out.push('error body without {error:{code,message}}');
    else if (!FRENCH.test(e.message)) out.push(`message does not look French: ${e.message}`);
  } else if (k.method !== 'GET' && doc.path !== '/api/auth/login' && doc.path !== '/api/auth/logout') {
    out.push(`a write accepted garbage (${status})`);
  }
  return out.map((p) => `${k.method} ${r.path.slice(0, 200)} as ${k.who}: ${p} — ${r.text.slice(0, 200)}`);
}

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  const lyon = await database.db.selectFrom('structures').select('id').where('name', '=', 'Centre social de la Croix-Rousse').executeTakeFirstOrThrow();
  const year = await database.db.selectFrom('campaigns').select((eb) => eb.fn.max('year').as('y')).executeTakeFirstOrThrow();
  validIds = [String(lyon.id), String(year.y), '1'];
  national = await client.loginAs(DEMO.national);
  caf69 = await client.loginAs(DEMO.caf69);
  before = await fingerprint(database.db);
});
afterAll(() => database?.close());

describe('bad input', () => {
  it('covers routes (the list comes from allRouteDocs)', () => {
    expect(allRouteDocs.length).toBeGreaterThanOrEqual(15);
  });

  for (const doc of allRouteDocs) {
    it(`${doc.method.toUpperCase()} ${doc.path}: ${RUNS} generated requests`, async () => {
      // Logging out, or out of one's other sessions, takes no input: with a valid token any request is a
      // legitimate change, so the signed-in cases send a wrong token there.
      const arb = doc.path === '/api/auth/logout' || doc.path === '/api/account/sessions/end-others'
        ? caseArb(doc).map((k) => (k.who === 'national' || k.who === 'caf69' ? { ...k, who: 'national-bad-token' as const } : k))
        : caseArb(doc);
      await fc.assert(fc.asyncProperty(arb, async (k) => {
        const r = await send(doc, k);
        if (!r) return true;
        const p = problems(doc, k, r);
        if (p.length) throw new Error(p.join('\n'));
        return true;
      }), { numRuns: RUNS, seed: SEED, endOnFailure: true });
    });

    it(`${doc.method.toUpperCase()} ${doc.path}: absurd ids`, async () => {
      const names = [...doc.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      if (names.length === 0) return;
      const found: string[] = [];
      for (const id of absurdIds) {
        for (const who of ['anonymous', 'national'] as const) {
          const k: Case = { who, method: doc.method.toUpperCase(), params: names.map(() => id), query: '', body: '{}', type: 'application/json' };
          const r = await send(doc, k);
          if (!r) continue;
          found.push(...problems(doc, k, r));
          // Well-formed but unknown ids (0, 999999999) may meet the login check first: 401 for the visitor.
          const accepted = who === 'anonymous' ? [400, 401, 404] : [400, 404];
          if (!accepted.includes(r.res.status)) found.push(`${k.method} ${r.path} as ${who}: expected 404, got ${r.res.status}`);
        }
      }
      expect(found).toEqual([]);
    });
  }

  it('a body over 1 MB is a 413 with the JSON error shape', async () => {
    const res = await client.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@b.fr', password: 'x'.repeat(1_100_000) }) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('a NUL character in a search is a 400, not a database error', async () => {
    for (const path of ['/api/structures?q=a%00b', '/api/territories/communes?q=%00']) {
      const res = await client.request(path);
      expect(res.status, path).toBe(400);
      expect((await res.json()).error.message).toMatch(/nul/);
    }
  });

  it('changed nothing in the database', async () => {
    expect(await fingerprint(database.db)).toEqual(before);
  });
});
