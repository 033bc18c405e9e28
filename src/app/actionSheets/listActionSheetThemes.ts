import type { Db } from '../../db/connection';
import { countPublishedByTheme } from '../../db/actionSheet.repo';
import { actionSheetThemes } from '../../domain/actionSheets';

/**
 * The themes of fiches actions, each with its number of published fiches (0 when none).
 * @example await listActionSheetThemes({ db }) // [{ code: 'ecologie', label: 'Écologie', published: 3 }, …]
 */
export async function listActionSheetThemes(p: { db: Db }) {
  const counts = await countPublishedByTheme(p.db);
  return actionSheetThemes.map(([code, label]) => ({ code, label, published: counts[code] ?? 0 }));
}
