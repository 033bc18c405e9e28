import type { Db } from '../../db/connection';
import { toXlsForm } from '../../domain/questionnaire/xlsform';
import { writeXlsForm } from './xlsformFile';
import { yearQuestionnaire } from './yearQuestionnaire';

/**
 * The national questionnaire of a year as an XLSForm workbook (survey, choices, settings, plus our rules
 * and mappings sheets), with what could not be carried (nothing, for our own definitions).
 * @example const { bytes } = await exportQuestionnaire({ db, year: 2024 }); await writeFile('q2024.xlsx', bytes);
 */
export async function exportQuestionnaire(p: { db: Db; year: number }): Promise<{ bytes: Uint8Array; lost: string[]; source: string }> {
  const { definition, source } = await yearQuestionnaire(p.db, p.year);
  const { form, lost } = toXlsForm(definition);
  return { bytes: await writeXlsForm(form), lost, source };
}
