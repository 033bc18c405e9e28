import type { findCommunes } from '../../app/territories/findCommunes';

type CommuneRow = Awaited<ReturnType<typeof findCommunes>>[number];

/**
 * A région of France (COG).
 * @example presentRegion({ code: '84', name: 'Auvergne-Rhône-Alpes' }) // { code: '84', name: 'Auvergne-Rhône-Alpes' }
 */
export function presentRegion(r: { code: string; name: string }) {
  return { code: r.code, name: r.name };
}

/**
 * A département (COG) with its région.
 * @example presentDepartement({ code: '69', name: 'Rhône', region_code: '84' }) // { code: '69', name: 'Rhône', regionCode: '84' }
 */
export function presentDepartement(d: { code: string; name: string; region_code: string }) {
  return { code: d.code, name: d.name, regionCode: d.region_code };
}

/**
 * A commune found by a search.
 * @example presentCommune(row) // { code: '69123', name: 'Lyon', departementCode: '69', postalCode: '69001', population: 522_000, epciCode: '200046977' }
 */
export function presentCommune(c: CommuneRow) {
  return { code: c.code, name: c.name, departementCode: c.departement_code, postalCode: c.postal_code, population: c.population, epciCode: c.epci_code };
}
