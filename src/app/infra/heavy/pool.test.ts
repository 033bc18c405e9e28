import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { testClient } from '../../../testing/http';
import { externalExample } from '../../external/externalExample';
import { importExternal } from '../../external/importExternal';
import { runQuality } from '../../quality/runQuality';
import { closeHeavyPool, runHeavy, setHeavyWorkers } from './pool';
import { prepareContext, restoredContext } from './tasks';
import { getCampaignByYear } from '../../../db/campaign.repo';
import { qualityRows } from '../../../db/quality.repo';
import { toCheck } from '../../quality/qualityContext';
import { questionnaireVersion } from '../../questionnaires/questionnaireVersions';
import { defaultPeerOptions } from '../../../domain/quality/peers';

let database: Database$;
let example: Uint8Array;
beforeAll(async () => {
  database = await openTestDatabase();
  example = await externalExample({ db: database.db, year: 2024 });
});
afterAll(async () => { setHeavyWorkers(false); await closeHeavyPool(); await database.close(); });

/** The example with its data lines repeated: a file that takes the parser and the matcher a while. */
function bigger(times: number): Uint8Array {
  const [header, ...rows] = new TextDecoder().decode(example).trimEnd().split('\r\n');
  const out = [header];
  for (let i = 0; i < times; i++) out.push(...rows);
  return new TextEncoder().encode(`${out.join('\r\n')}\r\n`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('heavy work in worker threads', () => {
  it('gives the same quality run and the same import analysis in a worker thread as inline', async () => {
    const campaign = (await getCampaignByYear(database.db, 2025)) as { id: number; year: number; questionnaire_id: number };
    setHeavyWorkers(false);
    const inline = await runQuality({ db: database.db, year: 2025 });
    const inlineImport = await importExternal({ db: database.db, actor: null, dataset: 'elisfa', year: 2024, bytes: example, dryRun: true });
    setHeavyWorkers(true);
    const threaded = await runQuality({ db: database.db, year: 2025 });
    const threadedImport = await importExternal({ db: database.db, actor: null, dataset: 'elisfa', year: 2024, bytes: example, dryRun: true });
    expect({ ...threaded, seconds: 0 }).toEqual({ ...inline, seconds: 0 });
    expect(threaded.responses).toBeGreaterThan(10);
    expect({ ...threadedImport, proposals: threadedImport.proposals.length }).toEqual({ ...inlineImport, proposals: inlineImport.proposals.length });
    expect(threadedImport.counts.siret).toBeGreaterThan(10);
    // The campaign statistics alone (what a single re-check needs) cross threads whole, the peer metrics put back.
    const rows = await qualityRows(database.db, campaign);
    const statsInput = { responses: rows.map((r) => toCheck(r, 2025)), questionnaire: (await questionnaireVersion(database.db, campaign.questionnaire_id)).catalog };
    const stats = restoredContext(await runHeavy('prepareContext', statsInput));
    expect(stats).toEqual(restoredContext(prepareContext(statsInput)));
    expect(stats.peers?.options.metrics).toBe(defaultPeerOptions.metrics);
    // A task's failure in the worker comes back as a rejection.
    await expect(runHeavy('checkResponses', { responses: [], catalogs: [], catalogOf: [], context: undefined as never })).rejects.toThrow();
  }, 120_000);

  it('keeps /api/health answering within 200 ms (median) while an import is parsed and a campaign checked', async () => {
    // SENACS_TEST_HEAVY_INLINE=1 runs the same work in the event loop: then one health call gets through, and this fails.
    setHeavyWorkers(process.env.SENACS_TEST_HEAVY_INLINE !== '1');
    const client = testClient(database);
    const file = bigger(250);
    let busy = true;
    const work = Promise.all([
      importExternal({ db: database.db, actor: null, dataset: 'elisfa', year: 2024, bytes: file, dryRun: true }),
      runQuality({ db: database.db, year: 2025 }),
    ]).finally(() => { busy = false; });
    const times: number[] = [];
    while (busy) {
      const t = performance.now();
      const res = await client.request('/api/health');
      expect(res.status).toBe(200);
      times.push(performance.now() - t);
      await new Promise((ok) => setTimeout(ok, 10));
    }
    const [imported, quality] = await work;
    expect(imported.counts.rows).toBeGreaterThan(1000);
    expect(quality.responses).toBeGreaterThan(10);
    expect(times.length).toBeGreaterThanOrEqual(5);
    console.log(`health while busy: ${times.length} calls, median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
    expect(median(times)).toBeLessThan(200);
  }, 120_000);
});
