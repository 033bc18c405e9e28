import type { Db } from '../../db/connection';
import { getCampaignByYear } from '../../db/campaign.repo';
import { qualityRows, storeQuality } from '../../db/quality.repo';
import { AppError } from '../../domain/errors';
import { externalDatasetsRead } from '../../domain/questionnaire/functions';
import { responseIdsOfStructures } from '../../db/response.repo';
import { campaignQualityContext, externalForRows, rememberQualityContext, toCheck } from './qualityContext';
import { questionnaireVersion } from '../questionnaires/questionnaireVersions';
import { runHeavy } from '../infra/heavy/pool';
import { portableContext, restoredContext } from '../infra/heavy/tasks';
import type { Catalog } from '../../domain/questionnaire/types';
import { responseQuestionnaire } from '../responses/responseQuestionnaire';

export interface QualityRunSummary { year: number; responses: number; findings: number; meanScore: number | null; seconds: number }

/**
 * Checks every response of a campaign: statistics once, then each response with its own questionnaire
 * (national version plus its territory's local questions); stores findings and scores.
 * With `structureIds`, re-checks only their responses against the campaign's (cached) statistics; with
 * `readsDataset`, only those whose questionnaire reads that external data set with ext().
 * @example await runQuality({ db, year: 2025, onProgress: (done, total) => console.log(done, total) });
 */
export async function runQuality(p: {
  db: Db; year: number; onProgress?: (done: number, total: number, step: string) => void;
  structureIds?: readonly number[]; readsDataset?: string;
}): Promise<QualityRunSummary> {
  const campaign = await getCampaignByYear(p.db, p.year);
  if (!campaign) throw new AppError('not_found', `Aucune campagne pour l’année ${p.year}.`);
  if (!campaign.questionnaire_id) throw new AppError('conflict', 'Aucun questionnaire n’est associé à cette campagne.');
  return checkCampaign({ ...campaign, questionnaire_id: campaign.questionnaire_id }, p);
}

/**
 * After an external data set changed: re-checks the responses of the structures concerned whose
 * questionnaire reads that data set; answers how many (0 when the year has no campaign to check).
 * @example await recheckDatasetReaders({ db, year: 2024, dataset: 'elisfa', structureIds: [12, 40] }) // 2
 */
export async function recheckDatasetReaders(p: {
  db: Db; year: number; dataset: string; structureIds: readonly number[]; onProgress?: (done: number, total: number, step: string) => void;
}): Promise<number> {
  if (p.structureIds.length === 0) return 0;
  const campaign = await getCampaignByYear(p.db, p.year);
  if (!campaign?.questionnaire_id) return 0;
  return (await checkCampaign({ ...campaign, questionnaire_id: campaign.questionnaire_id }, { ...p, readsDataset: p.dataset })).responses;
}

type CheckedCampaign = NonNullable<Awaited<ReturnType<typeof getCampaignByYear>>> & { questionnaire_id: number };

async function checkCampaign(campaign: CheckedCampaign, p: Parameters<typeof runQuality>[0]): Promise<QualityRunSummary> {
  const started = performance.now();
  p.onProgress?.(0, 0, 'lecture des réponses');
  const some = p.structureIds && await responseIdsOfStructures(p.db, p.year, p.structureIds);
  if (some?.length === 0) return { year: p.year, responses: 0, findings: 0, meanScore: null, seconds: (performance.now() - started) / 1000 };
  const rows = await qualityRows(p.db, campaign, some);
  const external = await externalForRows(p.db, campaign.year, rows);
  // Database reads here; the engine's work (statistics, every response) in a worker thread (heavy/pool.ts).
  const catalogs: Catalog[] = [];
  const catalogIndex = new Map<Catalog, number>();
  const picked: { row: (typeof rows)[number]; catalog: number }[] = [];
  const readers = new Map<object, boolean>();
  const reads = (catalog: object & Parameters<typeof externalDatasetsRead>[0]) =>
    readers.get(catalog) ?? readers.set(catalog, externalDatasetsRead(catalog).has(p.readsDataset!)).get(catalog)!;
  for (const row of rows) {
    const { catalog } = await responseQuestionnaire(p.db, {
      campaign_id: campaign.id, campaign_state: campaign.state, questionnaire_id: campaign.questionnaire_id,
      departement_code: row.departementCode, region_code: row.regionCode,
    });
    if (p.readsDataset && !reads(catalog)) continue;
    if (!catalogIndex.has(catalog)) catalogIndex.set(catalog, catalogs.push(catalog) - 1);
    picked.push({ row, catalog: catalogIndex.get(catalog)! });
  }
  p.onProgress?.(0, picked.length, 'contrôle');
  // A full run prepares the campaign statistics from every response (sent once when all are checked).
  const context = some ? portableContext(await campaignQualityContext(p.db, campaign)) : {
    prepareWith: (await questionnaireVersion(p.db, campaign.questionnaire_id)).catalog,
    ...(picked.length < rows.length ? { prepareFrom: rows.map((r) => toCheck(r, campaign.year)) } : {}),
  };
  const checked = await runHeavy('checkResponses', {
    responses: picked.map(({ row }) => toCheck(row, campaign.year, external)), catalogs, catalogOf: picked.map((x) => x.catalog), context,
  });
  if (!some) rememberQualityContext(p.db, campaign.year, restoredContext(checked.context));
  const results = picked.map(({ row }, i) => ({ responseId: row.responseId, ...checked.results[i] }));
  const findings = results.reduce((n, r) => n + r.findings.length, 0);
  const total = results.reduce((n, r) => n + r.score, 0);
  p.onProgress?.(rows.length, rows.length, 'enregistrement');
  await storeQuality(p.db, results);
  return { year: p.year, responses: results.length, findings, meanScore: results.length ? Math.round((total / results.length) * 10) / 10 : null, seconds: (performance.now() - started) / 1000 };
}
