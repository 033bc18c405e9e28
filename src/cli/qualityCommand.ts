import { parseArgs } from 'node:util';
import type { Database$ } from '../db/connection';
import { runQuality } from '../app/quality/runQuality';
import { AppError } from '../domain/errors';
import { progressPrinter } from './progress';

/**
 * `senacs quality run --year Y`: checks every response of a campaign and stores findings and scores.
 * @example await qualityCommand(['run', '--year', '2025'], open) // 0
 */
export async function qualityCommand(args: string[], open: () => Promise<Database$>): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { year: { type: 'string' } } });
  if (sub !== 'run' || !values.year || !/^\d{4}$/.test(values.year)) throw new AppError('bad_request', 'Usage : senacs quality run --year AAAA');
  const database = await open();
  try {
    const progress = progressPrinter();
    const s = await runQuality({ db: database.db, year: Number(values.year), onProgress: (done, total, step) => progress(`Qualité ${values.year} (${step})`, done, total) });
    console.log(`Qualité ${s.year} : ${s.responses} réponses contrôlées, ${s.findings} constats, score moyen ${s.meanScore ?? '—'} en ${s.seconds.toFixed(1)} s.`);
    return 0;
  } finally { await database.close(); }
}
