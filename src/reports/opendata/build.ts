import { publishedStats, type FlexibleQueryRequest, type PublishedFigure, type Territory } from '../../domain/disclosure';
import { coreIndicator } from '../../domain/indicators';
import { openDataCsv, toCsv } from '../table/csv';
import { figureRow, levelLabels, SHARE_CONVENTION, statLabels, unitLabels } from '../table/figures';
import { directoryColumns, directoryTable, type DirectoryItem } from '../table/lists';
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

/** The averages of all structures together: from the release's audited table (exact). */
const averagesTogether = (exact: readonly PublishedFigure[]) => exact.filter((f) => averages.has(f.stat) && f.filters.length === 0);

/** A filtered query the averages by kind need, to be run through the gate by the caller. */
export interface ByKindQuery {
  /** The structure kind the query filters on. */
  kind: string;
  /** A key naming the query, the same for the same query of the same release (to memoize it). */
  key: string;
  request: FlexibleQueryRequest;
}

/**
 * The gate's filtered queries the averages by kind of structure need: one per kind, level and kind of
 * indicator (yes/no → share, else mean), over the territories and indicators of the exact averages.
 * @example byKindQueries(nationalFigures)[0] // { kind: 'CS', key: 'opendata:kind:CS:nation:true', request: { kind: 'flexible_query', … } }
 */
export function byKindQueries(exact: readonly PublishedFigure[]): ByKindQuery[] {
  const together = averagesTogether(exact);
  const out: ByKindQuery[] = [];
  for (const [level] of levels) {
    const territories = [...new Set(together.filter((f) => f.territory.level === level).map((f) => f.territory.code))];
    const indicators = [...new Set(together.map((f) => f.indicator))];
    for (const [kind] of kinds) for (const yesNo of [true, false]) {
      const wanted = indicators.filter((i) => (coreIndicator(i)?.unit === 'yesno') === yesNo);
      if (wanted.length === 0 || territories.length === 0) continue;
      out.push({ kind, key: `opendata:kind:${kind}:${level}:${yesNo}`, request: {
        kind: 'flexible_query', indicators: wanted, level, territories, filters: [{ dimension: 'kind', value: kind }], stats: [yesNo ? 'share' : 'mean'],
      } });
    }
  }
  return out;
}

/**
 * The averages (means, shares of yes) of centres sociaux and EVS apart, and together: together from the
 * release's audited table (exact), each kind from the answers to `byKindQueries` (the gate's filtered query
 * on the same release, perturbed as any filtered figure), for the same territories.
 */
function byKindRows(exact: readonly PublishedFigure[], byKind: readonly { kind: string; figures: readonly PublishedFigure[] }[], nameOf: (t: Territory) => string): TableRow[] {
  const together = averagesTogether(exact);
  const perKind = new Map<string, PublishedFigure>();
  for (const { kind, figures } of byKind) for (const f of figures) perKind.set(`${kind}|${f.indicator}|${f.stat}|${f.territory.level}:${f.territory.code}`, f);
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

/** What the open data files are laid out from: figures already through the gate, and the public directory. */
export interface OpenDataInput {
  year: number;
  /** Territory names by `level:code` (`nation:FR`, `region:84`, `departement:69`). */
  names: ReadonlyMap<string, string>;
  /** The release's fixed table (all levels). */
  figures: readonly PublishedFigure[];
  /** The answers to `byKindQueries(figures)`, with the kind each filters on. */
  byKind: readonly { kind: string; figures: readonly PublishedFigure[] }[];
  /** The release the figures come from, if any. */
  release: { number: number; publishedAt: Date } | null;
  /** The public directory rows, as `listStructures` gives them. */
  directory: readonly DirectoryItem[];
}

/**
 * The open data files of a campaign, laid out from its latest release: the published aggregates (the same
 * fixed table as the dashboards, hence the same suppression pattern) at each territory level, the averages
 * of centres sociaux and EVS apart and together, and the public directory. Shares are percentages (0–100).
 * Pure: `buildOpenData` (src/app) reads the data through the gate.
 * @example const files = openDataFiles({ year: 2024, names, figures, byKind, release, directory });
 */
export function openDataFiles(input: OpenDataInput): OpenDataFile[] {
  const { year, names, figures } = input;
  const nameOf = (t: Territory) => names.get(`${t.level}:${t.code}`) ?? t.code;
  const version = input.release ? ` Version n° ${input.release.number} publiée le ${input.release.publishedAt.toISOString().slice(0, 10)}.` : '';
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
    { title: 'moyennes-par-type', columns: byKindColumns(), rows: byKindRows(figures, input.byKind, nameOf) }, ['niveau', 'territoire_code', 'type_structure', 'indicateur_code', 'statistique']));
  // The directory has no versions of its own: the file is the directory as it stands when it is built. The
  // API serves the files stored with the release (src/app/publication/storeReleaseFiles.ts), built when it was
  // published (or at the first request, for a release published before files were stored), so a later change
  // to the directory shows in the next release's file, not in this one's.
  out.push(file(`annuaire-${year}`, 'Annuaire des structures (à la date de la version)', `Identité publique des structures agréées, telle qu’à la constitution des fichiers de la version (à sa publication) : nom, adresse, commune, mode de gestion, situation QPV.${version}`,
    { ...directoryTable(input.directory), columns: directorySchemaColumns() }, ['id']));
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
