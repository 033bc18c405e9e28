import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection';
import { campaignYears } from '../../db/aggregation.repo';
import { directoryEntries, type DirectoryEntry } from '../../db/report.repo';
import { listDepartements, listRegions } from '../../db/territory.repo';
import type { PublishedFigure } from '../../domain/disclosure';
import { AppError } from '../../domain/errors';
import { plaquetteModel, type PlaquetteLevel } from '../../reports/plaquette/model';
import { nationalTable } from '../stats/getDashboard';
import { getPopulation, memoOf } from '../stats/populationCache';
import { asBuffer, runHeavy } from '../infra/heavy/pool';

/**
 * What every plaquette of a campaign year reads: the published national table (the very table of the
 * dashboards, so all outputs share one suppression pattern), the public directory and the territories.
 * Load it once for a batch (`senacs report --all`).
 */
export interface PlaquetteSource {
  year: number;
  table: readonly PublishedFigure[];
  /** The release the table comes from. */
  release: { number: number; publishedAt: Date } | null;
  structures: readonly DirectoryEntry[];
  regions: readonly { code: string; name: string }[];
  departements: readonly { code: string; name: string; region_code: string }[];
  /** The population's memo: plaquettes already rendered from this very table (dropped with it). */
  memo: Map<string, unknown>;
}

/**
 * Loads the published table and the directory of a campaign year; a 404 in French for a year without campaign.
 * @example const source = await plaquetteSource({ db, year: 2025 });
 */
export async function plaquetteSource(p: { db: Db; year: number }): Promise<PlaquetteSource> {
  const years = await campaignYears(p.db);
  if (!years.includes(p.year)) throw new AppError('not_found', `Aucune campagne pour l’année ${p.year}.`);
  const pop = await getPopulation({ db: p.db, year: p.year, mode: 'published' });
  const { structures, regions, departements } = await directoryOf(p.db);
  const release = pop.release ? { number: pop.release.number, publishedAt: pop.release.publishedAt } : null;
  return { year: p.year, table: nationalTable(pop), release, structures, regions, departements, memo: pop.memo };
}

/** The directory changes seldom (a new structure, a renamed one): plaquettes may lag it by this much. */
const DIRECTORY_MAX_AGE_MS = 60_000;
const directories = new WeakMap<Db, { at: number; value: ReturnType<typeof loadDirectory> }>();

const loadDirectory = async (db: Db) => {
  const [structures, regions, departements] = await Promise.all([directoryEntries(db), listRegions(db), listDepartements(db)]);
  return { structures, regions, departements };
};

function directoryOf(db: Db) {
  const hit = directories.get(db);
  if (hit && Date.now() - hit.at < DIRECTORY_MAX_AGE_MS) return hit.value;
  const value = loadDirectory(db);
  directories.set(db, { at: Date.now(), value });
  value.catch(() => directories.delete(db));
  return value;
}

/**
 * The plaquette of the nation, a région or a département as PDF bytes. Public: it prints published
 * figures and the public directory only.
 * @example const { pdf, filename } = await buildPlaquette({ db, year: 2025, level: 'departement', code: '69' });
 */
export async function buildPlaquette(p: { db: Db; year: number; level: PlaquetteLevel; code?: string; source?: PlaquetteSource }) {
  const source = p.source ?? (await plaquetteSource({ db: p.db, year: p.year }));
  const input = plaquetteInput(source, p.level, p.code);
  const model = plaquetteModel(input);
  // Same table and same directory entries give the same bytes: render once per population (the memo goes
  // with it when a response is validated), keyed by what the directory adds.
  const directory = createHash('sha1').update(JSON.stringify([input.structures, input.children])).digest('hex');
  const key = `plaquette:${p.level}:${model.code}:${directory}`;
  // The model is read here, through the gate; its charts, map and PDF are drawn in a worker thread (when
  // workers are on), so the event loop keeps serving requests during a batch.
  const pdf = await memoOf(source, key, async () => asBuffer(await runHeavy('renderPlaquette', model)));
  return {
    pdf, filename: plaquetteFilename(p.year, p.level, model.code), title: `${model.name} (${p.year})`, suppressed: model.suppressed,
    /** The number of the release the figures come from (null never happens for published figures). */
    release: source.release?.number ?? null,
  };
}

/**
 * The file name of a plaquette (the nation's whatever the code).
 * @example plaquetteFilename(2025, 'departement', '69') // 'plaquette-2025-departement-69.pdf'
 */
export function plaquetteFilename(year: number, level: PlaquetteLevel, code?: string): string {
  return `plaquette-${year}-${level === 'nation' ? 'france' : `${level}-${code}`}.pdf`;
}

/**
 * The model's input for a territory of the source; a 404 in French for an unknown territory.
 * @example plaquetteInput(source, 'region', '84').name // 'Auvergne-Rhône-Alpes'
 */
export function plaquetteInput(source: PlaquetteSource, level: PlaquetteLevel, code?: string) {
  const count = (pred: (s: DirectoryEntry) => boolean) => source.structures.filter(pred).length;
  const base = { year: source.year, table: source.table, release: source.release };
  if (level === 'nation') {
    return {
      ...base, level, code: 'FR', name: 'France', parentName: null, structures: source.structures, mapDepartements: source.departements.map((d) => d.code),
      children: source.regions.map((r) => ({ code: r.code, name: r.name, structures: count((s) => s.regionCode === r.code) })),
    };
  }
  if (!code) throw new AppError('validation_failed', 'Le code du territoire est requis pour ce niveau.');
  if (level === 'region') {
    const r = source.regions.find((x) => x.code === code);
    if (!r) throw new AppError('not_found', `Région introuvable : « ${code} ».`);
    return {
      ...base, level, code, name: r.name, parentName: null, structures: source.structures.filter((s) => s.regionCode === code),
      mapDepartements: source.departements.filter((d) => d.region_code === code).map((d) => d.code),
      children: source.departements.filter((d) => d.region_code === code).map((d) => ({ code: d.code, name: d.name, structures: count((s) => s.departementCode === d.code) })),
    };
  }
  const d = source.departements.find((x) => x.code === code);
  if (!d) throw new AppError('not_found', `Département introuvable : « ${code} ».`);
  return {
    ...base, level, code, name: d.name, parentName: source.regions.find((r) => r.code === d.region_code)?.name ?? null,
    structures: source.structures.filter((s) => s.departementCode === code), children: [],
    // The département on the map of its région, among its neighbours.
    mapDepartements: source.departements.filter((x) => x.region_code === d.region_code).map((x) => x.code),
  };
}
