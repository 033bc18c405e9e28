import type { Db } from '../../db/connection';
import { campaignYears } from '../../db/aggregation.repo';
import { listStructures } from '../../db/structure.repo';
import { listDepartements, listRegions } from '../../db/territory.repo';
import { nationalTable } from '../../app/getDashboard';
import { getPopulation, memoOf, type CampaignPopulation } from '../../app/populationCache';
import { publish, publishedStats, type PublishedFigure, type Territory } from '../../domain/disclosure';
import { coreIndicator } from '../../domain/indicators';
import { AppError } from '../../domain/errors';
import { openDataCsv, toCsv } from '../table/csv';
import { figureRow, levelLabels, SHARE_CONVENTION, statLabels, unitLabels } from '../table/figures';
import { directoryColumns, directoryTable } from '../table/lists';
import { cellColumnDefs, cellStatusLabels, type Table, type TableColumn, type TableRow } from '../table/table';
import { tableSchema, type TableSchema } from './schema';

export const OPEN_DATA_LICENCE = { name: 'etalab-2.0', title: 'Licence Ouverte / Open Licence version 2.0', path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' };

/** One open data file of a campaign, with its schema. */
export interface OpenDataFile {
  name: string; title: string; description: string; csv: string; rows: number; schema: TableSchema;
}

const levels = [['nation', 'France'], ['region', 'regions'], ['departement', 'departements']] as const;

const unitWords = [...new Set(['structures', ...Object.values(unitLabels)])];

/** The aggregate columns, with the constraints the open data tests check against the data. */
function aggregateColumns(): TableColumn[] {
  const statuses = Object.values(cellStatusLabels);
  return [
    { name: 'niveau', title: 'Niveau', type: 'string', description: 'Niveau du territoire : France, région ou département.', constraints: { required: true, enum: Object.values(levelLabels) } },
    { name: 'territoire_code', title: 'Code du territoire', type: 'string', description: 'Code officiel géographique (FR pour la France, code INSEE de la région ou du département).', constraints: { required: true, pattern: 'FR|\\d{2}|2A|2B|97\\d' } },
    { name: 'territoire', title: 'Territoire', type: 'string', description: 'Nom du territoire.', constraints: { required: true } },
    { name: 'indicateur_code', title: 'Code de l’indicateur', type: 'string', description: 'Code stable de l’indicateur d’une année à l’autre (section.indicateur).', constraints: { required: true, pattern: '[a-z_]+(\\.[a-z0-9_]+)+' } },
    { name: 'indicateur', title: 'Indicateur', type: 'string', description: 'Libellé de l’indicateur dans le questionnaire.', constraints: { required: true } },
    { name: 'statistique', title: 'Statistique', type: 'string', description: 'Statistique publiée : nombre de structures répondantes, total, moyenne, médiane, quartiles ou part des structures (%).', constraints: { required: true, enum: publishedStats.map((s) => statLabels[s]) } },
    { name: 'unite', title: 'Unité', type: 'string', description: `Unité de la valeur : structures, personnes ou nombre, ETP, euros, %. ${SHARE_CONVENTION}`, constraints: { required: true, enum: unitWords } },
    { ...cellColumnDefs[0], description: `${cellColumnDefs[0].description} ${SHARE_CONVENTION}` },
    { ...cellColumnDefs[1], constraints: { minimum: 0 } },
    { ...cellColumnDefs[2], constraints: { required: true, enum: statuses } },
  ];
}

/** Directory columns with their constraints. */
function directorySchemaColumns(): TableColumn[] {
  const extra: Record<string, Record<string, unknown>> = {
    id: { required: true, unique: true, minimum: 1 }, nom: { required: true }, type: { required: true, enum: ['Centre social', 'Espace de vie sociale'] },
    siret: { pattern: '\\d{14}' }, commune_code: { required: true, pattern: '\\d{5}|2[AB]\\d{3}' }, departement_code: { required: true, pattern: '\\d{2}|2A|2B|97\\d' },
    region_code: { required: true, pattern: '\\d{2}' }, latitude: { minimum: -90, maximum: 90 }, longitude: { minimum: -180, maximum: 180 },
    gestion: { required: true }, quartier_prioritaire: { required: true },
  };
  return directoryColumns.map((c) => (extra[c.name] ? { ...c, constraints: extra[c.name] } : c));
}

const kinds = [['CS', 'Centre social'], ['EVS', 'Espace de vie sociale']] as const;
const averages = new Set<string>(['mean', 'share']);
const methods = { exact: 'exacte (tableau publié)', perturbed: 'perturbée (requête filtrée)' } as const;

/** Columns of the averages by kind of structure: the aggregate columns plus the kind and how the value was protected. */
function byKindColumns(): TableColumn[] {
  const columns = aggregateColumns().map((c) => (c.name === 'statistique'
    ? { ...c, description: 'Statistique publiée : moyenne (indicateurs chiffrés) ou part des structures (%) (indicateurs oui/non).', constraints: { required: true, enum: [statLabels.mean, statLabels.share] } }
    : c));
  const at = columns.findIndex((c) => c.name === 'territoire') + 1;
  columns.splice(at, 0, { name: 'type_structure', title: 'Type de structure', type: 'string', description: '« Ensemble » (centres sociaux et espaces de vie sociale), « Centre social » ou « Espace de vie sociale ».', constraints: { required: true, enum: ['Ensemble', ...kinds.map(([, label]) => label)] } });
  columns.push({ name: 'methode', title: 'Méthode de protection', type: 'string', description: `« ${methods.exact} » : valeur exacte du tableau publié de la version (secret primaire et secondaire), la même que dans les fichiers agrégats ; « ${methods.perturbed} » : valeur d’un type de structure, calculée par la requête filtrée du contrôle du secret (légèrement perturbée, comme sur le site).`, constraints: { required: true, enum: Object.values(methods) } });
  return columns;
}

/**
 * The averages (means, shares of yes) of centres sociaux and EVS apart, and together: together from the
 * release's audited table (exact), each kind through the gate's filtered query on the same release
 * (perturbed, as any filtered figure), for the same territories.
 */
function byKindRows(pop: CampaignPopulation, exact: readonly PublishedFigure[], nameOf: (t: Territory) => string): TableRow[] {
  const together = exact.filter((f) => averages.has(f.stat) && f.filters.length === 0);
  const perKind = new Map<string, PublishedFigure>();
  for (const [level] of levels) {
    const territories = [...new Set(together.filter((f) => f.territory.level === level).map((f) => f.territory.code))];
    const indicators = [...new Set(together.map((f) => f.indicator))];
    for (const [kind] of kinds) for (const yesNo of [true, false]) {
      const wanted = indicators.filter((i) => (coreIndicator(i)?.unit === 'yesno') === yesNo);
      if (wanted.length === 0 || territories.length === 0) continue;
      const figures = memoOf(pop, `opendata:kind:${kind}:${level}:${yesNo}`, () => publish(pop.population, {
        kind: 'flexible_query', indicators: wanted, level, territories, filters: [{ dimension: 'kind', value: kind }], stats: [yesNo ? 'share' : 'mean'],
      }).figures);
      for (const f of figures) perKind.set(`${kind}|${f.indicator}|${f.stat}|${f.territory.level}:${f.territory.code}`, f);
    }
  }
  return together.flatMap((f) => [
    { ...figureRow(f, nameOf, false), type_structure: 'Ensemble', methode: methods.exact },
    ...kinds.flatMap(([kind, label]) => {
      const k = perKind.get(`${kind}|${f.indicator}|${f.stat}|${f.territory.level}:${f.territory.code}`);
      return k ? [{ ...figureRow(k, nameOf, false), type_structure: label, methode: methods.perturbed }] : [];
    }),
  ]);
}

const file = (name: string, title: string, description: string, table: Table, primaryKey?: string[]): OpenDataFile => ({
  name, title, description, csv: toCsv(table, openDataCsv), rows: table.rows.length, schema: tableSchema(table.columns, primaryKey),
});

/**
 * The open data files of a campaign, all read from its latest release: the published aggregates (the same
 * fixed table as the dashboards, hence the same suppression pattern) at each territory level, the averages
 * of centres sociaux and EVS apart and together, and the public directory. Shares are percentages (0–100).
 * @example const files = await buildOpenData({ db, year: 2024 });
 */
export async function buildOpenData(p: { db: Db; year: number }): Promise<OpenDataFile[]> {
  const { db, year } = p;
  if (!(await campaignYears(db)).includes(year)) throw new AppError('not_found', `Aucune campagne pour l’année ${year}.`);
  const names = new Map<string, string>([['nation:FR', 'France']]);
  for (const r of await listRegions(db)) names.set(`region:${r.code}`, r.name);
  for (const d of await listDepartements(db)) names.set(`departement:${d.code}`, d.name);
  const nameOf = (t: Territory) => names.get(`${t.level}:${t.code}`) ?? t.code;
  const pop = await getPopulation({ db, year, mode: 'published' });
  const figures = nationalTable(pop);
  const version = pop.release ? ` Version n° ${pop.release.number} publiée le ${pop.release.publishedAt.toISOString().slice(0, 10)}.` : '';
  const columns = aggregateColumns();
  const out: OpenDataFile[] = [];
  for (const [level, slug] of levels) {
    const rows = figures.filter((f) => f.territory.level === level).map((f) => figureRow(f, nameOf, false));
    out.push(file(`agregats-${slug.toLowerCase()}-${year}`, `Chiffres clés ${year} – ${level === 'nation' ? 'France entière' : level === 'region' ? 'par région' : 'par département'}`,
      `Indicateurs des centres sociaux et espaces de vie sociale, données ${year}, réponses validées, après contrôle du secret statistique (cases « secret » sans valeur).${version}`,
      { title: slug, columns, rows }, ['territoire_code', 'indicateur_code', 'statistique']));
  }
  out.push(file(`moyennes-par-type-${year}`, `Moyennes et parts ${year} – centres sociaux, espaces de vie sociale et ensemble`,
    `Moyennes des indicateurs chiffrés et parts des structures répondant oui, pour les centres sociaux et les espaces de vie sociale séparément (comparables aux références nationales des centres sociaux) et ensemble, par territoire. ${SHARE_CONVENTION}${version}`,
    { title: 'moyennes-par-type', columns: byKindColumns(), rows: byKindRows(pop, figures, nameOf) }, ['niveau', 'territoire_code', 'type_structure', 'indicateur_code', 'statistique']));
  const { items } = await listStructures(db, {}, { offset: 0, limit: 100_000 });
  // The directory is not versioned by campaign: it is the directory as it stands when the file is built.
  out.push(file(`annuaire-${year}`, 'Annuaire des structures (état actuel)', 'Identité publique des structures agréées, à la date du fichier : nom, adresse, commune, mode de gestion, situation QPV.',
    { ...directoryTable(items), columns: directorySchemaColumns() }, ['id']));
  return out;
}

/**
 * The datapackage.json describing the files (Frictionless Data Package), schemas inline.
 * @example dataPackage(2024, files).resources.length // 4
 */
export function dataPackage(year: number, files: readonly OpenDataFile[]) {
  return {
    profile: 'tabular-data-package',
    name: `senacs-${year}`,
    title: `Observatoire Senacs – données ouvertes ${year}`,
    description: `Chiffres publiés des centres sociaux et espaces de vie sociale, et annuaire des structures. Les cases couvertes par le secret statistique ont une valeur vide et le statut « secret (règle) ». ${SHARE_CONVENTION}`,
    licenses: [OPEN_DATA_LICENCE],
    resources: files.map((f) => ({
      profile: 'tabular-data-resource', name: f.name, path: `${f.name}.csv`, title: f.title, description: f.description, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
      dialect: { delimiter: ',', header: true }, schema: `${f.name}.schema.json`,
    })),
  };
}
