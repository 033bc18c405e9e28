import type { Db } from '../../db/connection';
import { validatedAnswersOfTerritory } from '../../db/cashWatch.repo';
import { cashIndicators } from '../../domain/cash/indicators';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { canFollowTerritory } from '../../policies/territory';
import { checkYear, resolveTerritory, type TableLevel } from '../territories/resolveTerritory';

/**
 * The structures behind the territory's "en difficulté" share, named, with their reasons — only for those
 * who follow the territory, who may already open each of these responses. Same population as the share:
 * validated responses of the year; "à surveiller" ones come after.
 * @example (await listCashDifficulties({ db, actor, year: 2024, level: 'departement', code: '69' })).items[0].reasons
 */
export async function listCashDifficulties(p: { db: Db; actor: Actor; year: number; level: TableLevel; code?: string }) {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour voir la trésorerie d’un territoire.');
  await checkYear(p.db, p.year);
  const { ref, territory } = await resolveTerritory(p.db, p.level, p.code);
  if (!canFollowTerritory(p.actor, ref)) throw new AppError('forbidden', 'La liste des structures en difficulté est réservée aux personnes qui suivent ce territoire.');
  const scope = ref.level === 'nation' ? { level: 'nation' as const } : { level: ref.level, code: ref.code };
  const rows = await validatedAnswersOfTerritory(p.db, p.year, scope);
  const items = rows.map((r) => ({ structureId: r.structure_id, name: r.name, departementCode: r.departement_code, responseId: r.response_id, ...cashIndicators(r.vals).signal }))
    .filter((s) => s.state === 'difficulty' || s.state === 'watch')
    .sort((a, b) => (a.state === b.state ? 0 : a.state === 'difficulty' ? -1 : 1));
  return { year: p.year, territory, validated: rows.length, difficulty: items.filter((i) => i.state === 'difficulty').length, items };
}
