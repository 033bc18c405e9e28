import type { Db } from '../../db/connection';
import { cashAggregateIndicators, withCashValues } from '../../domain/cash/indicators';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { canFollowTerritory } from '../../policies/territory';
import { checkYear, derivedTerritoryTable, resolveTerritory, type TableLevel } from './derivedTerritoryTable';

const indicators = [
  ...cashAggregateIndicators,
  { code: 'finances.delai_paiement_jours', unit: 'count', aggregate: 'median', disclosure: 'count', label: 'Délai de paiement des financeurs (jours)' },
] as const;

/**
 * Cash-need figures of a territory for those who follow it (correspondents, coordinators, the nation):
 * medians of days of cash, bank charges, payment delays and dependency on one funder, and the share of
 * structures flagged in difficulty. Validated responses only, out of the disclosure gate like every figure:
 * a correspondent never sees one structure's finances through a territory figure.
 * @example await getTerritoryCash({ db, actor, year: 2024, level: 'departement', code: '69' })
 */
export async function getTerritoryCash(p: { db: Db; actor: Actor; year: number; level: TableLevel; code?: string }) {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour voir la trésorerie d’un territoire.');
  await checkYear(p.db, p.year);
  const { ref, territory, children } = await resolveTerritory(p.db, p.level, p.code);
  if (!canFollowTerritory(p.actor, ref)) throw new AppError('forbidden', 'La vue trésorerie est réservée aux personnes qui suivent ce territoire.');
  const figures = await derivedTerritoryTable({
    db: p.db, year: p.year, mode: 'published', key: 'cash', indicators: indicators.map(({ label: _l, ...spec }) => spec), territory, children,
    derive: (pop) => withCashValues(pop.records),
  });
  return { year: p.year, territory, children, indicators: indicators.map(({ code, label, unit }) => ({ code, label, unit })), figures };
}
