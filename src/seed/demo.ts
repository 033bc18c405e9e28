import type { Db } from '../db/connection';
import { forgetCampaignYears } from '../db/aggregation.repo';
import { analyzeTables, insertInChunks } from '../db/bulk';
import { countStructures, forgetDirectoryPages } from '../db/structure.repo';
import { generateStructures, type DemoCommune } from '../domain/demo/structures';
import { demoCampaigns, generateResponses } from '../domain/demo/campaign';
import { loadGeography } from './geography';
import { insertQuestionnaire } from '../db/questionnaire.repo';
import { readDefinitionSync } from '../app/questionnaires/readDefinition';
import { runQuality } from '../app/quality/runQuality';
import { releaseCampaign } from '../app/publication/publishRelease';
import { seedPartners } from './partners';
import { seedActionSheets } from './actionSheets';

export type Progress = (step: string, done: number, total: number) => void;

export interface DemoSummary { structures: number; responses: number; answers: number; seconds: number }

/**
 * Seeds the demo campaign into an empty database: geography, structures, three campaigns, responses
 * and answers. Deterministic: the same scale gives the same data.
 * @example await seedDemo(db, { scale: 1, onProgress: console.log });
 */
export async function seedDemo(db: Db, opts: { scale?: number; onProgress?: Progress } = {}): Promise<DemoSummary> {
  const t0 = Date.now();
  const scale = opts.scale ?? 1;
  const progress = opts.onProgress ?? (() => {});
  if ((await countStructures(db)) > 0) throw new Error('La base contient déjà des structures : le jeu de démonstration ne se charge que dans une base vide.');
  const hasGeo = await db.selectFrom('communes').select('code').limit(1).executeTakeFirst();
  if (!hasGeo) await loadGeography(db, (d, t) => progress('Géographie (communes)', d, t));

  const communes = await db.selectFrom('communes').selectAll().execute() as DemoCommune[];
  const structures = generateStructures(communes, scale);
  progress('Structures', 0, structures.length);
  const ids = new Map<number, number>();
  await db.transaction().execute(async (tx) => {
    const rows = structures.map(({ key: _k, approvals: _a, size: _s, communePopulation: _p, qpv_codes, ...s }) => ({ ...s, qpv_codes: JSON.stringify(qpv_codes) }));
    for (let i = 0; i < rows.length; i += 1000) {
      const inserted = await tx.insertInto('structures').values(rows.slice(i, i + 1000)).returning('id').execute();
      inserted.forEach((row, j) => ids.set(structures[i + j].key, row.id));
      progress('Structures', Math.min(i + 1000, rows.length), rows.length);
    }
    await insertInChunks(tx, 'approvals', structures.flatMap((s) => s.approvals.map((a) => ({ structure_id: ids.get(s.key)!, ...a }))));
  });

  const campaignIds = new Map<number, number>();
  for (const c of demoCampaigns) {
    const questionnaireId = await insertQuestionnaire(db, { year: c.year, version: 1, definition: readDefinitionSync(c.year) });
    const row = await db.insertInto('campaigns').values({ ...c, questionnaire_id: questionnaireId }).returning('id').executeTakeFirstOrThrow();
    campaignIds.set(c.year, row.id);
  }
  forgetCampaignYears();
  forgetDirectoryPages();

  let responses = 0;
  let answers = 0;
  const batch = 250;
  for (let i = 0; i < structures.length; i += batch) {
    const chunk = structures.slice(i, i + batch).flatMap((s) => generateResponses(s));
    await db.transaction().execute(async (tx) => {
      const inserted = await tx.insertInto('responses').values(chunk.map((r) => ({
        structure_id: ids.get(r.structureKey)!, campaign_id: campaignIds.get(r.year)!, state: r.state,
        submitted_at: ['submitted', 'returned', 'validated', 'locked'].includes(r.state) ? new Date(`${r.year + 1}-05-15T10:00:00Z`) : null,
        validated_at: ['validated', 'locked'].includes(r.state) ? new Date(`${r.year + 1}-06-20T10:00:00Z`) : null,
      }))).returning('id').execute();
      const rows = chunk.flatMap((r, j) => Object.entries(r.answers).map(([code, value]) => ({ response_id: inserted[j].id, code, value: JSON.stringify(value) })));
      await insertInChunks(tx, 'answers', rows, 20_000);
      responses += chunk.length;
      answers += rows.length;
    });
    progress('Réponses', Math.min(i + batch, structures.length), structures.length);
  }
  await seedActionSheets(db);
  await seedPartners(db, (d, t) => progress('Partenaires', d, t));
  await analyzeTables(db);
  // Findings and scores from the start, so the cockpit shows a real quality distribution.
  for (const c of demoCampaigns) await runQuality({ db, year: c.year, onProgress: (done, total) => progress(`Qualité ${c.year}`, done, total) });
  // Each closed year has its published release, as a real observatory would; the open year has none yet.
  const closed = demoCampaigns.filter((c) => c.state === 'closed');
  for (const [i, c] of closed.entries()) {
    progress('Publication des chiffres', i, closed.length);
    // Its files (open data, plaquettes) are built and stored on first request, not queued (see releaseCampaign).
    await releaseCampaign({ db, year: c.year, note: `Chiffres ${c.year} de la démonstration, publiés à la clôture de la campagne.`, publishedBy: null, queueFiles: false });
  }
  progress('Publication des chiffres', closed.length, closed.length);
  return { structures: structures.length, responses, answers, seconds: (Date.now() - t0) / 1000 };
}
