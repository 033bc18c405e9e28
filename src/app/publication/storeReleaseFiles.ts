import type { Db } from '../../db/connection';
import { findRelease } from '../../db/release.repo';
import { releaseFileNames, storeReleaseFile } from '../../db/releaseFiles.repo';
import { buildAllPlaquettes } from '../reports/buildAllPlaquettes';
import { plaquetteFilename } from '../reports/buildPlaquette';
import { storedPlaquetteName } from '../reports/getPlaquette';
import { queueJob, type JobHandler } from '../infra/jobRunner';
import { storeOpenData } from './getOpenData';

/** The kind of the queued job that stores a release's files. */
export const RELEASE_FILES = 'release.files';

/**
 * Stores the files of release `number` of `year`, built from it through the gate as the public API serves
 * them: the open-data files (each CSV, its .schema.json, datapackage.json, the listing) and every plaquette
 * (the nation, each région, each département, drawn in the heavy-work pool). Idempotent: files already
 * stored are neither drawn again (plaquettes) nor stored twice (insert … on conflict do nothing), so a retry
 * takes up where an attempt stopped and two runners on one release store each file once.
 * If the release is no longer the year's latest (or is gone) when this runs, it **skips cheaply**: the
 * public only reads the latest release's files, and the newer release has a job of its own. Files are
 * always stored under the release they were built from.
 * @example await storeReleaseFiles({ db, year: 2024, number: 2 }) // { skipped: false, stored: 131 }
 */
export async function storeReleaseFiles(p: { db: Db; year: number; number: number }): Promise<{ skipped: boolean; stored: number }> {
  const { db, year, number } = p;
  const latest = await findRelease(db, year);
  if (latest?.number !== number) return { skipped: true, stored: 0 };
  const have = new Set(await releaseFileNames(db, year, number));
  let stored = 0;
  if (!have.has('opendata/index.json')) stored += (await storeOpenData({ db, year })).stored;
  await buildAllPlaquettes({
    db, year,
    only: (t) => !have.has(storedPlaquetteName(plaquetteFilename(year, t.level, t.code))),
    onPlaquette: async (r) => {
      if (r.release === null) return;
      if (await storeReleaseFile(db, { year, number: r.release, name: storedPlaquetteName(r.filename), contentType: 'application/pdf', bytes: r.pdf })) stored++;
    },
  });
  return { skipped: false, stored };
}

/** The job: stores the files of the release of its payload ({ year, number }). */
export const releaseFilesJob: JobHandler = (db, payload) => storeReleaseFiles({ db, year: Number(payload.year), number: Number(payload.number) });

/**
 * Queues the job that stores a just-published release's files (one per release: queueing again moves the
 * pending one). A failure to queue is logged, never thrown: the release is published, and the public
 * requests build and store what is missing.
 * @example await queueReleaseFiles(db, { year: 2024, number: 2 });
 */
export async function queueReleaseFiles(db: Db, release: { year: number; number: number }): Promise<void> {
  try {
    await queueJob(db, { kind: RELEASE_FILES, payload: { year: release.year, number: release.number }, dedupeKey: `${release.year}:${release.number}` });
  } catch (error) {
    console.error(`release ${release.year} n° ${release.number}: files not queued: ${(error as Error).message}`);
  }
}
