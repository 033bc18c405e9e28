import { extname } from 'node:path';
import { AppError } from '../domain/errors';
import type { TableFormat } from '../domain/interchange/answerTable';

/**
 * The table format of a file from its extension, for the commands reading or writing CSV and XLSX.
 * @example tableFormatOf('reponses.xlsx') // 'xlsx'
 */
export function tableFormatOf(file: string): TableFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new AppError('bad_request', `Extension « ${ext || '(aucune)'} » non prise en charge : .csv ou .xlsx.`);
}

/**
 * The --year option as a number, or a French refusal followed by the command's usage.
 * @example yearOption('2025', usage) // 2025
 */
export function yearOption(value: string | undefined, usage: string): number {
  if (!value || !/^\d{4}$/.test(value)) throw new AppError('bad_request', `--year attend une année sur quatre chiffres.\n${usage}`);
  return Number(value);
}

/**
 * --processes: how many server processes share the port. The embedded database serves one process only
 * (its data folder is locked by the process that opens it), so more is refused without DATABASE_URL.
 * @example processesOption('2', true) // 2
 */
export function processesOption(value: string | undefined, postgres: boolean): number {
  if (value === undefined) return 1;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64) throw new AppError('bad_request', '--processes attend un nombre de processus entre 1 et 64.');
  const n = Number(value);
  if (n > 1 && !postgres) {
    throw new AppError('bad_request', 'Plusieurs processus demandent PostgreSQL : la base embarquée (PGlite) ne sert qu’un seul processus. Définissez DATABASE_URL=postgres://… ou lancez le serveur sans --processes.');
  }
  return n;
}
