import type { Db } from '../../db/connection';
import { diffVersions, type VersionDiff } from '../../domain/questionnaire/diff';
import { yearQuestionnaire } from './yearQuestionnaire';

/**
 * What changed in the national questionnaire between two years (added, removed, reworded, changes of
 * meaning with their mapping, choices, metadata).
 * @example (await diffQuestionnaires({ db, from: 2023, to: 2024 })).meaning; // [{ from: 'territoire.qpv.codes', to: 'territoire.qpv.codes_2024', … }]
 */
export async function diffQuestionnaires(p: { db: Db; from: number; to: number }): Promise<VersionDiff> {
  const [before, after] = await Promise.all([yearQuestionnaire(p.db, p.from), yearQuestionnaire(p.db, p.to)]);
  return diffVersions(before.catalog, after.catalog);
}
