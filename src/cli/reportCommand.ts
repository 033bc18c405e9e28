import { parseArgs } from 'node:util';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Database$ } from '../db/connection';
import { buildAllPlaquettes } from '../app/reports/buildAllPlaquettes';
import { buildPlaquette } from '../app/reports/buildPlaquette';
import { AppError } from '../domain/errors';
import { progressPrinter } from './progress';

const USAGE = 'Usage : senacs report --level departement|region|nation [--code C] --year AAAA --out F.pdf\n        senacs report --all --year AAAA --out dossier/';

/**
 * `senacs report`: one plaquette to a file, or all of them (nation, régions, départements) into a folder
 * with a progress display.
 * @example await reportCommand(['--level', 'departement', '--code', '69', '--year', '2025', '--out', 'rhone.pdf'], open) // 0
 */
export async function reportCommand(args: string[], open: () => Promise<Database$>, print: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({ args, options: {
    level: { type: 'string' }, code: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, all: { type: 'boolean' },
  } });
  if (!values.year || !/^\d{4}$/.test(values.year) || !values.out) throw new AppError('bad_request', USAGE);
  const year = Number(values.year);
  if (values.all) {
    if (values.level || values.code) throw new AppError('bad_request', `--all fait toutes les plaquettes : ne donnez ni --level ni --code.\n${USAGE}`);
    const dir = values.out;
    await mkdir(dir, { recursive: true });
    const database = await open();
    try {
      const progress = progressPrinter();
      const s = await buildAllPlaquettes({
        db: database.db, year,
        onPlaquette: (r) => writeFile(join(dir, r.filename), r.pdf),
        onProgress: (done, total) => progress(`Plaquettes ${year}`, done, total),
      });
      print(`${s.count} plaquettes écrites dans ${dir} (${(s.bytes / 1e6).toFixed(1)} Mo) en ${s.seconds.toFixed(1)} s.`);
      return 0;
    } finally { await database.close(); }
  }
  const level = values.level;
  if (level !== 'nation' && level !== 'region' && level !== 'departement') throw new AppError('bad_request', `Niveau attendu : nation, region ou departement.\n${USAGE}`);
  if (level !== 'nation' && !values.code) throw new AppError('bad_request', `Précisez --code pour ce niveau.\n${USAGE}`);
  const database = await open();
  try {
    const t = performance.now();
    const r = await buildPlaquette({ db: database.db, year, level, code: values.code });
    await mkdir(dirname(values.out), { recursive: true });
    await writeFile(values.out, r.pdf);
    print(`Plaquette ${r.title} écrite dans ${values.out} (${Math.round(r.pdf.length / 1000)} ko) en ${((performance.now() - t) / 1000).toFixed(2)} s.`);
    return 0;
  } finally { await database.close(); }
}
