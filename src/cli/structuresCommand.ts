import { parseArgs } from 'node:util';
import { readFile, writeFile } from 'node:fs/promises';
import type { Database$ } from '../db/connection';
import { checkDirectoryFile, importDirectory, type DirectoryReport } from '../app/directory/importDirectory';
import { directoryTemplate } from '../app/directory/directoryTemplate';
import { directorySchema } from '../domain/directory/template';
import { fieldLabels } from '../domain/directory/labels';
import { AppError } from '../domain/errors';
import { tableFormatOf } from './options';
import { plural } from '../domain/labels';

const usage = `Usage :
  senacs structures import annuaire.csv|annuaire.xlsx [--dry-run]
  senacs structures template --out modele.csv|modele.xlsx [--schema schema.json]`;

/**
 * `senacs structures import|template`: the directory of structures from a CAF file. The file is read and
 * checked before the database is opened; a file with any problem stores nothing. Returns the exit code.
 * @example await structuresCommand(['import', 'annuaire-2026.csv', '--dry-run'], open);
 */
export async function structuresCommand(args: string[], open: () => Promise<Database$>, print: (line: string) => void = console.log): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: {
    'dry-run': { type: 'boolean' }, out: { type: 'string' }, schema: { type: 'string' }, today: { type: 'string' },
  } });
  if (sub === 'template') {
    if (!values.out) throw new AppError('bad_request', usage);
    await writeFile(values.out, await directoryTemplate(tableFormatOf(values.out)));
    if (values.schema) await writeFile(values.schema, JSON.stringify(directorySchema(), null, 2));
    print(`Modèle d’annuaire écrit dans ${values.out}${values.schema ? `, son schéma (Table Schema) dans ${values.schema}` : ''}.`);
    return 0;
  }
  const file = positionals[0];
  if (sub !== 'import' || !file) throw new AppError('bad_request', usage);
  if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new AppError('bad_request', `--today attend une date AAAA-MM-JJ.\n${usage}`);
  const bytes = new Uint8Array(await readFile(file).catch(() => { throw new AppError('not_found', `Fichier introuvable : ${file}`); }));
  const checked = await checkDirectoryFile(bytes, tableFormatOf(file));
  print(`${plural(checked.rows, 'ligne lue', 'lignes lues')}.`);
  if (checked.problems.length > 0) {
    printProblems(checked.problems, print);
    return 1;
  }
  const database = await open();
  try {
    const report = await importDirectory({ db: database.db, actor: null, checked, dryRun: values['dry-run'] ?? false, ...(values.today ? { today: values.today } : {}) });
    if (report.problems.length > 0) { printProblems(report.problems, print); return 1; }
    printDifference(report, print);
    print(report.stored ? 'Annuaire importé.' : 'Vérification seulement (--dry-run) : aucun problème, rien n’a été enregistré.');
    return 0;
  } finally { await database.close(); }
}

function printProblems(problems: DirectoryReport['problems'], print: (line: string) => void) {
  for (const p of problems) print(`  ligne ${p.row}, colonne ${p.column || '(ligne)'} (${p.cell}) : ${p.message}`);
  print(`Import refusé : ${plural(problems.length, 'problème', 'problèmes')}, rien n’a été enregistré.`);
}

/** The difference, as the national page shows it. */
export function printDifference(r: DirectoryReport, print: (line: string) => void) {
  print(`Nouvelles structures : ${r.created.length} ; modifiées : ${r.updated.length} ; inchangées : ${r.unchanged} ; reprises (fusion, scission) : ${r.takenOver.length} ; agréments terminés : ${r.ended.length} ; absentes du fichier (laissées telles quelles) : ${r.absent.length}.`);
  for (const u of r.updated.slice(0, 50)) print(`  ~ ${u.name} (${u.siret}) : ${u.changes.map((c) => fieldLabels[c.field]).join(', ')}${u.tookOver.length ? ` ; reprend ${u.tookOver.join(', ')}` : ''}`);
  for (const t of r.takenOver) print(`  ⇢ ${t.name} (${t.siret}) reprise par ${t.successorSiret}`);
  for (const e of r.ended.slice(0, 50)) print(`  × ${e.name} (${e.siret}) : agrément terminé le ${e.endedOn}`);
}
