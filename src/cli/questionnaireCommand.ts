import { parseArgs } from 'node:util';
import { readFile, writeFile } from 'node:fs/promises';
import type { Database$ } from '../db/connection';
import { exportQuestionnaire } from '../app/questionnaires/exportQuestionnaire';
import { importQuestionnaire, type QuestionnaireImportReport } from '../app/questionnaires/importQuestionnaire';
import { readQuestionnaireFile } from '../app/questionnaires/readQuestionnaireFile';
import { AppError } from '../domain/errors';
import { plural } from '../domain/labels';

const usage = `Usage :
  senacs questionnaire export --year AAAA --format xlsform --out fichier.xlsx
  senacs questionnaire import fichier.xlsx [--dry-run] [--year AAAA]`;

function yearOf(value: string | undefined, required: boolean): number | undefined {
  if (value === undefined && !required) return undefined;
  if (!value || !/^\d{4}$/.test(value)) throw new AppError('bad_request', `--year attend une année sur quatre chiffres.\n${usage}`);
  return Number(value);
}

/**
 * `senacs questionnaire export|import`: XLSForm out of and into the stored yearly versions. Returns the
 * exit code (1 when an import is refused or has defects).
 * @example await questionnaireCommand(['export', '--year', '2024', '--format', 'xlsform', '--out', 'q2024.xlsx'], open);
 */
export async function questionnaireCommand(args: string[], open: () => Promise<Database$>, print: (line: string) => void = console.log): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'export') {
    const { values } = parseArgs({ args: rest, options: { year: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } } });
    const year = yearOf(values.year, true)!;
    if ((values.format ?? 'xlsform') !== 'xlsform') throw new AppError('bad_request', `Format inconnu « ${values.format} » : seul xlsform est pris en charge.`);
    if (!values.out) throw new AppError('bad_request', `Précisez le fichier de sortie (--out).\n${usage}`);
    const database = await open();
    try {
      const { bytes, lost, source } = await exportQuestionnaire({ db: database.db, year });
      await writeFile(values.out, bytes);
      print(`Questionnaire ${year} (${source === 'file' ? `fichier questionnaires/${year}` : 'version enregistrée'}) exporté en XLSForm dans ${values.out}.`);
      for (const l of lost) print(`  non exporté : ${l}`);
    } finally { await database.close(); }
    return 0;
  }
  if (sub === 'import') {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, year: { type: 'string' } } });
    const file = positionals[0];
    if (!file) throw new AppError('bad_request', usage);
    const bytes = await readFile(file).catch(() => { throw new AppError('not_found', `Fichier introuvable : ${file}`); });
    // The file is read and checked first: a bad file is refused without waiting for the database.
    const read = await readQuestionnaireFile({ bytes: new Uint8Array(bytes), fileName: file, year: yearOf(values.year, false) });
    const database = await open();
    try {
      const report = await importQuestionnaire({ db: database.db, read, dryRun: values['dry-run'] ?? false });
      printReport(report, print);
      return report.defects.length > 0 ? 1 : 0;
    } finally { await database.close(); }
  }
  throw new AppError('bad_request', usage);
}

function printReport(r: QuestionnaireImportReport, print: (line: string) => void) {
  print(`Questionnaire ${r.year || '(année inconnue)'} : ${r.questions} questions, ${r.rules} règles.`);
  if (r.issues.length > 0) print(`${plural(r.issues.length, 'élément non pris en charge ou modifié', 'éléments non pris en charge ou modifiés')} :`);
  for (const i of r.issues) print(`  ${i.sheet}${i.row ? ` ligne ${i.row}` : ''}${i.column ? ` colonne ${i.column}` : ''} [${i.construct}] ${i.message}`);
  if (r.defects.length > 0) print(`Non enregistrable (${plural(r.defects.length, 'défaut', 'défauts')}) :`);
  for (const d of r.defects) print(`  ${d}`);
  if (r.stored) print(`Enregistré comme version ${r.version} de ${r.year}${r.linkedCampaign ? ', utilisée par la campagne en préparation' : ''}.`);
  else if (r.defects.length === 0) print('Vérification seulement (--dry-run) : rien n’a été enregistré.');
}
