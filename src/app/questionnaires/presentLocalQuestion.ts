import type { listLocalQuestions } from '../../db/localQuestion.repo';

type Row = Awaited<ReturnType<typeof listLocalQuestions>>[number];

/**
 * The API shape of a local question.
 * @example presentLocalQuestion(row, 2026); // { id: 3, year: 2026, level: 'departement', territoryCode: '69', code: 'local.69.jardins', element: {…}, updatedAt: … }
 */
export function presentLocalQuestion(row: Row, year: number) {
  return {
    id: row.id, year, level: row.level, territoryCode: row.territory_code, code: row.code,
    name: row.code.split('.').slice(2).join('.'), element: row.element, updatedAt: row.updated_at,
  };
}
