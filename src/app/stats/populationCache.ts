import type { Db } from '../../db/connection';
import { loadAggregationRecords, loadDirectoryPlaces, placesOf, populationFingerprint, type PopulationMode, type RecordPlace } from '../../db/aggregation.repo';
import { findRelease, latestReleaseId, releaseFigures, releaseRecords, type ReleaseInfo } from '../../db/release.repo';
import { preparePopulation, type AggregationRecord, type Population, type PublishedFigure } from '../../domain/disclosure';
import { AppError } from '../../domain/errors';

/**
 * A campaign's prepared population, as the gate needs it (always the whole campaign, never a filtered
 * subset), with what the server keeps beside it (coordinates, response states) and a memo of tables
 * already published from it. Nothing here leaves the server as is.
 *
 * The 'published' population is the year's latest *release*: the frozen population it was published from,
 * with its audited table (`releaseTable`). Public figures never read live responses, so they do not move
 * when one response is validated. The 'working' population is live, for those who follow a territory.
 */
export interface CampaignPopulation {
  year: number;
  mode: PopulationMode;
  /** The release a published population comes from (null in working mode). */
  release: ReleaseInfo | null;
  /** The release's audited fixed table (published mode only). */
  releaseTable: readonly PublishedFigure[] | null;
  population: Population;
  records: readonly AggregationRecord[];
  places: ReadonlyMap<number, RecordPlace>;
  loadedAt: Date;
  /** Published tables computed from this very population (dropped with it). */
  memo: Map<string, unknown>;
}

interface Entry { version: number; fingerprint: string; checkedAt: number; value: Promise<CampaignPopulation> }

const cache = new WeakMap<Db, Map<string, Entry>>();
const versions = new Map<number, number>();

/** The working view may lag its autosaves by this much, so that typing does not reload the campaign each time. */
const WORKING_MIN_AGE_MS = 30_000;

/**
 * Drops the cached populations of a year: call it when a response enters or leaves validated/locked.
 * A database fingerprint also catches changes made by another process.
 * @example await setResponseState(db, id, ['submitted'], 'validated'); invalidatePopulation(2025);
 */
export function invalidatePopulation(year: number): void {
  versions.set(year, (versions.get(year) ?? 0) + 1);
}

/** The message of a year whose results are not published yet, the same for every public output. */
export function notPublished(year: number): AppError {
  return new AppError('not_published', `Les résultats de la campagne ${year} ne sont pas encore publiés : la campagne est en cours ou en cours de vérification.`, { year });
}

/**
 * The population of a campaign year in a mode, loaded once and reused until invalidated. In published mode
 * it is the year's latest release, and a year without a release is a `not_published` error.
 * @example const { population } = await getPopulation({ db, year: 2024, mode: 'published' });
 */
export async function getPopulation(p: { db: Db; year: number; mode: PopulationMode }): Promise<CampaignPopulation> {
  const { db, year, mode } = p;
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const key = `${year}|${mode}`;
  const version = versions.get(year) ?? 0;
  const hit = perDb.get(key);
  if (hit && hit.version === version) {
    const fresh = mode === 'working' && Date.now() - hit.checkedAt < WORKING_MIN_AGE_MS;
    if (fresh || (await fingerprintOf(db, year, mode)) === hit.fingerprint) return hit.value;
  }
  const fingerprint = await fingerprintOf(db, year, mode);
  if (mode === 'published' && fingerprint === 'release:none') throw notPublished(year);
  const value = mode === 'published' ? loadRelease(db, year) : (async () => {
    const { records, places } = await loadAggregationRecords(db, year, mode);
    return { year, mode, release: null, releaseTable: null, population: preparePopulation(records), records, places, loadedAt: new Date(), memo: new Map() };
  })();
  const entry: Entry = { version, fingerprint, checkedAt: Date.now(), value };
  perDb.set(key, entry);
  value.catch(() => { if (perDb.get(key) === entry) perDb.delete(key); });
  return value;
}

const fingerprintOf = async (db: Db, year: number, mode: PopulationMode) =>
  mode === 'published' ? `release:${(await latestReleaseId(db, year)) ?? 'none'}` : populationFingerprint(db, year, mode);

async function loadRelease(db: Db, year: number): Promise<CampaignPopulation> {
  const release = await findRelease(db, year);
  if (!release) throw notPublished(year);
  const [records, releaseTable, frame] = await Promise.all([releaseRecords(db, release.id), releaseFigures(db, release.id), loadDirectoryPlaces(db)]);
  const places = await placesOf(db, records.map((r) => r.structureId));
  return { year, mode: 'published', release, releaseTable, population: preparePopulation(records, frame), records, places, loadedAt: new Date(), memo: new Map() };
}

/**
 * A value derived from a population (a published table, a rendered PDF), computed once per population.
 * A promise that fails is not kept: the next call computes again.
 * @example const table = memoOf(pop, 'dashboard', () => publish(pop.population, request));
 */
export function memoOf<T>(pop: Pick<CampaignPopulation, 'memo'>, key: string, compute: () => T): T {
  if (pop.memo.has(key)) return pop.memo.get(key) as T;
  const v = compute();
  pop.memo.set(key, v);
  if (v instanceof Promise) v.catch(() => { if (pop.memo.get(key) === v) pop.memo.delete(key); });
  return v;
}
