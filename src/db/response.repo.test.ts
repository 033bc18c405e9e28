import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Database$ } from './connection';
import { openTestDatabase } from '../testing/testDb';
import { answerHistory, getAnswer, insertComment, listAnswers, listComments, previousAnswers, validationInputs, writeAnswer } from './response.repo';

let database: Database$;
let responseId: number;
let authors: number[];
beforeAll(async () => {
  database = await openTestDatabase();
  const r = await database.db.selectFrom('responses').innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id')
    .select('responses.id').where('campaigns.year', '=', 2025).where('responses.state', 'in', ['not_started', 'in_progress']).orderBy('responses.id').executeTakeFirstOrThrow();
  responseId = r.id;
  authors = (await database.db.selectFrom('users').select('id').orderBy('id').limit(3).execute()).map((u) => u.id);
});
afterAll(() => database.close());

/** One editor's step: save a value on a code, from the version it last saw; on refusal, re-read (as the page does). */
const step = fc.record({ editor: fc.integer({ min: 0, max: 2 }), code: fc.constantFrom('x.a', 'x.b'), value: fc.integer({ min: 0, max: 1000 }) });

it('random interleavings of two and three editors lose no acknowledged write', async () => {
  let run = 0;
  await fc.assert(fc.asyncProperty(fc.integer({ min: 2, max: 3 }), fc.array(step, { minLength: 1, maxLength: 25 }), async (editors, steps) => {
    const prefix = `t${run++}`;
    const seen = Array.from({ length: editors }, () => new Map<string, number>());
    const acks: { code: string; version: number; value: number; author: number }[] = [];
    // Each editor runs its own steps in order; editors run concurrently, so the database sees them interleaved.
    await Promise.all(Array.from({ length: editors }, async (_, e) => {
      for (const s of steps.filter((x) => x.editor % editors === e)) {
        const code = `${prefix}.${s.code}`;
        const base = seen[e].get(code) ?? 0;
        const ok = await writeAnswer(database.db, { responseId, code, value: s.value, baseVersion: base, authorId: authors[e], kind: 'save' });
        if (ok) { seen[e].set(code, ok.version); acks.push({ code, version: ok.version, value: s.value, author: authors[e] }); continue; }
        const current = await getAnswer(database.db, responseId, code);
        seen[e].set(code, current?.version ?? 0);
      }
    }));
    for (const code of new Set(acks.map((a) => a.code))) {
      const mine = acks.filter((a) => a.code === code).sort((a, b) => a.version - b.version);
      const history = await answerHistory(database.db, responseId, code);
      // Every acknowledged write is in the history exactly once, with its own value, and versions have no gap:
      // so each later write was made by someone who had seen the one before it.
      expect(history.map((h) => h.version)).toEqual(mine.map((_, i) => i + 1));
      expect(history.map((h) => h.value)).toEqual(mine.map((a) => a.value));
      expect(history.slice(1).map((h) => h.previous)).toEqual(mine.slice(0, -1).map((a) => a.value));
      const final = await getAnswer(database.db, responseId, code);
      expect(final).toMatchObject({ version: mine.length, value: mine.at(-1)!.value });
    }
  }), { numRuns: 40 });
});

it('writes nothing into a response that left the structure’s hands meanwhile (checked in the same statement)', async () => {
  const r = await database.db.selectFrom('responses').innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id')
    .select('responses.id').where('campaigns.year', '=', 2025).where('responses.state', 'in', ['not_started', 'in_progress'])
    .where('responses.id', '!=', responseId).orderBy('responses.id').executeTakeFirstOrThrow();
  expect(await writeAnswer(database.db, { responseId: r.id, code: 'race.a', value: 1, baseVersion: 0, authorId: authors[0], kind: 'save' })).toEqual({ version: 1 });
  await database.db.updateTable('responses').set({ state: 'submitted' }).where('id', '=', r.id).execute();
  expect(await writeAnswer(database.db, { responseId: r.id, code: 'race.a', value: 2, baseVersion: 1, authorId: authors[0], kind: 'save' })).toBeUndefined();
  expect(await writeAnswer(database.db, { responseId: r.id, code: 'race.b', value: 2, baseVersion: 0, authorId: authors[0], kind: 'save' })).toBeUndefined();
  expect((await getAnswer(database.db, r.id, 'race.a'))?.value).toBe(1);
  expect(await getAnswer(database.db, r.id, 'race.b')).toBeUndefined();
});

it('reads what a whole-response check needs in one statement, as the separate reads give it', async () => {
  const db = database.db;
  const r = await db.selectFrom('responses').innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id')
    .select(['responses.id', 'responses.structure_id', 'campaigns.year']).where('campaigns.year', '=', 2025)
    .where('responses.state', '=', 'submitted').orderBy('responses.id').executeTakeFirstOrThrow();
  const [code, other] = (await listAnswers(db, r.id)).map((a) => a.code);
  await insertComment(db, { responseId: r.id, code: 'regle.a', authorId: authors[0], kind: 'justification', body: 'Première explication' });
  await insertComment(db, { responseId: r.id, code: 'regle.a', authorId: authors[1], kind: 'justification', body: 'Explication revue' });
  await insertComment(db, { responseId: r.id, code: code, authorId: authors[0], kind: 'comment', body: 'Simple remarque' });
  const inputs = await validationInputs(db, { id: r.id, structureId: r.structure_id, year: r.year });
  const comments: Record<string, string> = {};
  for (const c of await listComments(db, r.id)) if (c.kind === 'justification') comments[c.code] = c.body;
  expect(inputs.answers).toEqual(Object.fromEntries((await listAnswers(db, r.id)).map((a) => [a.code, a.value])));
  expect(inputs.answers).toHaveProperty(other);
  expect(inputs.previous).toEqual(await previousAnswers(db, r.structure_id, r.year));
  expect(Object.keys(inputs.previous).length).toBeGreaterThan(0);
  expect(inputs.justifications).toEqual(comments);
  expect(inputs.justifications).toEqual({ 'regle.a': 'Explication revue' });
  // A response without answers, comments or a previous campaign: empty, not missing.
  expect(await validationInputs(db, { id: -1, structureId: -1, year: 1990 })).toEqual({ answers: {}, previous: {}, justifications: {} });
});
