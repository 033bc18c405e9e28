import type { Db } from '../../db/connection';
import { buildPlaquette, plaquetteSource } from './buildPlaquette';
import type { PlaquetteLevel } from '../../reports/plaquette/model';

/**
 * Every plaquette of a campaign year — the nation, each région, each département — from one load of the
 * published table and the directory. Each PDF is handed to `onPlaquette` as soon as it is made.
 * @example await buildAllPlaquettes({ db, year: 2025, onPlaquette: (p) => writeFile(join(dir, p.filename), p.pdf) })
 */
export async function buildAllPlaquettes(p: {
  db: Db; year: number;
  onPlaquette: (r: { level: PlaquetteLevel; code: string; filename: string; pdf: Buffer }) => Promise<void> | void;
  onProgress?: (done: number, total: number) => void;
}) {
  const started = performance.now();
  const source = await plaquetteSource({ db: p.db, year: p.year });
  const jobs: { level: PlaquetteLevel; code: string }[] = [
    { level: 'nation', code: 'FR' },
    ...source.regions.map((r) => ({ level: 'region' as const, code: r.code })),
    ...source.departements.map((d) => ({ level: 'departement' as const, code: d.code })),
  ];
  let bytes = 0;
  for (const [i, job] of jobs.entries()) {
    p.onProgress?.(i, jobs.length);
    const r = await buildPlaquette({ db: p.db, year: p.year, level: job.level, code: job.code, source });
    bytes += r.pdf.length;
    await p.onPlaquette({ level: job.level, code: job.code, filename: r.filename, pdf: r.pdf });
  }
  p.onProgress?.(jobs.length, jobs.length);
  return { count: jobs.length, bytes, seconds: (performance.now() - started) / 1000 };
}
