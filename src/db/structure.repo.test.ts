import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from './connection';
import { directoryPage, forgetDirectoryPages, listStructures } from './structure.repo';
import { openTestDatabase } from '../testing/testDb';

let database: Database$;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database.close());

describe('directoryPage', () => {
  it('answers what listStructures answers, keeps a page a second per filter and page, and reads again once forgotten', async () => {
    const db = database.db;
    const page = { offset: 0, limit: 5 };
    const first = await directoryPage(db, { departementCode: '69', kind: 'CS' }, page);
    expect(first).toEqual(await listStructures(db, { departementCode: '69', kind: 'CS' }, page));
    expect(first.items.length).toBeGreaterThan(0);
    expect(first.items[0]).not.toHaveProperty('matches');
    const id = first.items[0].id;
    const name = first.items[0].name;
    await db.updateTable('structures').set({ name: `${name} (renommé)` }).where('id', '=', id).execute();
    try {
      // The same filters in another order are the same page, still the one read a moment ago.
      expect((await directoryPage(db, { kind: 'CS', departementCode: '69' }, page)).items[0].name).toBe(name);
      // Another page is read now.
      expect((await directoryPage(db, { departementCode: '69', kind: 'CS' }, { offset: 0, limit: 6 })).items[0].name).toBe(`${name} (renommé)`);
      forgetDirectoryPages();
      expect((await directoryPage(db, { departementCode: '69', kind: 'CS' }, page)).items[0].name).toBe(`${name} (renommé)`);
    } finally {
      await db.updateTable('structures').set({ name }).where('id', '=', id).execute();
      forgetDirectoryPages();
    }
  });
});
