import type { Db } from '../../db/connection';
import { buildPlaquette, plaquetteSource } from './buildPlaquette';
import type { PlaquetteLevel } from '../../reports/plaquette/model';
import { heavyParallelism } from '../infra/heavy/pool';
import { AppError } from '../../domain/errors';

/**
 * Every plaquette of a campaign year — the nation, each région, each département — from one load of the
 * published table and the directory. Each PDF is handed to `onPlaquette` as soon as it is made, in the
 * order above. The PDFs are drawn in the worker threads (src/app/infra/heavy), as many at once as the pool
 * has threads; one at a time when workers are off (the command line). With `region`, only that région's
 * plaquette and its départements' (a 404 in French for an unknown région).
 * @example await buildAllPlaquettes({ db, year: 2025, onPlaquette: (p) => writeFile(join(dir, p.filename), p.pdf) })
 */
export async function buildAllPlaquettes(p: {
  db: Db; year: number; region?: string;
  /** Draw only the territories this answers true for (all by default): a batch taken up again skips what it has. */
  only?: (t: { level: PlaquetteLevel; code: string }) => boolean;
  /** `release`: the number of the release the figures come from. */
  onPlaquette: (r: { level: PlaquetteLevel; code: string; filename: string; pdf: Buffer; release: number | null }) => Promise<void> | void;
  onProgress?: (done: number, total: number) => void;
}) {
  const started = performance.now();
  const source = await plaquetteSource({ db: p.db, year: p.year });
  if (p.region !== undefined && !source.regions.some((r) => r.code === p.region)) throw new AppError('not_found', `Région introuvable : « ${p.region} ».`);
  const all: { level: PlaquetteLevel; code: string }[] = p.region === undefined ? [
    { level: 'nation', code: 'FR' },
    ...source.regions.map((r) => ({ level: 'region' as const, code: r.code })),
    ...source.departements.map((d) => ({ level: 'departement' as const, code: d.code })),
  ] : [
    { level: 'region', code: p.region },
    ...source.departements.filter((d) => d.region_code === p.region).map((d) => ({ level: 'departement' as const, code: d.code })),
  ];
  const jobs = p.only ? all.filter(p.only) : all;
  // A window of plaquettes in flight, taken in order: the next one starts as soon as one is handed over.
  const ahead = heavyParallelism();
  const inFlight: ReturnType<typeof buildPlaquette>[] = [];
  const start = (i: number) => {
    if (i >= jobs.length) return;
    inFlight[i] = buildPlaquette({ db: p.db, year: p.year, level: jobs[i].level, code: jobs[i].code, source });
    inFlight[i].catch(() => {}); // awaited below, in order; a later failure is not left unhandled meanwhile
  };
  for (let i = 0; i < ahead; i++) start(i);
  let bytes = 0;
  for (const [i, job] of jobs.entries()) {
    p.onProgress?.(i, jobs.length);
    const r = await inFlight[i];
    start(i + ahead);
    bytes += r.pdf.length;
    await p.onPlaquette({ level: job.level, code: job.code, filename: r.filename, pdf: r.pdf, release: r.release });
  }
  p.onProgress?.(jobs.length, jobs.length);
  return { count: jobs.length, bytes, seconds: (performance.now() - started) / 1000 };
}
