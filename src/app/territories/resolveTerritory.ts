import type { Db } from '../../db/connection';
import { campaignYears } from '../../db/aggregation.repo';
import { getDepartement, getRegion, listDepartements, listRegions } from '../../db/territory.repo';
import { NATION_CODE, type Territory } from '../../domain/disclosure';
import { AppError } from '../../domain/errors';
import type { TerritoryRef } from '../../policies/territory';

export type TableLevel = 'nation' | 'region' | 'departement';

/**
 * A territory (nation, région, département) from a level and code, with its name and children; 404 when unknown.
 * @example await resolveTerritory(db, 'departement', '69') // { ref: { level: 'departement', code: '69', regionCode: '84' }, name: 'Rhône', … }
 */
export async function resolveTerritory(db: Db, level: TableLevel, code?: string) {
  let ref: TerritoryRef = { level: 'nation' };
  let name = 'France';
  if (level !== 'nation') {
    if (!code) throw new AppError('validation_failed', 'Le code du territoire est requis pour ce niveau.');
    if (level === 'region') {
      const r = await getRegion(db, code);
      if (!r) throw new AppError('not_found', 'Région introuvable.');
      ref = { level, code: r.code }; name = r.name;
    } else {
      const d = await getDepartement(db, code);
      if (!d) throw new AppError('not_found', 'Département introuvable.');
      ref = { level, code: d.code, regionCode: d.region_code }; name = d.name;
    }
  }
  const territory: Territory = ref.level === 'nation' ? { level: 'nation', code: NATION_CODE } : { level: ref.level, code: ref.code };
  const children = level === 'nation' ? (await listRegions(db)).map((r) => ({ level: 'region' as const, code: r.code, name: r.name }))
    : level === 'region' ? (await listDepartements(db, territory.code)).map((d) => ({ level: 'departement' as const, code: d.code, name: d.name }))
    : [];
  return { ref, territory: { ...territory, name }, children };
}

/** A campaign year that exists, or a 404 in French. */
export async function checkYear(db: Db, year: number): Promise<void> {
  if (!(await campaignYears(db)).includes(year)) throw new AppError('not_found', `Aucune campagne pour l’année ${year}.`);
}
