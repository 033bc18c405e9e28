import type { Database$ } from '../src/db/connection';
import { invalidatePopulation } from '../src/app/stats/populationCache';
import { buildPlaquette, plaquetteSource } from '../src/app/reports/buildPlaquette';
import { buildAllPlaquettes } from '../src/app/reports/buildAllPlaquettes';
import { buildFactSheet } from '../src/app/reports/buildFactSheet';
import { DEMO_CENTRE } from '../src/domain/demo/structures';
import type { Actor } from '../src/domain/roles';
import { median, medianMs, nationalDemo, publishedYear, round, type Figures } from './lib';
import { exportXlsx } from './exports.bench';
import { buildOpenData } from '../src/app/publication/buildOpenData';
import { getOpenDataFile, storeOpenData } from '../src/app/publication/getOpenData';

/**
 * Publication figures on the national demo (scale 1, ~4,070 structures) in a PGlite data folder seeded on
 * first use. Each measure is one function of the list below: adding a figure is adding a function.
 */

interface PublishBench { database: Database$; year: number; national: Actor }
type Measure = (b: PublishBench) => Promise<Figures>;

const national: Actor = { userId: 1, memberships: [{ role: 'national_admin' }] };

/**
 * One département's plaquette as the API makes it on its first request (published population warm, table
 * and directory read per call; the rendered-PDF memo left empty, so the PDF is rendered every time).
 */
const plaquetteDepartement: Measure = async ({ database, year }) => {
  const once = async () => {
    const source = await plaquetteSource({ db: database.db, year });
    return buildPlaquette({ db: database.db, year, level: 'departement', code: '69', source: { ...source, memo: new Map() } });
  };
  await once();
  const ms = await medianMs(5, once);
  return { plaquette_departement_s: { value: round(ms / 1000, 2), unit: 's' } };
};

/** `senacs report --all`: nation, régions and départements, population loaded cold (files not written); median of 2 runs. */
const plaquetteAll: Measure = async ({ database, year }) => {
  const runs: number[] = [];
  let count = 0;
  for (let i = 0; i < 2; i++) {
    invalidatePopulation(year);
    const t = performance.now();
    count = (await buildAllPlaquettes({ db: database.db, year, onPlaquette: () => {} })).count;
    runs.push(performance.now() - t);
  }
  return {
    plaquette_all_s: { value: round(median(runs) / 1000, 1), unit: 's' },
    plaquette_all_count: { value: count, unit: 'PDF' },
  };
};

/** A centre's fact sheet (position among its nearest neighbours over the years, box plots, evolution). */
const factSheet: Measure = async ({ database, year, national: actor }) => {
  const centre = await database.db.selectFrom('structures').select('id').where('name', '=', DEMO_CENTRE.name).executeTakeFirstOrThrow();
  await buildFactSheet({ db: database.db, actor, structureId: centre.id, year });
  const ms = await medianMs(5, () => buildFactSheet({ db: database.db, actor, structureId: centre.id, year }));
  return { fact_sheet_s: { value: round(ms / 1000, 2), unit: 's' } };
};

/**
 * The open data of the release, in the same run: `opendata_build_ms`, building its files as the API did on
 * every call before they were stored (population warm; median of 5), and `opendata_stored_ms`, serving the
 * national aggregates file from the release's stored files (the use case behind
 * `GET /api/opendata/:year/files/agregats-france-<year>.csv`; median of 20, after the files are stored).
 */
const openData: Measure = async ({ database, year }) => {
  await buildOpenData({ db: database.db, year });
  const build = await medianMs(5, () => buildOpenData({ db: database.db, year }));
  await storeOpenData({ db: database.db, year });
  const name = `agregats-france-${year}.csv`;
  const served = await getOpenDataFile({ db: database.db, year, name });
  const stored = await medianMs(20, () => getOpenDataFile({ db: database.db, year, name }));
  return {
    opendata_build_ms: { value: Math.round(build), unit: 'ms' },
    opendata_stored_ms: { value: round(stored, 1), unit: 'ms' },
    opendata_france_kb: { value: Math.round(served.bytes.byteLength / 1024), unit: 'Kio' },
  };
};

const MEASURES: Measure[] = [openData, plaquetteDepartement, plaquetteAll, factSheet, exportXlsx];

export async function run(): Promise<Figures> {
  const database = await nationalDemo('publish');
  try {
    const year = await publishedYear(database);
    const out: Figures = {};
    for (const measure of MEASURES) Object.assign(out, await measure({ database, year, national }));
    return out;
  } finally { await database.close(); }
}

