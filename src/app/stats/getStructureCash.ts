import type { Db } from '../../db/connection';
import { ownAnswersByYear } from '../../db/aggregation.repo';
import { CASH_THRESHOLDS, cashIndicators } from '../../domain/cash/indicators';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { structureFor } from '../structures/structureAccess';

/**
 * A structure's cash indicators and difficulty signal, every year it answered (latest last), for its own
 * people (direction, team, board) and those who follow its territory.
 * @example (await getStructureCash({ db, actor, structureId: 12 })).years.at(-1).signal.state
 */
export async function getStructureCash(p: { db: Db; actor: Actor; structureId: number }) {
  await structureFor({ db: p.db, actor: p.actor, structureId: p.structureId, ability: 'readPrivate', refusal: 'La trésorerie est réservée à la structure et aux personnes qui suivent son territoire.' });
  const own = await ownAnswersByYear(p.db, p.structureId);
  if (own.size === 0) throw new AppError('not_found', 'Cette structure n’a encore répondu à aucune campagne.');
  return {
    structureId: p.structureId,
    thresholds: CASH_THRESHOLDS,
    years: [...own.entries()].map(([year, { state, values }]) => ({ year, responseState: state, ...cashIndicators(values) })),
  };
}
