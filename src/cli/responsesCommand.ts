import { parseArgs } from 'node:util';
import { readFile, writeFile } from 'node:fs/promises';
import type { Database$ } from '../db/connection';
import { actorByEmail } from '../app/accounts/actorByEmail';
import { exportResponses } from '../app/responses/exportResponses';
import { importResponses } from '../app/responses/importResponses';
import { AppError } from '../domain/errors';
import { tableFormatOf, yearOption } from './options';
import { plural, pluralWord } from '../domain/labels';

const usage = `Usage :
  senacs responses import fichier.csv|fichier.xlsx --year AAAA [--dry-run] [--as email]
  senacs responses export --year AAAA --out fichier.csv|fichier.xlsx [--as email]`;


/**
 * `senacs responses import|export`: answers in bulk, one row per structure (SIRET), one column per code.
 * Returns the exit code (1 when the file has problems: nothing was stored).
 * @example await responsesCommand(['import', 'reponses.csv', '--year', '2024', '--dry-run'], open);
 */
export async function responsesCommand(args: string[], open: () => Promise<Database$>, print: (line: string) => void = console.log): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: {
    year: { type: 'string' }, out: { type: 'string' }, as: { type: 'string' }, 'dry-run': { type: 'boolean' },
  } });
  if (sub !== 'import' && sub !== 'export') throw new AppError('bad_request', usage);
  const year = yearOption(values.year, usage);
  const file = sub === 'import' ? positionals[0] : values.out;
  if (!file) throw new AppError('bad_request', usage);
  const format = tableFormatOf(file);
  const database = await open();
  try {
    const actor = values.as ? await actorByEmail(database.db, values.as) : null;
    if (sub === 'export') {
      const r = await exportResponses({ db: database.db, actor, year, format });
      await writeFile(file, r.bytes);
      print(`${plural(r.rows, 'réponse', 'réponses')} ${year} ${pluralWord(r.rows, 'exportée', 'exportées')} dans ${file} (${r.columns} questions)${r.skipped ? ` ; ${plural(r.skipped, 'structure sans SIRET laissée', 'structures sans SIRET laissées')} de côté` : ''}.`);
      return 0;
    }
    const bytes = new Uint8Array(await readFile(file).catch(() => { throw new AppError('not_found', `Fichier introuvable : ${file}`); }));
    const report = await importResponses({ db: database.db, actor, year, bytes, format, dryRun: values['dry-run'] ?? false });
    print(`${plural(report.rows, 'ligne', 'lignes')}, ${plural(report.answers, 'réponse lue', 'réponses lues')}.`);
    for (const p of report.problems) print(`  ligne ${p.row}, colonne ${p.column || '(sans nom)'} (${p.cell}) : ${p.message}`);
    if (report.problems.length > 0) print(`Import refusé : ${plural(report.problems.length, 'problème', 'problèmes')}, rien n’a été enregistré.`);
    else if (report.stored) print(`Importé : ${plural(report.written, 'réponse modifiée', 'réponses modifiées')}, ${plural(report.responsesCreated, 'réponse de structure créée', 'réponses de structure créées')}.`);
    else print('Vérification seulement (--dry-run) : aucun problème, rien n’a été enregistré.');
    return report.problems.length > 0 ? 1 : 0;
  } finally { await database.close(); }
}
