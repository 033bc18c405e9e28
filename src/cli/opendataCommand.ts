import { parseArgs } from 'node:util';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Database$ } from '../db/connection';
import { buildOpenData } from '../app/publication/buildOpenData';
import { dataPackage } from '../reports/opendata/build';
import { AppError } from '../domain/errors';
import { progressPrinter } from './progress';

const USAGE = 'Usage : senacs opendata --year AAAA --out dossier/';

/**
 * `senacs opendata --year Y --out dir/`: writes a campaign's open data files (CSV), their Table Schemas
 * (<name>.schema.json) and datapackage.json.
 * @example await opendataCommand(['--year', '2024', '--out', 'opendata'], open) // 0
 */
export async function opendataCommand(args: string[], open: () => Promise<Database$>): Promise<number> {
  let values: { year?: string; out?: string };
  try { ({ values } = parseArgs({ args, options: { year: { type: 'string' }, out: { type: 'string' } } })); } catch { throw new AppError('bad_request', USAGE); }
  if (!values.year || !/^\d{4}$/.test(values.year) || !values.out) throw new AppError('bad_request', USAGE);
  const year = Number(values.year);
  const dir = resolve(values.out);
  const database = await open();
  try {
    const progress = progressPrinter();
    progress('Données ouvertes : calcul des tableaux publiés', 0, 1);
    const files = await buildOpenData({ db: database.db, year });
    progress('Données ouvertes : calcul des tableaux publiés', 1, 1);
    await mkdir(dir, { recursive: true });
    let done = 0;
    for (const f of files) {
      await writeFile(join(dir, `${f.name}.csv`), f.csv);
      await writeFile(join(dir, `${f.name}.schema.json`), `${JSON.stringify(f.schema, null, 2)}\n`);
      progress('Écriture des fichiers', ++done, files.length);
    }
    await writeFile(join(dir, 'datapackage.json'), `${JSON.stringify(dataPackage(year, files), null, 2)}\n`);
    for (const f of files) console.log(`  ${f.name}.csv : ${f.rows} lignes`);
    console.log(`Données ouvertes ${year} écrites dans ${dir} (${files.length} fichiers CSV, leurs schémas et datapackage.json).`);
    return 0;
  } finally { await database.close(); }
}
