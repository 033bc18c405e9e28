import type { Db } from '../../db/connection';
import { storeReleaseFile } from '../../db/releaseFiles.repo';
import { latestStoredFile } from '../publication/storedFiles';
import type { PlaquetteLevel } from '../../reports/plaquette/model';
import { buildPlaquette, plaquetteFilename } from './buildPlaquette';

/**
 * The name a plaquette is stored under among its release's files.
 * @example storedPlaquetteName('plaquette-2025-france.pdf') // 'plaquettes/plaquette-2025-france.pdf'
 */
export function storedPlaquetteName(filename: string): string {
  return `plaquettes/${filename}`;
}

/**
 * The public plaquette of a territory for a released year: the PDF stored with the year's latest release
 * (the `release.files` job draws them all when a release is published), else drawn now as `buildPlaquette`
 * does and stored under the release it was drawn from, so the next request reads it. A storage failure is
 * logged and the drawn PDF still served. A stored PDF comes with its SHA-256 (hex). Errors as `buildPlaquette`'s (404 for an unknown year or
 * territory, `not_published` before the first release).
 * @example const { pdf, filename } = await getPlaquette({ db, year: 2025, level: 'departement', code: '69' });
 */
export async function getPlaquette(p: { db: Db; year: number; level: PlaquetteLevel; code?: string }): Promise<{ pdf: Uint8Array; filename: string; sha256?: string }> {
  if (p.level === 'nation' || p.code) {
    const filename = plaquetteFilename(p.year, p.level, p.code);
    const hit = await latestStoredFile(p.db, p.year, storedPlaquetteName(filename));
    if (hit) return { pdf: hit.bytes, filename, sha256: hit.sha256 };
  }
  const { pdf, filename, release } = await buildPlaquette(p);
  if (release !== null) {
    await storeReleaseFile(p.db, { year: p.year, number: release, name: storedPlaquetteName(filename), contentType: 'application/pdf', bytes: pdf })
      .catch((error: Error) => console.error(`plaquette ${filename}: drawn but not stored: ${error.message}`));
  }
  return { pdf, filename };
}
