import type { Db } from '../../db/connection';
import { textAnswersOf } from '../../db/ess.repo';
import { essIndicators } from '../../domain/ess/aggregate';
import { withEssValues } from '../../domain/ess/aggregate';
import { essTextCodes } from '../../domain/ess/profile';
import { checkYear, derivedTerritoryTable, resolveTerritory, type TableLevel } from './derivedTerritoryTable';

/**
 * Published ESS figures of a territory and its children (validated responses, through the disclosure gate
 * as one fixed table): share of associations, of boards meeting parity and of democratic governance
 * established by the answers; medians of attendance at the general assembly and of board composition.
 * @example await getTerritoryEss({ db, year: 2024, level: 'departement', code: '69' })
 */
export async function getTerritoryEss(p: { db: Db; year: number; level: TableLevel; code?: string }) {
  await checkYear(p.db, p.year);
  const { territory, children } = await resolveTerritory(p.db, p.level, p.code);
  const figures = await derivedTerritoryTable({
    db: p.db, year: p.year, mode: 'published', key: 'ess', indicators: essIndicators, territory, children,
    derive: async (pop) => withEssValues(pop.records, await textAnswersOf(p.db, p.year, 'published', essTextCodes)),
  });
  return {
    year: p.year, territory, children,
    indicators: essIndicators.map(({ code, label, unit }) => ({ code, label, unit })),
    figures,
  };
}
