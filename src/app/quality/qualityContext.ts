import type { Db } from '../../db/connection';
import { externalValuesOf } from '../../db/external.repo';
import { qualityRows, type QualityRow } from '../../db/quality.repo';
import { peerGroupKeys } from '../../domain/quality/groups';
import type { QualityContext, ResponseToCheck } from '../../domain/quality/engine';
import { runHeavy } from '../infra/heavy/pool';
import { restoredContext } from '../infra/heavy/tasks';
import type { AnswerMap } from '../../domain/quality/types';
import { questionnaireVersion } from '../questionnaires/questionnaireVersions';

/** A campaign row as the quality use cases need it. */
export interface QualityCampaign { id: number; year: number; questionnaire_id: number | null }

/** A stored response as the engine checks it. */
export function toCheck(row: QualityRow, year: number, external?: ExternalByStructure): ResponseToCheck {
  const ext = external?.get(row.structureId);
  return {
    ...(ext ? { external: ext } : {}),
    structureKey: row.structureId, year, answers: row.answers as AnswerMap, comments: row.comments,
    history: row.history.map((h) => ({ year: h.year, answers: h.answers as AnswerMap })),
    groups: peerGroupKeys({ kind: row.kind, territoryType: row.territoryType, communePopulation: row.communePopulation }),
  };
}

/** External data sets of the year per structure (what `ext('dataset', 'field')` reads). */
export type ExternalByStructure = Map<number, Record<string, Record<string, unknown>>>;

/**
 * The imported external values (trusted matches only) of the structures of some quality rows, for their year.
 * @example const external = await externalForRows(db, 2025, rows); toCheck(rows[0], 2025, external)
 */
export function externalForRows(db: Db, year: number, rows: readonly { structureId: number }[]): Promise<ExternalByStructure> {
  return externalValuesOf(db, year, rows.map((r) => r.structureId));
}

/** Campaign statistics change slowly: a cached context serves per-response checks for this long. */
const maxAgeMs = 10 * 60_000;
const cache = new WeakMap<Db, Map<number, { at: number; context: Promise<QualityContext> }>>();

/**
 * Prepares the campaign statistics (peer groups, yearly spreads) from rows already read.
 * @example const ctx = await prepareQualityContext(db, campaign, rows);
 */
export async function prepareQualityContext(db: Db, campaign: QualityCampaign, rows: readonly QualityRow[]): Promise<QualityContext> {
  if (!campaign.questionnaire_id) throw new Error(`campaign ${campaign.year} has no questionnaire`);
  const { catalog } = await questionnaireVersion(db, campaign.questionnaire_id);
  // The statistics of a whole campaign take a while: in a worker thread under `senacs serve` (heavy/pool.ts).
  const context = restoredContext(await runHeavy('prepareContext', { responses: rows.map((r) => toCheck(r, campaign.year)), questionnaire: catalog }));
  rememberQualityContext(db, campaign.year, context);
  return context;
}

/**
 * Keeps campaign statistics prepared elsewhere (a full run in a worker thread) as the year's cached context.
 * @example rememberQualityContext(db, 2025, checked.context)
 */
export function rememberQualityContext(db: Db, year: number, context: QualityContext): void {
  let byDb = cache.get(db);
  if (!byDb) cache.set(db, (byDb = new Map()));
  byDb.set(year, { at: Date.now(), context: Promise.resolve(context) });
}

/**
 * The campaign's quality context, prepared once per process and year (and again after ten minutes, or
 * after a full run): one response is then re-checked in well under a millisecond of engine time.
 * @example const ctx = await campaignQualityContext(db, campaign);
 */
export function campaignQualityContext(db: Db, campaign: QualityCampaign): Promise<QualityContext> {
  let byDb = cache.get(db);
  if (!byDb) cache.set(db, (byDb = new Map()));
  const hit = byDb.get(campaign.year);
  if (hit && Date.now() - hit.at < maxAgeMs) return hit.context;
  const context = qualityRows(db, campaign).then((rows) => prepareQualityContext(db, campaign, rows));
  const entries = byDb;
  context.catch(() => entries.delete(campaign.year));
  byDb.set(campaign.year, { at: Date.now(), context });
  return context;
}
