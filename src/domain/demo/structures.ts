import { withLuhnDigit } from '../siret';
import { Random, WeightedTable } from './random';

/** A commune as the generator needs it. */
export interface DemoCommune {
  code: string; name: string; departement_code: string; region_code: string; epci_code: string | null;
  postal_code: string | null; population: number; lat: number | null; lon: number | null;
}

/** A generated structure, ready for the structures table (ids are given by the database). */
export interface DemoStructure {
  key: number;
  kind: 'CS' | 'EVS';
  name: string;
  siret: string;
  address: string;
  postal_code: string | null;
  commune_code: string;
  departement_code: string;
  region_code: string;
  lat: number | null;
  lon: number | null;
  email: string;
  website: string | null;
  management: 'association' | 'collectivite' | 'caf' | 'autre';
  federation_member: boolean;
  territory_type: 'urban' | 'rural';
  qpv_status: 'inside' | 'nearby' | 'serving' | 'none';
  qpv_codes: string[];
  npnru_interest: 'national' | 'regional' | null;
  npnru_stage: 'none' | 'contrat_de_ville' | 'protocole' | 'convention' | 'travaux' | 'acheve';
  travellers: boolean;
  multi_site: boolean;
  itinerant: boolean;
  first_approval_on: string;
  approvals: { kind: 'animation_globale' | 'animation_collective_familles' | 'evs'; starts_on: string; ends_on: string }[];
  cell_key: number;
  /** Latent size (1 = a typical structure of its kind); drives the answers. */
  size: number;
  communePopulation: number;
}

/** The centre the demo accounts belong to: a centre social in Lyon. */
export const DEMO_CENTRE = { name: 'Centre social de la Croix-Rousse', communeCode: '69123' } as const;

/** National counts of the 2024 campaign (FIGURES.md). */
export const NATIONAL_COUNTS = { CS: 2380, EVS: 1690 } as const;

const PLACE_NAMES = [
  'les Tilleuls', 'le Colombier', 'la Source', 'les Acacias', 'Saint-Exupéry', 'Jean Moulin', 'la Roseraie', 'les Hauts',
  'Louise Michel', 'le Vieux Moulin', 'la Gare', 'les Bruyères', 'du Centre', 'Victor Hugo', 'les Marronniers', 'Nelson Mandela',
  'la Fontaine', 'Simone Veil', 'les Peupliers', 'du Vallon', 'la Passerelle', 'l’Escale', 'le Lien', 'Arc-en-ciel',
  'la Maison pour tous', 'les Trois Cités', 'le Plateau', 'la Butte', 'Pablo Picasso', 'Germaine Tillion', 'Jacques Prévert',
  'les Glycines', 'la Rencontre', 'le Carrefour', 'Boris Vian', 'les Cèdres', 'du Parc', 'des Rives', 'la Clairière', 'l’Olivier',
];
const STREETS = ['rue de la République', 'avenue Jean Jaurès', 'rue Victor Hugo', 'place de la Mairie', 'rue des Écoles', 'allée des Tilleuls',
  'boulevard Gambetta', 'rue Pasteur', 'rue du Stade', 'chemin des Vignes', 'rue de la Paix', 'avenue de la Libération'];

function slug(s: string) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Urban or rural from the commune's population, with the fuzz of real life. */
function territoryOf(pop: number, r: Random): 'urban' | 'rural' {
  const pUrban = pop >= 10_000 ? 0.97 : pop >= 5_000 ? 0.85 : pop >= 2_000 ? 0.45 : 0.08;
  return r.chance(pUrban) ? 'urban' : 'rural';
}

/**
 * Places `scale` × the national counts of structures in real communes: every département has some,
 * centres sociaux favour towns, EVS spread further into villages; about 80 % of CS are urban.
 * @example generateStructures(communes, 1, 2026).length // 4070
 */
export function generateStructures(communes: readonly DemoCommune[], scale: number, seed = 2026): DemoStructure[] {
  const root = new Random(seed);
  const byDept = new Map<string, DemoCommune[]>();
  for (const c of communes) (byDept.get(c.departement_code) ?? byDept.set(c.departement_code, []).get(c.departement_code)!).push(c);
  const deptPop = [...byDept].map(([d, cs]) => [d, cs.reduce((s, c) => s + c.population, 0)] as const);
  const deptTable = new WeightedTable(deptPop, ([, p]) => p);
  // Structures sit in communes whose own position is known (GeoNames has about 8,600 of them, every
  // town above a few hundred people): no structure is drawn at another commune's point, so distances
  // between structures are true ones. A département without any located commune keeps all of them,
  // its structures then have no position at all.
  const located = new Map([...byDept].map(([d, cs]) => {
    const known = cs.filter((c) => c.lat !== null && c.lon !== null);
    return [d, known.length > 0 ? known : cs];
  }));
  const csTables = new Map([...located].map(([d, cs]) => [d, new WeightedTable(cs, (c) => (c.population >= 2000 ? c.population ** 1.05 : 0.3 * c.population ** 0.9))]));
  const evsTables = new Map([...located].map(([d, cs]) => [d, new WeightedTable(cs, (c) => c.population ** 0.6)]));
  const lyon = communes.find((c) => c.code === DEMO_CENTRE.communeCode);

  const plan: { kind: 'CS' | 'EVS'; commune: DemoCommune; name?: string }[] = [];
  if (lyon) plan.push({ kind: 'CS', commune: lyon, name: DEMO_CENTRE.name });
  const pickIn = (kind: 'CS' | 'EVS', d: string, r: Random) => (kind === 'CS' ? csTables : evsTables).get(d)!.pick(r);
  for (const kind of ['CS', 'EVS'] as const) {
    const r = root.fork(kind);
    const total = Math.max(1, Math.round(NATIONAL_COUNTS[kind] * scale));
    // At full scale every département gets a floor, the rest follows population.
    const floor = scale >= 0.5 ? (kind === 'CS' ? 3 : 2) : 0;
    for (const d of byDept.keys()) for (let i = 0; i < floor; i++) plan.push({ kind, commune: pickIn(kind, d, r) });
    // Small demo sets (tests) still cover two full territories: Rhône and Bouches-du-Rhône.
    if (scale < 0.5) for (const d of ['69', '13']) for (let i = 0; i < 6; i++) if (byDept.has(d)) plan.push({ kind, commune: pickIn(kind, d, r) });
    while (plan.filter((p) => p.kind === kind).length < total) plan.push({ kind, commune: pickIn(kind, deptTable.pick(r)[0], r) });
  }
  const usedNames = new Set<string>();
  return plan.map((p, key) => describe(p.kind, p.commune, key, root.fork(`s${key}`), usedNames, p.name));
}

function describe(kind: 'CS' | 'EVS', c: DemoCommune, key: number, r: Random, usedNames: Set<string>, fixedName?: string): DemoStructure {
  const territory = territoryOf(c.population, r);
  let name = fixedName ?? '';
  for (let i = 0; !name || usedNames.has(name); i++) {
    const place = r.pick(PLACE_NAMES);
    name = `${kind === 'CS' ? r.pick(['Centre social', 'Centre social', 'Centre social et culturel', 'Maison de quartier']) : r.pick(['Espace de vie sociale', 'EVS', 'Foyer rural'])} ${place}${i > 0 || c.population > 20_000 ? ` – ${c.name}` : ''}${i > 1 ? ` (${i})` : ''}`;
  }
  usedNames.add(name);
  const management = kind === 'CS'
    ? r.weighted([['association', 64], ['collectivite', 21], ['caf', 5], ['autre', 10]] as const)
    : r.weighted([['association', 88], ['collectivite', 9], ['autre', 3]] as const);
  // About half of all CS are in or near a priority neighbourhood (FIGURES.md, 2016), nearly all in towns.
  const qpvEligible = territory === 'urban' && c.population >= 5_000;
  const qpv_status = fixedName ? 'nearby' : qpvEligible
    ? r.weighted(kind === 'CS' ? [['inside', 38], ['nearby', 30], ['serving', 10], ['none', 22]] as const : [['inside', 32], ['nearby', 22], ['serving', 10], ['none', 36]] as const)
    : 'none';
  const qpv_codes = qpv_status === 'none' ? [] : Array.from({ length: r.int(1, 2) }, () => `QN${c.departement_code.padStart(3, '0')}${String(r.int(1, 60)).padStart(3, '0')}M`);
  const inRenewal = qpv_status !== 'none' && r.chance(qpv_status === 'inside' ? 0.45 : 0.2);
  const npnru_stage = inRenewal ? r.weighted([['contrat_de_ville', 10], ['protocole', 15], ['convention', 30], ['travaux', 35], ['acheve', 10]] as const) : 'none';
  const firstYear = kind === 'CS' ? r.int(1965, 2021) : r.int(2000, 2022);
  const xy = c.lat !== null && c.lon !== null ? { lat: c.lat, lon: c.lon } : null;
  const spread = Math.min(0.05, 0.004 * Math.sqrt(c.population / 10_000));
  const starts = 2023 - r.int(0, 3);
  const approvals: DemoStructure['approvals'] = kind === 'CS'
    ? [{ kind: 'animation_globale', starts_on: `${starts}-01-01`, ends_on: `${starts + 3}-12-31` },
      ...(r.chance(0.85) ? [{ kind: 'animation_collective_familles' as const, starts_on: `${starts}-01-01`, ends_on: `${starts + 3}-12-31` }] : [])]
    : [{ kind: 'evs', starts_on: `${starts}-01-01`, ends_on: `${starts + 3}-12-31` }];
  const size = kind === 'CS'
    ? r.logNormal(0.88, 0.45) * (territory === 'urban' ? 1.08 : 0.75)
    : r.logNormal(0.88, 0.5);
  const domain = slug(name).slice(0, 40);
  return {
    key, kind, name,
    siret: withLuhnDigit(`${r.pick(['7', '8', '4'])}${String(r.int(0, 99_999_999)).padStart(8, '0')}${String(r.int(1, 999)).padStart(4, '0')}`),
    address: `${r.int(1, 120)} ${r.pick(STREETS)}`,
    postal_code: c.postal_code,
    commune_code: c.code, departement_code: c.departement_code, region_code: c.region_code,
    lat: xy ? round6(xy.lat + r.normal(0, spread)) : null,
    lon: xy ? round6(xy.lon + r.normal(0, spread * 1.4)) : null,
    email: `contact@${domain}.demo.senacs.test`,
    website: r.chance(0.6) ? `https://${domain}.demo.senacs.test` : null,
    management: fixedName ? 'association' : management,
    federation_member: fixedName ? true : r.chance(kind === 'CS' ? 0.62 : 0.2),
    territory_type: fixedName ? 'urban' : territory,
    qpv_status, qpv_codes,
    npnru_interest: inRenewal ? (r.chance(0.45) ? 'national' : 'regional') : null,
    npnru_stage,
    travellers: r.chance(0.02), multi_site: r.chance(kind === 'CS' ? 0.18 : 0.05), itinerant: r.chance(territory === 'rural' ? 0.08 : 0.01),
    first_approval_on: `${firstYear}-${String(r.int(1, 12)).padStart(2, '0')}-01`,
    approvals,
    cell_key: r.int(0, 2 ** 31 - 1),
    size: fixedName ? 1.1 : size,
    communePopulation: c.population,
  };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
