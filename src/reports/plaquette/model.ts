import type { DirectoryEntry } from '../../db/report.repo';
import { dashboardIndicators } from '../../domain/dashboardIndicators';
import { NATION_CODE, type PublishedCell, type PublishedFigure, type Stat, type SuppressionRule, type Territory } from '../../domain/disclosure';
import { coreIndicator, type Unit } from '../../domain/indicators';

/**
 * What a plaquette says, computed from ONE published table (the national fixed table of the dashboard,
 * see getDashboard.nationalTable) and the public directory. Every figure is a cell of that table, or a
 * sum or ratio of its published values (a withheld input withholds the result). Pure: no I/O.
 */

export type PlaquetteLevel = 'nation' | 'region' | 'departement';

export interface PlaquetteRow {
  code: string; label: string; unit: Unit;
  /** What the per-structure columns show: mean, median or share of structures. */
  perStructure: 'mean' | 'median' | 'share';
  total: PublishedCell | null;
  local: PublishedCell;
  national: PublishedCell;
}

export interface PlaquetteSection { key: string; title: string; intro: string; rows: PlaquetteRow[] }

export interface KeyFigure { label: string; cell: PublishedCell; unit: Unit; national?: PublishedCell }

export interface ChildRow { code: string; name: string; structures: number; responses: PublishedCell; budget: PublishedCell; volunteers: PublishedCell }

export interface PlaquetteModel {
  year: number; level: PlaquetteLevel; code: string; name: string; parentName: string | null;
  /** The release printed (number and date), null for a live working table. */
  release: { number: number; publishedAt: Date } | null;
  /** Structures of the directory in the territory (public identity), by kind. */
  directory: { total: number; cs: number; evs: number };
  /** Validated responses behind the figures, as the gate publishes their count (the most answered indicator). */
  responses: PublishedCell;
  keyFigures: KeyFigure[];
  sections: PlaquetteSection[];
  /** Shares of structures running each field of action, here and nationally (chart). */
  actions: { label: string; local: PublishedCell; national: PublishedCell }[];
  /** Funding sources as a share of total income, here and nationally (chart). */
  funding: { label: string; local: PublishedCell; national: PublishedCell }[];
  children: ChildRow[];
  /** The map of the nation's or a région's départements (for a département, its région's, it highlighted): volunteers per structure, from the same table. */
  map: { indicatorLabel: string; cells: { code: string; cell: PublishedCell }[] } | null;
  structures: DirectoryEntry[];
  /** Cells of the published table printed in the plaquette that the gate withheld, by rule. */
  suppressed: Record<SuppressionRule, number>;
  printedCells: number;
}

export interface PlaquetteInput {
  year: number; level: PlaquetteLevel; code: string; name: string; parentName: string | null;
  release?: { number: number; publishedAt: Date } | null;
  table: readonly PublishedFigure[];
  /** Directory entries of the territory. */
  structures: readonly DirectoryEntry[];
  /** Sub-territories listed in the plaquette (régions of the nation, départements of a région). */
  children: readonly { code: string; name: string; structures: number }[];
  /** Départements drawn on the map: all for the nation, the région's for a région or one of its départements. */
  mapDepartements?: readonly string[];
}

const NO_DATA: PublishedCell = { state: 'no_data' };

/** Index of a published table by indicator, statistic and territory. */
export type TableIndex = Map<string, PublishedCell>;

const keyOf = (indicator: string, stat: string, t: Territory) => `${indicator}|${stat}|${t.level}:${t.code}`;

/**
 * Indexes a published table once (cache it beside the table for a batch).
 * @example indexTable(nationalTable(pop)).get('finances.produits|sum|nation:FR')
 */
export function indexTable(table: readonly PublishedFigure[]): TableIndex {
  const m: TableIndex = new Map();
  for (const f of table) if (f.column === null) m.set(keyOf(f.indicator, f.stat, f.territory), f.cell);
  return m;
}

const tableIndexes = new WeakMap<readonly PublishedFigure[], TableIndex>();
function indexOf(table: readonly PublishedFigure[]): TableIndex {
  let ix = tableIndexes.get(table);
  if (!ix) tableIndexes.set(table, (ix = indexTable(table)));
  return ix;
}

/**
 * Sum of published cells (ETP of all functions): withheld when any part is withheld, no data when all are.
 * @example sumCells([{ state: 'value', value: 2, n: 6 }, { state: 'value', value: 3, n: 7 }]) // { state: 'value', value: 5, n: 7 }
 */
export function sumCells(cells: readonly PublishedCell[]): PublishedCell {
  const withheld = cells.find((c) => c.state === 'suppressed');
  if (withheld) return withheld;
  const values = cells.filter((c): c is Extract<PublishedCell, { state: 'value' }> => c.state === 'value');
  if (!values.length) return NO_DATA;
  return { state: 'value', value: values.reduce((s, c) => s + c.value, 0), n: Math.max(...values.map((c) => c.n)) };
}

/**
 * Ratio of two published cells (a funding source over total income): withheld when either is.
 * @example ratioCells({ state: 'value', value: 1, n: 5 }, { state: 'value', value: 4, n: 6 }) // { state: 'value', value: 0.25, n: 5 }
 */
export function ratioCells(a: PublishedCell, b: PublishedCell): PublishedCell {
  if (a.state === 'suppressed') return a;
  if (b.state === 'suppressed') return b;
  if (a.state !== 'value' || b.state !== 'value' || b.value === 0) return NO_DATA;
  return { state: 'value', value: a.value / b.value, n: Math.min(a.n, b.n) };
}

const SECTIONS: { key: string; title: string; intro: string; prefixes: string[] }[] = [
  { key: 'territoire', title: 'Territoire', intro: 'Les territoires où interviennent les structures et l’association des habitants au projet social.', prefixes: ['territoire.', 'projet.'] },
  { key: 'actions', title: 'Actions et publics', intro: 'Part des structures qui mènent chaque action, et personnes touchées.', prefixes: ['actions.'] },
  { key: 'participation', title: 'Participation et gouvernance', intro: 'Adhérents, instances associatives, bénévoles et partenaires.', prefixes: ['participation.', 'partenariats.'] },
  { key: 'rh', title: 'Ressources humaines', intro: 'Équivalents temps plein (ETP) par fonction, temps partiel et qualification.', prefixes: ['rh.'] },
  { key: 'finances', title: 'Finances', intro: 'Produits, charges, principaux financeurs et délai de paiement.', prefixes: ['finances.'] },
];

const FUNDING = [
  ['finances.financement.communes', 'Communes et intercommunalités'],
  ['finances.financement.caf_ps', 'CAF – prestations de service'],
  ['finances.financement.etat', 'État'],
] as const;

/**
 * The plaquette of a territory from the published national table.
 * @example plaquetteModel({ year: 2025, level: 'departement', code: '69', name: 'Rhône', parentName: 'Auvergne-Rhône-Alpes', table, structures, children: [] })
 */
export function plaquetteModel(input: PlaquetteInput): PlaquetteModel {
  const ix = indexOf(input.table);
  const here: Territory = input.level === 'nation' ? { level: 'nation', code: NATION_CODE } : { level: input.level, code: input.code };
  const nation: Territory = { level: 'nation', code: NATION_CODE };
  const suppressed: Record<SuppressionRule, number> = { min_size: 0, dominance: 0, group: 0, complement: 0, release: 0, secondary: 0 };
  let printedCells = 0;
  /** Every cell of the territory that the plaquette prints goes through here, to be counted in the note. */
  const seen = new Set<string>();
  const track = (k: string, c: PublishedCell): PublishedCell => {
    if (!seen.has(k)) {
      seen.add(k); printedCells++;
      if (c.state === 'suppressed') suppressed[c.rule]++;
    }
    return c;
  };
  const cell = (indicator: string, stat: Stat, t: Territory = here): PublishedCell => {
    const k = keyOf(indicator, stat, t);
    return track(k, ix.get(k) ?? NO_DATA);
  };

  const responsesOf = (t: Territory): PublishedCell => {
    let best: PublishedCell = NO_DATA;
    let bestKey = `responses|${t.level}:${t.code}`;
    for (const code of dashboardIndicators) {
      const k = keyOf(code, 'count', t);
      const c = ix.get(k) ?? NO_DATA;
      if ((c.state === 'value' && (best.state !== 'value' || c.value > best.value)) || (c.state === 'suppressed' && best.state === 'no_data')) { best = c; bestKey = k; }
    }
    return track(bestKey, best);
  };

  const sections: PlaquetteSection[] = SECTIONS.map((s) => ({
    key: s.key, title: s.title, intro: s.intro,
    rows: dashboardIndicators.filter((code) => s.prefixes.some((p) => code.startsWith(p))).map((code): PlaquetteRow => {
      const ind = coreIndicator(code)!;
      const perStructure: PlaquetteRow['perStructure'] = ind.unit === 'yesno' ? 'share' : ind.aggregate === 'sum' ? 'mean' : 'median';
      return {
        code, label: ind.label, unit: ind.unit, perStructure,
        total: ind.aggregate === 'sum' ? cell(code, 'sum') : null,
        local: cell(code, perStructure),
        national: input.level === 'nation' ? cell(code, perStructure) : cell(code, perStructure, nation),
      };
    }),
  }));

  const fte = (t: Territory) => sumCells(['rh.etp.direction_accueil', 'rh.etp.animation', 'rh.etp.technique'].map((c) => cell(c, 'sum', t)));
  const keyFigures: KeyFigure[] = [
    { label: 'Adhérents', cell: cell('participation.adherents', 'sum'), unit: 'count' },
    { label: 'Bénévoles d’activité', cell: cell('participation.benevoles', 'sum'), unit: 'count' },
    { label: 'Familles accompagnées (personnes)', cell: cell('actions.familles.personnes', 'sum'), unit: 'count' },
    { label: 'Personnes aidées dans l’accès aux droits', cell: cell('actions.acces_droits.personnes', 'sum'), unit: 'count' },
    { label: 'Salariés en équivalent temps plein', cell: fte(here), unit: 'fte' },
    { label: 'Budget cumulé (total des produits)', cell: cell('finances.produits', 'sum'), unit: 'euros' },
  ];

  const actions = dashboardIndicators.filter((c) => c.startsWith('actions.') && c.endsWith('.oui')).map((code) => ({
    label: coreIndicator(code)!.label.replace(/ : action menée$/, ''),
    local: cell(code, 'share'), national: cell(code, 'share', nation),
  }));
  const funding = FUNDING.map(([code, label]) => ({
    label,
    local: ratioCells(cell(code, 'sum'), cell('finances.produits', 'sum')),
    national: ratioCells(cell(code, 'sum', nation), cell('finances.produits', 'sum', nation)),
  }));

  const childLevel = input.level === 'nation' ? 'region' : 'departement';
  const children: ChildRow[] = input.children.map((ch) => {
    const t: Territory = { level: childLevel, code: ch.code };
    return {
      code: ch.code, name: ch.name, structures: ch.structures, responses: responsesOf(t),
      budget: cell('finances.produits', 'sum', t),
      volunteers: cell('participation.benevoles', 'sum', t),
    };
  });

  const map = input.mapDepartements?.length ? {
    indicatorLabel: 'Bénévoles d’activité par structure (moyenne)',
    cells: input.mapDepartements.map((code) => ({ code, cell: cell('participation.benevoles', 'mean', { level: 'departement', code }) })),
  } : null;

  const cs = input.structures.filter((s) => s.kind === 'CS').length;
  return {
    year: input.year, level: input.level, code: input.code, name: input.name, parentName: input.parentName,
    release: input.release ?? null,
    directory: { total: input.structures.length, cs, evs: input.structures.length - cs },
    responses: responsesOf(here),
    keyFigures, sections, actions, funding, children, map,
    structures: [...input.structures],
    suppressed, printedCells,
  };
}
