import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { testClient } from '../../../testing/http';
import { externalExample } from '../../external/externalExample';
import { importExternal } from '../../external/importExternal';
import { runQuality } from '../../quality/runQuality';
import { buildPlaquette, plaquetteSource } from '../../reports/buildPlaquette';
import { buildAllPlaquettes } from '../../reports/buildAllPlaquettes';
import { buildFactSheet } from '../../reports/buildFactSheet';
import { DEMO_CENTRE } from '../../../domain/demo/structures';
import type { Actor } from '../../../domain/roles';
import { releaseCampaign } from '../../publication/publishRelease';
import { closeHeavyPool, heavyParallelism, runHeavy, setHeavyWorkers } from './pool';
import { prepareContext, restoredContext } from './tasks';
import { getCampaignByYear } from '../../../db/campaign.repo';
import { qualityRows } from '../../../db/quality.repo';
import { toCheck } from '../../quality/qualityContext';
import { questionnaireVersion } from '../../questionnaires/questionnaireVersions';
import { defaultPeerOptions } from '../../../domain/quality/peers';

let database: Database$;
let example: Uint8Array;
/** The last closed campaign, published: the plaquettes' year. */
let published: number;
beforeAll(async () => {
  database = await openTestDatabase();
  example = await externalExample({ db: database.db, year: 2024 });
  published = (await database.db.selectFrom('campaigns').select((eb) => eb.fn.max('year').as('y')).executeTakeFirstOrThrow()).y as number - 1;
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

  it('renders plaquettes and fact sheets in a worker thread to the very bytes rendered inline', async () => {
    const national: Actor = { userId: 1, memberships: [{ role: 'national_admin' }] };
    const centre = (await database.db.selectFrom('structures').select('id').where('name', '=', DEMO_CENTRE.name).executeTakeFirstOrThrow()).id;
    const source = await plaquetteSource({ db: database.db, year: published });
    const render = async () => ({
      // A fresh memo each time: the PDF is drawn, not taken from the population's memo.
      plaquette: (await buildPlaquette({ db: database.db, year: published, level: 'departement', code: '69', source: { ...source, memo: new Map() } })).pdf,
      factSheet: (await buildFactSheet({ db: database.db, actor: national, structureId: centre, year: published })).pdf,
    });
    setHeavyWorkers(false);
    expect(heavyParallelism()).toBe(1);
    const inline = await render();
    setHeavyWorkers(true);
    expect(heavyParallelism()).toBeGreaterThanOrEqual(1);
    const threaded = await render();
    for (const doc of ['plaquette', 'factSheet'] as const) {
      expect(Buffer.isBuffer(threaded[doc]), doc).toBe(true);
      expect(threaded[doc].subarray(0, 5).toString(), doc).toBe('%PDF-');
      expect(threaded[doc].equals(inline[doc]), doc).toBe(true);
    }
    // A région's batch: the région first, then its départements, in order, whatever finishes first.
    const made: string[] = [];
    const batch = await buildAllPlaquettes({ db: database.db, year: published, region: '84', onPlaquette: (r) => { made.push(`${r.level}:${r.code}`); } });
    expect(made[0]).toBe('region:84');
    expect(made).toContain('departement:69');
    expect(made.length).toBe(batch.count);
    expect(made.slice(1)).toEqual([...made.slice(1)].sort());
    await expect(buildAllPlaquettes({ db: database.db, year: published, region: '99', onPlaquette: () => {} })).rejects.toThrow(/Région introuvable/);
  }, 120_000);

  it('builds and audits a release in a worker thread to the very summary built inline', async () => {
    const preview = () => releaseCampaign({ db: database.db, year: published, dryRun: true, publishedBy: null });
    setHeavyWorkers(false);
    const inline = await preview();
    setHeavyWorkers(true);
    const threaded = await preview();
    expect(threaded).toEqual(inline);
    expect(threaded.summary.responses).toBeGreaterThan(10);
    expect(threaded.summary.audit.sensitive).toBeGreaterThan(0);
    expect(threaded.summary.audit.pinned).toBe(0);
  }, 120_000);

  it('keeps /api/health answering within 200 ms (median) while an import is parsed, a campaign checked and a batch of plaquettes drawn', async () => {
    // SENACS_TEST_HEAVY_INLINE=1 runs the same work in the event loop: then one health call gets through, and this fails.
    setHeavyWorkers(process.env.SENACS_TEST_HEAVY_INLINE !== '1');
    const client = testClient(database);
    const file = bigger(250);
    // The plaquettes are drawn, not taken from a memo filled by the test above.
    const source = await plaquetteSource({ db: database.db, year: published });
    source.memo.clear();
    const busy = { import: true, quality: true, plaquettes: true };
    const work = Promise.all([
      importExternal({ db: database.db, actor: null, dataset: 'elisfa', year: 2024, bytes: file, dryRun: true }).finally(() => { busy.import = false; }),
      runQuality({ db: database.db, year: 2025 }).finally(() => { busy.quality = false; }),
      // A région's plaquettes (the région and its twelve départements), as `senacs report` or a page asking for them would.
      buildAllPlaquettes({ db: database.db, year: published, region: '84', onPlaquette: () => {} }).finally(() => { busy.plaquettes = false; }),
    ]);
    const times: number[] = [];
    const duringPlaquettes: number[] = [];
    while (busy.import || busy.quality || busy.plaquettes) {
      const drawing = busy.plaquettes;
      const t = performance.now();
      const res = await client.request('/api/health');
      expect(res.status).toBe(200);
      times.push(performance.now() - t);
      if (drawing) duringPlaquettes.push(performance.now() - t);
      await new Promise((ok) => setTimeout(ok, 10));
    }
    const [imported, quality, plaquettes] = await work;
    expect(imported.counts.rows).toBeGreaterThan(1000);
    expect(quality.responses).toBeGreaterThan(10);
    expect(plaquettes.count).toBeGreaterThanOrEqual(10);
    expect(times.length).toBeGreaterThanOrEqual(5);
    // Drawn in the event loop, each plaquette holds the calls made meanwhile for its whole rendering: few get through, slowly.
    expect(duringPlaquettes.length).toBeGreaterThanOrEqual(5);
    console.log(`health while busy: ${times.length} calls, median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms; `
      + `while ${plaquettes.count} plaquettes were drawn (${plaquettes.seconds.toFixed(1)} s): ${duringPlaquettes.length} calls, median ${median(duringPlaquettes).toFixed(1)} ms`);
    expect(median(times)).toBeLessThan(200);
    expect(median(duringPlaquettes)).toBeLessThan(200);
  }, 180_000);
});
