import type { Db } from '../../db/connection';
import { consentingPartners } from '../../db/consent.repo';
import { campaignYears, structureSummaries } from '../../db/aggregation.repo';
import { getStructurePlace } from '../../db/structure.repo';
import { AppError } from '../../domain/errors';
import { coreIndicator } from '../../domain/indicators';
import type { Actor } from '../../domain/roles';
import { consentPolicy } from '../../policies/consent';
import { getPopulation } from './populationCache';
import { checkIndicators } from './structurePosition';

/**
 * Names and values side by side, only between structures that both consented (an accepted request still
 * in force): the structure itself and each partner. Values are those of validated responses; a partner
 * whose response is not validated yet shows no values.
 * @example await namedComparison({ db, actor, structureId: 1, year: 2024, indicators: ['finances.produits'] })
 */
export async function namedComparison(p: { db: Db; actor: Actor; structureId: number; year: number; indicators?: readonly string[] }) {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour la comparaison nominative.');
  const place = await getStructurePlace(p.db, p.structureId);
  if (!place) throw new AppError('not_found', 'Structure introuvable.');
  if (!consentPolicy.act(p.actor, place)) throw new AppError('forbidden', 'Seule la direction de la structure voit sa comparaison nominative.');
  const indicators = checkIndicators(p.indicators);
  if (!(await campaignYears(p.db)).includes(p.year)) throw new AppError('not_found', `Aucune campagne pour l’année ${p.year}.`);
  const partners = await consentingPartners(p.db, place.id);
  const ids = [place.id, ...partners];
  const [names, pop] = await Promise.all([structureSummaries(p.db, ids), getPopulation({ db: p.db, year: p.year, mode: 'published' })]);
  const byId = new Map(pop.records.map((r) => [r.structureId, r]));
  return {
    year: p.year,
    indicators: indicators.map((c) => ({ code: c, label: coreIndicator(c)!.label, unit: coreIndicator(c)!.unit })),
    structures: ids.map((id) => {
      const r = byId.get(id);
      return {
        id, name: names.get(id)?.name ?? '', commune: names.get(id)?.commune_name ?? '', self: id === place.id, validated: r !== undefined,
        values: Object.fromEntries(indicators.map((c) => [c, r?.values[c] ?? null])),
      };
    }),
  };
}
