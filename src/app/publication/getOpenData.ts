import type { Db } from '../../db/connection';
import { latestReleaseFileInfo, storeReleaseFile } from '../../db/releaseFiles.repo';
import { latestStoredFile } from './storedFiles';
import { AppError } from '../../domain/errors';
import { dataPackage, type OpenDataFile } from '../../reports/opendata/build';
import { checkYear } from '../territories/resolveTerritory';
import { buildReleaseOpenData } from './buildOpenData';

/** A file as the API serves it: its bytes and their type, and the SHA-256 (hex) it was stored with (none when just built). */
export interface ServedFile { name: string; contentType: string; bytes: Uint8Array; sha256?: string }

/** Stored names of the open-data files start with this (the plaquettes have theirs). */
const PREFIX = 'opendata/';
/** The listing of `GET /api/opendata/:year`, stored last: once it is there, every open-data file is. */
const LISTING = 'index.json';
const JSON_TYPE = 'application/json';
const CSV_TYPE = 'text/csv; charset=utf-8';

const json = (name: string, value: unknown): ServedFile => ({ name, contentType: JSON_TYPE, bytes: Buffer.from(JSON.stringify(value)) });

/**
 * The bytes the API serves for a year's open data: each CSV (UTF-8), its Table Schema, datapackage.json,
 * and last the listing of `GET /api/opendata/:year` (JSON as `c.json` writes it).
 */
function openDataBytes(year: number, files: readonly OpenDataFile[]): ServedFile[] {
  const datapackage = dataPackage(year, files);
  const base = `/api/opendata/${year}`;
  return [
    ...files.flatMap((f) => [{ name: `${f.name}.csv`, contentType: CSV_TYPE, bytes: Buffer.from(f.csv) }, json(`${f.name}.schema.json`, f.schema)]),
    json('datapackage.json', datapackage),
    json(LISTING, {
      year, licence: datapackage.licenses[0], datapackage: `${base}/files/datapackage.json`,
      items: files.map((f) => ({ name: f.name, title: f.title, description: f.description, rows: f.rows, csv: `${base}/files/${f.name}.csv`, schema: `${base}/files/${f.name}.schema.json` })),
      total: files.length,
    }),
  ];
}

interface Built { release: number; files: Map<string, ServedFile>; stored: number; storeError?: unknown }

/** Builds in flight, per database and year: concurrent first requests (and the job) share one build. */
const building = new WeakMap<Db, Map<number, Promise<Built>>>();

/** Builds the latest release's files and stores them; a storage failure is kept in `storeError`, the files answered. */
function buildAndStore(db: Db, year: number): Promise<Built> {
  const mine = building.get(db) ?? new Map<number, Promise<Built>>();
  building.set(db, mine);
  const running = mine.get(year);
  if (running) return running;
  const job = (async () => {
    const { release, files } = await buildReleaseOpenData({ db, year });
    const bytes = openDataBytes(year, files);
    const built: Built = { release, files: new Map(bytes.map((f) => [f.name, f])), stored: 0 };
    try {
      for (const f of bytes) if (await storeReleaseFile(db, { year, number: release, name: PREFIX + f.name, contentType: f.contentType, bytes: f.bytes })) built.stored++;
    } catch (error) { built.storeError = error; }
    return built;
  })().finally(() => mine.delete(year));
  mine.set(year, job);
  return job;
}

/**
 * Builds the open-data files of a year's latest release (the gate's output now) and stores them under the
 * release they were built from, each once (a file already stored is left as it is; the listing goes last,
 * so its presence says the set is complete). Answers the release, the files by name and how many this call
 * stored; throws when they could not be stored. Concurrent calls in one process for the same year share
 * one build. A year without campaign is a 404, one without release `not_published`, as for any public figure.
 * @example const { release, stored } = await storeOpenData({ db, year: 2024 }); // release 1, stored 12 (then 0)
 */
export async function storeOpenData(p: { db: Db; year: number }): Promise<{ release: number; files: Map<string, ServedFile>; stored: number }> {
  const { storeError, ...built } = await buildAndStore(p.db, p.year);
  if (storeError) throw storeError;
  return built;
}

/**
 * One open-data file of a year's latest release: read from storage, else built (and stored for the next
 * request; a storage failure is logged, the built file still served).
 */
async function openDataFile(db: Db, year: number, name: string): Promise<ServedFile | undefined> {
  const hit = await latestStoredFile(db, year, PREFIX + name);
  if (hit) return { name, contentType: hit.contentType, bytes: hit.bytes, sha256: hit.sha256 };
  // The listing stored and not this file: the release has no such file, nothing to build.
  if (name !== LISTING && (await latestReleaseFileInfo(db, year, PREFIX + LISTING))) return undefined;
  const built = await buildAndStore(db, year);
  if (built.storeError) console.error(`opendata ${year}: files built but not stored: ${(built.storeError as Error).message}`);
  return built.files.get(name);
}

/**
 * The listing of a year's open data (`GET /api/opendata/:year`, JSON bytes): the files of its latest
 * release, their titles, row counts and links. Read from the release's stored files; built on demand
 * (and stored) when they are not stored yet.
 * @example const listing = await listOpenData({ db, year: 2024 }); JSON.parse(Buffer.from(listing.bytes).toString()).total // 5
 */
export async function listOpenData(p: { db: Db; year: number }): Promise<ServedFile> {
  const f = await openDataFile(p.db, p.year, LISTING);
  if (!f) throw new AppError('not_found', 'Données ouvertes introuvables.');
  return f;
}

/**
 * One open-data file of a year's latest release by its public name (`<name>.csv`, `<name>.schema.json`,
 * `datapackage.json`): the stored bytes, built on demand (and stored) when the release's files are not
 * stored yet. Any other name is a 404 in French.
 * @example const f = await getOpenDataFile({ db, year: 2024, name: 'agregats-france-2024.csv' }); // f.contentType === 'text/csv; charset=utf-8'
 */
export async function getOpenDataFile(p: { db: Db; year: number; name: string }): Promise<ServedFile> {
  const servable = p.name === 'datapackage.json' || /^[a-z0-9-]+\.(csv|schema\.json)$/.test(p.name);
  if (!servable) await checkYear(p.db, p.year);
  const f = servable ? await openDataFile(p.db, p.year, p.name) : undefined;
  if (!f) throw new AppError('not_found', 'Fichier de données ouvertes introuvable.');
  return f;
}
