import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database$ } from '../../db/connection';
import { DEMO_CENTRE } from '../../domain/demo/structures';
import { DEMO, testClient } from '../../testing/http';
import { openTestDatabase } from '../../testing/testDb';
import { setCsrfToken } from '../lib/api';
import { Saver } from './saver';
import { FillingStore } from './store';

/**
 * The autosave of the filling page against the real API (the Hono app over a test database), in Node:
 * `fetch` goes to the app with the director's session, `window` is a bare EventTarget with a
 * localStorage over a Map, and the network can be cut.
 */

const CODE = 'finances.produits';
let database: Database$;
let client: ReturnType<typeof testClient>;
let responseId: number;
let director: Record<string, string>;
let team: Record<string, string>;
let me: { id: number; name: string };

/** What the page does on a visit: the store filled from GET /api/responses/:id. */
async function visit(): Promise<FillingStore> {
  const res = await client.request(`/api/responses/${responseId}`, { headers: director });
  const view = (await res.json()) as { answers: { code: string; value: unknown; version: number; authorName: string | null; updatedAt: string | null; prefilled: boolean }[] };
  const store = new FillingStore();
  store.answers = new Map(view.answers.map((a) => [a.code, { code: a.code, value: a.value, version: a.version, author: a.authorName, at: a.updatedAt, prefilled: a.prefilled }]));
  return store;
}

/** The answer as the database holds it. */
const stored = () => database.db.selectFrom('answers').select(['value', 'version']).where('response_id', '=', responseId).where('code', '=', CODE).executeTakeFirst();

/** A colleague saves the answer from her own page. */
async function colleagueSaves(value: number) {
  const version = (await stored())?.version ?? 0;
  const res = await client.request(`/api/responses/${responseId}/answers/${CODE}`, {
    method: 'PUT', headers: { ...team, 'content-type': 'application/json' }, body: JSON.stringify({ value, baseVersion: version }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { version: number };
}

async function until(what: string, ok: () => boolean, ms = 8000) {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`still waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const net = { down: false, puts: [] as { code: string; body: { value: unknown; baseVersion: number } }[] };
const storage = new Map<string, string>();
const queued = () => JSON.parse(storage.get(`senacs:edits:${responseId}:${me.id}`) ?? '[]') as { code: string; value: unknown; baseVersion: number }[];
let savers: Saver[] = [];
const saverOf = (store: FillingStore, applyToForm: (code: string, value: unknown) => void = () => {}) => {
  const s = new Saver(store, responseId, me, applyToForm);
  savers.push(s);
  return s;
};

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  const r = await database.db.selectFrom('responses').innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id').innerJoin('structures', 'structures.id', 'responses.structure_id')
    .select('responses.id').where('structures.name', '=', DEMO_CENTRE.name).where('campaigns.state', '=', 'open').executeTakeFirstOrThrow();
  responseId = r.id;
  director = await client.loginAs(DEMO.director);
  team = await client.loginAs(DEMO.team);
  const user = await database.db.selectFrom('users').select(['id', 'name']).where('email', '=', DEMO.director).executeTakeFirstOrThrow();
  me = { id: user.id, name: user.name };
  setCsrfToken(director['x-csrf-token']);
  vi.stubGlobal('navigator', { onLine: true });
  vi.stubGlobal('window', Object.assign(new EventTarget(), {
    localStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) },
  }));
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    if (net.down) throw new TypeError('fetch failed');
    const m = /\/answers\/([^/?]+)$/.exec(url);
    if (init.method === 'PUT' && m) net.puts.push({ code: decodeURIComponent(m[1]), body: JSON.parse(String(init.body)) });
    return client.app.request(url, { ...init, headers: { ...(init.headers as Record<string, string>), cookie: director.cookie } });
  });
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await database?.close();
});
beforeEach(() => { net.down = false; net.puts = []; storage.clear(); });
afterEach(() => { for (const s of savers) s.stop(); savers = []; });

describe('autosave', () => {
  it('sends a burst of typing as one PUT with the last value, from the version the page knew', async () => {
    const store = await visit();
    const base = store.answers.get(CODE)?.version ?? 0;
    const saver = saverOf(store);
    // Typing: a key every 150 ms, faster than the 600 ms pause that sends.
    for (const v of [1, 12, 123, 1234, 12345]) {
      saver.edit(CODE, v);
      await new Promise((r) => setTimeout(r, 150));
    }
    expect(net.puts).toEqual([]);
    expect(store.status).toBe('saving');
    expect(store.pending.has(CODE)).toBe(true);
    expect(queued()).toEqual([{ code: CODE, value: 12345, baseVersion: base }]);
    await until('saved', () => store.status === 'saved' && store.pending.size === 0);
    expect(net.puts).toEqual([{ code: CODE, body: { value: 12345, baseVersion: base } }]);
    expect(await stored()).toMatchObject({ value: 12345, version: base + 1 });
    expect(store.answers.get(CODE)).toMatchObject({ value: 12345, version: base + 1, author: me.name });
    expect(queued()).toEqual([]);
  });

  it('turns a stale write into a conflict to settle; keeping mine writes on top of theirs', async () => {
    const store = await visit();
    const saver = saverOf(store);
    const theirs = await colleagueSaves(777);
    saver.edit(CODE, 888);
    await until('conflict', () => store.conflicts.length === 1);
    expect(net.puts).toHaveLength(1);
    expect(store.conflicts[0]).toMatchObject({ code: CODE, mine: 888, theirs: { value: 777, version: theirs.version } });
    expect(await stored()).toMatchObject({ value: 777 });
    // The conflict is kept (and persisted) until the person chooses; typing on updates "mine".
    saver.edit(CODE, 889);
    expect(store.conflicts[0].mine).toBe(889);
    await new Promise((r) => setTimeout(r, 800));
    expect(net.puts).toHaveLength(1);
    saver.resolve(CODE, 'mine');
    await until('saved', () => store.conflicts.length === 0 && store.pending.size === 0 && store.status === 'saved');
    expect(net.puts[1].body).toEqual({ value: 889, baseVersion: theirs.version });
    expect(await stored()).toMatchObject({ value: 889, version: theirs.version + 1 });
  });

  it('keeping theirs drops mine, puts theirs in the form and sends nothing', async () => {
    const store = await visit();
    const applied: [string, unknown][] = [];
    const saver = saverOf(store, (code, value) => applied.push([code, value]));
    const theirs = await colleagueSaves(4242);
    saver.edit(CODE, 1);
    await until('conflict', () => store.conflicts.length === 1);
    saver.resolve(CODE, 'theirs');
    expect(applied).toEqual([[CODE, 4242]]);
    expect(store.answers.get(CODE)).toMatchObject({ value: 4242, version: theirs.version });
    expect(store.pending.size).toBe(0);
    expect(queued()).toEqual([]);
    await new Promise((r) => setTimeout(r, 700));
    expect(net.puts).toHaveLength(1);
    expect(await stored()).toMatchObject({ value: 4242, version: theirs.version });
  });

  it('keeps edits made offline in the browser and sends them after a reload, or when the network is back', async () => {
    const store = await visit();
    const base = store.answers.get(CODE)!.version;
    const saver = saverOf(store);
    net.down = true;
    saver.edit(CODE, 31415);
    await until('offline', () => store.status === 'offline' && store.offline);
    expect(queued()).toEqual([{ code: CODE, value: 31415, baseVersion: base }]);
    saver.stop();

    // The page is closed and opened again, still offline: the edit comes back from localStorage.
    const again = await visit();
    const restored = saverOf(again);
    expect(restored.restore()).toEqual([{ code: CODE, value: 31415, baseVersion: base }]);
    restored.start();
    await until('offline again', () => again.status === 'offline');
    expect(await stored()).toMatchObject({ version: base });
    // The network comes back: the browser's `online` event sends it.
    net.down = false;
    window.dispatchEvent(new Event('online'));
    await until('saved', () => again.status === 'saved' && again.pending.size === 0);
    expect(net.puts.at(-1)).toEqual({ code: CODE, body: { value: 31415, baseVersion: base } });
    expect(await stored()).toMatchObject({ value: 31415, version: base + 1 });
    expect(queued()).toEqual([]);
  });

  it('stops resending a value the server refuses for good, and says why in French', async () => {
    const store = await visit();
    const before = await stored();
    const saver = saverOf(store);
    saver.edit(CODE, 'beaucoup');
    await until('error', () => store.status === 'error');
    expect(store.fieldErrors.get(CODE)).toMatch(/nombre/);
    expect(store.pending.size).toBe(0);
    expect(queued()).toEqual([]);
    expect(await stored()).toEqual(before);
    // Editing again clears the message.
    saver.edit(CODE, 2);
    expect(store.fieldErrors.has(CODE)).toBe(false);
    await until('saved', () => store.status === 'saved');
  });
});
