import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../db/connection';
import { listCampaigns } from '../../db/campaign.repo';
import { openTestDatabase } from '../../testing/testDb';
import { questionnaireVersion, warmQuestionnaires } from './questionnaireVersions';

let database: Database$;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(async () => { await database.close(); });

describe('warmQuestionnaires', () => {
  it('loads every campaign’s questionnaire before the first request, which then finds it built', async () => {
    const ids = new Set((await listCampaigns(database.db)).map((c) => c.questionnaire_id).filter((id) => id !== null));
    expect(ids.size).toBeGreaterThan(0);
    expect(await warmQuestionnaires(database.db)).toBe(ids.size);
    for (const id of ids) {
      // Kept for the process: the same promise, already settled (no second read, no second build).
      const first = questionnaireVersion(database.db, id!);
      expect(questionnaireVersion(database.db, id!)).toBe(first);
      const settled = await Promise.race([first.then(() => 'built'), new Promise((ok) => setImmediate(() => ok('pending')))]);
      expect(settled).toBe('built');
      expect((await first).catalog.year).toBeGreaterThan(2000);
    }
  });
});
