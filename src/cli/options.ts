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
