import type { Db } from '../../db/connection';
import { loadAggregationRecords, loadDirectoryPlaces } from '../../db/aggregation.repo';
import { appendAudit } from '../../db/audit.repo';
import { getCampaignByYear } from '../../db/campaign.repo';
import { insertRelease, listReleases, releaseFigures, releaseRecords, type ReleaseInfo } from '../../db/release.repo';
import { compareReleases, type PublishedFigure } from '../../domain/disclosure';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { releasePolicy } from '../../policies/release';
import { invalidatePopulation } from '../stats/populationCache';
import { releaseIndicators } from './releaseIndicators';
import { plural } from '../../domain/labels';
import { runHeavy } from '../infra/heavy/pool';
import { queueReleaseFiles } from './storeReleaseFiles';
import { queueJob, type JobHandler } from '../infra/jobRunner';
import { actorById } from '../accounts/actorByEmail';

export { lpSolver } from './lpSolver';

/** What a release (or its preview) says of itself. */
export interface ReleaseSummary {
  responses: number;
  changedStructures: number;
  heldBack: number;
  audit: { sensitive: number; addedSuppressions: number; pinned: number };
  /** Share of the départements' cells (additive statistics) that are secret, in %. */
  suppressedDepartementPct: number;
  /** Against the previous release of the year (null for the first). */
  difference: ReturnType<typeof compareReleases> | null;
  previousNumber: number | null;
}

/** Share of the départements' cells that are secret, in % (one decimal). */
export function suppressedDepartementPct(figures: readonly PublishedFigure[]): number {
  let all = 0, secret = 0;
  for (const f of figures) {
    // One statistic per cell: every indicator publishes 'count', with its cell's status.
    if (f.territory.level !== 'departement' || f.stat !== 'count') continue;
    all++;
    if (f.cell.state !== 'value') secret++;
  }
  return all === 0 ? 0 : Math.round((1000 * secret) / all) / 10;
}

/**
 * Builds a campaign's next release from the responses validated now: the one fixed table through the gate,
 * cells held back where they changed for too few structures since an earlier release of the year, then the
 * exact audit. `dryRun` returns the summary without storing anything (the page's preview). National
 * administration only; the campaign must be closed (while it is open, the public sees earlier releases).
 * @example await publishRelease({ db, actor, year: 2024, note: 'Première publication' })
 */
export async function publishRelease(p: { db: Db; actor: Actor; year: number; note?: string; dryRun?: boolean; onStep?: (step: string, done: number, total: number) => void }): Promise<{ release: ReleaseInfo | null; summary: ReleaseSummary }> {
  const publishedBy = assertPublisher(p.actor);
  return releaseCampaign({ db: p.db, year: p.year, note: p.note, dryRun: p.dryRun, publishedBy, onStep: p.onStep });
}

/** Throws unless the actor may publish (signed in, national administration); answers their user id. */
function assertPublisher(actor: Actor): number {
  if (!actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour publier une version.');
  if (!releasePolicy.publish(actor)) throw new AppError('forbidden', 'Seule l’administration nationale publie les chiffres.');
  return actor.userId;
}

/** The job kind of a publication asked for from the page (see requestReleasePublication). */
export const RELEASE_PUBLISH = 'release.publish';

/**
 * Queues a release's publication for its author to follow (GET /api/jobs/:id) instead of waiting on the
 * open request: who may publish and the note's length are checked now, the rest by the job (campaign
 * closed, something to publish, the exact audit). Two requests for the same year queued before the first
 * runs are one job (the second note wins).
 * @example const jobId = await requestReleasePublication({ db, actor, year: 2024, note: 'Première publication' });
 */
export async function requestReleasePublication(p: { db: Db; actor: Actor; year: number; note?: string }): Promise<number> {
  const userId = assertPublisher(p.actor);
  releaseNote(p.note);
  return queueJob(p.db, { kind: RELEASE_PUBLISH, payload: { year: p.year, note: p.note ?? '' }, requestedBy: userId, dedupeKey: String(p.year), maxAttempts: 3 });
}

/** Runs a queued publication with the rights its author has now; its result is `{ release, summary }`. */
export const releasePublishJob: JobHandler = async (db, payload, context) => {
  if (context.requestedBy === null) throw new AppError('forbidden', 'Une publication est demandée par une personne.');
  const actor = await actorById(db, context.requestedBy);
  return publishRelease({ db, actor, year: Number(payload.year), note: String(payload.note ?? ''), onStep: (step, done, total) => context.progress({ step, done, total }) });
};

/**
 * The release itself, once the caller is allowed (the use case above, or the demo seed that publishes its
 * closed years). A release really published queues the `release.files` job that stores its open-data files
 * and plaquettes (storeReleaseFiles), unless `queueFiles` is false: the demo seed, whose database is cloned by
 * every test file and whose first server start should not draw every plaquette; the public requests then
 * build and store the files on first use.
 * @example await releaseCampaign({ db, year: 2024, note: 'Publication de démonstration', publishedBy: null })
 */
export async function releaseCampaign(p: {
  db: Db; year: number; note?: string; dryRun?: boolean; publishedBy: number | null; queueFiles?: boolean;
  /** Told each step (1 to RELEASE_STEPS), for a job's progress. */
  onStep?: (step: string, done: number, total: number) => void;
}): Promise<{ release: ReleaseInfo | null; summary: ReleaseSummary }> {
  const { db, year } = p;
  const step = (label: string, n: number) => p.onStep?.(label, n, RELEASE_STEPS);
  const note = releaseNote(p.note);
  const campaign = await getCampaignByYear(db, year);
  if (!campaign) throw new AppError('not_found', `Aucune campagne pour l’année ${year}.`);
  if (campaign.state !== 'closed') throw new AppError('conflict', `La campagne ${year} n’est pas close : ses chiffres se publient une fois la campagne close.`);
  step('lecture des réponses validées', 0);
  const { records } = await loadAggregationRecords(db, year, 'published');
  if (records.length === 0) throw new AppError('conflict', `Aucune réponse validée pour ${year} : rien à publier.`);
  const earlier = [...(await listReleases(db, year))].reverse();
  const earlierRecords = await Promise.all(earlier.map((r) => releaseRecords(db, r.id)));
  // The table and its exact audit take seconds at national scale: in a worker thread when workers are on.
  step('calcul des tableaux et audit exact du secret', 1);
  const { table, audit } = await runHeavy('buildRelease', { records, frame: await loadDirectoryPlaces(db), earlier: earlierRecords, indicators: releaseIndicators });
  if (audit.pinned > 0) throw new AppError('conflict', `L’audit exact a trouvé ${plural(audit.pinned, 'case recalculable', 'cases recalculables')} : la version n’est pas publiée.`);
  const previous = earlier[earlier.length - 1];
  const summary: ReleaseSummary = {
    responses: records.length, changedStructures: table.changedStructures, heldBack: table.heldBack,
    audit: { sensitive: audit.sensitive, addedSuppressions: audit.addedSuppressions, pinned: audit.pinned },
    suppressedDepartementPct: suppressedDepartementPct(table.figures),
    difference: previous ? compareReleases(await releaseFigures(db, previous.id), table.figures) : null,
    previousNumber: previous?.number ?? null,
  };
  if (p.dryRun) return { release: null, summary };
  if (previous && summary.changedStructures === 0) throw new AppError('conflict', `Rien n’a changé depuis la version ${previous.number} : aucune nouvelle version à publier.`);
  step('enregistrement de la version', 2);
  const release = await insertRelease(db, { year, note, publishedBy: p.publishedBy, summary: summary as unknown as Record<string, unknown>, figures: table.figures, records });
  invalidatePopulation(year);
  if (p.queueFiles !== false) await queueReleaseFiles(db, release);
  await appendAudit(db, { actorId: p.publishedBy, action: 'release.publish', entity: 'release', entityId: release.id, data: { year, number: release.number, heldBack: table.heldBack, changed: table.changedStructures } });
  step('version publiée', RELEASE_STEPS);
  return { release, summary };
}

/** A release's note, trimmed; refused above 2,000 characters. */
function releaseNote(note: string | undefined): string {
  const trimmed = (note ?? '').trim();
  if (trimmed.length > 2000) throw new AppError('validation_failed', 'La note de version fait au plus 2 000 caractères.');
  return trimmed;
}

/** The steps of a release's publication, as a job's progress counts them. */
export const RELEASE_STEPS = 3;
