import type { PublishedCell, Stat, Territory } from '../../domain/disclosure';
import { coreIndicator } from '../../domain/indicators';
import { cellColumnDefs, cellColumns, type Table, type TableColumn, type TableRow } from './table';

/** French names of the statistics and territory levels, as written in exports. */
export const statLabels: Record<Stat, string> = {
  count: 'nombre de structures', sum: 'total', mean: 'moyenne', median: 'médiane', q1: '1er quartile', q3: '3e quartile', share: 'part (%)',
};
export const levelLabels: Record<string, string> = { nation: 'France', region: 'région', departement: 'département' };

/** Unit words of the indicators, as in the schemas. */
export const unitLabels: Record<string, string> = { count: 'personnes ou nombre', fte: 'ETP', euros: 'euros', share: '%', yesno: 'oui/non' };

/** The unit a statistic is expressed in: counting structures is always a number of structures, a share of yes a percentage. */
export function statUnit(indicatorUnit: string, stat: Stat): string {
  if (stat === 'count') return 'structures';
  if (stat === 'share') return '%';
  return unitLabels[indicatorUnit] ?? indicatorUnit;
}

const FIGURE_COLUMNS: readonly TableColumn[] = [
  { name: 'niveau', title: 'Niveau', type: 'string', description: 'Niveau du territoire : France, région ou département.' },
  { name: 'territoire_code', title: 'Code du territoire', type: 'string', description: 'Code officiel géographique (FR pour la France).' },
  { name: 'territoire', title: 'Territoire', type: 'string', description: 'Nom du territoire.' },
  { name: 'indicateur_code', title: 'Code de l’indicateur', type: 'string', description: 'Code stable de l’indicateur d’une année à l’autre.' },
  { name: 'indicateur', title: 'Indicateur', type: 'string', description: 'Libellé de l’indicateur.' },
  { name: 'statistique', title: 'Statistique', type: 'string', description: 'Nombre de structures, total, moyenne, médiane, quartile ou part.' },
  { name: 'unite', title: 'Unité', type: 'string', description: 'Unité de la valeur.' },
];
const CHANGE_COLUMNS: readonly TableColumn[] = [
  { name: 'evolution', title: 'Évolution sur un an', type: 'number', description: 'Écart avec la valeur publiée l’année précédente (vide si l’une des deux n’est pas publiée) ; pour une part, en points de pourcentage.' },
  { name: 'evolution_pct', title: 'Évolution sur un an (%)', type: 'number', unit: '%', description: 'Écart relatif avec l’année précédente, en pourcentage.' },
];

export interface FigureLike {
  indicator: string; stat: Stat; territory: Territory; cell: PublishedCell;
  filters?: readonly { dimension: string; value: string }[];
  change?: { absolute: number; relative: number | null } | null;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Every share in every table output is a percentage from 0 to 100 (unit « % »), like the indicators that
 * are themselves percentages (part-time share): the gate's share of yes (a fraction) is multiplied by 100.
 * @example asPercent({ state: 'value', value: 0.77, n: 40 }) // { state: 'value', value: 77, n: 40 }
 */
export function asPercent(cell: PublishedCell): PublishedCell {
  return cell.state === 'value' ? { ...cell, value: round(cell.value * 100, 2) } : cell;
}

/** What the schemas say about shares, in every file that holds some. */
export const SHARE_CONVENTION = 'Les parts (statistique « part (%) », unité « % ») sont des pourcentages de 0 à 100, jamais des fractions : 77 signifie 77 %.';

/** One row per published figure: where, what, which statistic, then the cell (value, size, status). */
export function figureRow(f: FigureLike, territoryName: (t: Territory) => string, withChange: boolean): TableRow {
  const ind = coreIndicator(f.indicator);
  const row: TableRow = {
    niveau: levelLabels[f.territory.level] ?? f.territory.level,
    territoire_code: f.territory.code,
    territoire: territoryName(f.territory),
    indicateur_code: f.indicator,
    indicateur: ind?.label ?? f.indicator,
    statistique: statLabels[f.stat] ?? f.stat,
    unite: statUnit(ind?.unit ?? '', f.stat),
    ...cellColumns(f.stat === 'share' ? asPercent(f.cell) : f.cell),
  };
  if (withChange) {
    // The change of a share is in percentage points, like the share itself.
    row.evolution = f.change ? round(f.change.absolute * (f.stat === 'share' ? 100 : 1), f.stat === 'share' ? 2 : 4) : null;
    row.evolution_pct = f.change?.relative != null ? round(f.change.relative * 100, 2) : null;
  }
  return row;
}

const SECRECY_NOTE = 'Cases « secret » : valeur retenue par le contrôle du secret statistique (effectif trop faible, dominance d’une structure, case complémentaire ou secret secondaire). Cases « sans données » : aucune structure ne répond.';

/**
 * The dashboard of a territory (GET /api/stats/dashboard) as a table, one row per figure.
 * @example dashboardTable(await getDashboard({ db, actor, year: 2024, level: 'nation' }))
 */
export function dashboardTable(d: {
  year: number; view: string; territory: Territory & { name: string }; children: (Territory & { name: string })[];
  figures: readonly FigureLike[];
}): Table {
  const names = new Map([d.territory, ...d.children].map((t) => [`${t.level}:${t.code}`, t.name]));
  return {
    title: `Tableau de bord ${d.year} – ${d.territory.name}`,
    columns: [...FIGURE_COLUMNS, ...cellColumnDefs, ...CHANGE_COLUMNS],
    rows: d.figures.map((f) => figureRow(f, (t) => names.get(`${t.level}:${t.code}`) ?? t.code, true)),
    notes: [
      `Source : observatoire Senacs, campagne ${d.year} (données de l’année ${d.year}), ${d.view === 'working' ? 'vue de travail (réponses non encore validées comprises)' : 'réponses validées'}.`,
      SHARE_CONVENTION,
      SECRECY_NOTE,
    ],
  };
}

/**
 * A free query (POST /api/stats/query) as a table; its band filters are written in one column.
 * @example queryTable(await queryStats({ db, query }), names)
 */
export function queryTable(q: { year: number; figures: readonly FigureLike[] }, territoryNames: ReadonlyMap<string, string> = new Map()): Table {
  return {
    title: `Requête ${q.year}`,
    columns: [...FIGURE_COLUMNS, { name: 'filtres', title: 'Filtres', type: 'string', description: 'Filtres par tranches appliqués (dimension:valeur, séparés par des virgules).' }, ...cellColumnDefs, ...CHANGE_COLUMNS],
    rows: q.figures.map((f) => ({
      ...figureRow(f, (t) => territoryNames.get(`${t.level}:${t.code}`) ?? (t.level === 'nation' ? 'France' : t.code), true),
      filtres: (f.filters ?? []).map((x) => `${x.dimension}:${x.value}`).join(','),
    })),
    notes: [`Source : observatoire Senacs, campagne ${q.year}, réponses validées. Requête libre : valeurs légèrement perturbées pour protéger les structures.`, SHARE_CONVENTION, SECRECY_NOTE],
  };
}

/**
 * A structure's position among its peers (GET /api/structures/:id/position): per indicator its own value
 * and each published statistic of the group.
 */
export function positionTable(p: {
  year: number; structureName: string;
  indicators: readonly { code: string; label: string; unit: string; value: unknown; group: Record<string, PublishedCell>; position: string | null }[];
}): Table {
  const rows: TableRow[] = [];
  for (const i of p.indicators) {
    for (const [stat, cell] of Object.entries(i.group)) {
      rows.push({
        indicateur_code: i.code, indicateur: i.label, statistique: statLabels[stat as Stat] ?? stat, unite: statUnit(i.unit, stat as Stat),
        valeur_structure: typeof i.value === 'number' ? i.value : typeof i.value === 'boolean' ? (i.value ? 1 : 0) : null,
        position: i.position ? positionLabels[i.position] ?? i.position : null,
        ...cellColumns(stat === 'share' ? asPercent(cell) : cell),
      });
    }
  }
  return {
    title: `Position ${p.year}`,
    columns: [
      FIGURE_COLUMNS[3], FIGURE_COLUMNS[4], FIGURE_COLUMNS[5], FIGURE_COLUMNS[6],
      { name: 'valeur_structure', title: `Valeur de ${p.structureName}`, type: 'number', description: 'La valeur déclarée par la structure (1 = oui, 0 = non).' },
      { name: 'position', title: 'Position parmi les pairs', type: 'string', description: 'Quartile du groupe de pairs où se situe la structure.' },
      ...cellColumnDefs.map((c) => ({ ...c, title: `Groupe de pairs : ${c.title.toLowerCase()}` })),
    ],
    rows,
    notes: [`Source : observatoire Senacs, campagne ${p.year}. Les valeurs du groupe de pairs passent par le contrôle du secret statistique.`, SHARE_CONVENTION, SECRECY_NOTE],
  };
}

export const positionLabels: Record<string, string> = {
  below_q1: 'sous le 1er quartile', q1_to_median: 'entre le 1er quartile et la médiane', median_to_q3: 'entre la médiane et le 3e quartile', above_q3: 'au-dessus du 3e quartile',
};
