import type { Db } from '../../db/connection';
import { getCampaignByYear, type TerritoryScope } from '../../db/campaign.repo';
import { responsesForExport } from '../../db/interchange.repo';
import { AppError } from '../../domain/errors';
import type { RawCell, TableFormat } from '../../domain/interchange/answerTable';
import { writeAnswerTable } from '../files/answerTableFile';
import { valueToCell } from '../../domain/interchange/cellValue';
import type { CatalogQuestion } from '../../domain/questionnaire/types';
import type { Actor } from '../../domain/roles';
import { structurePolicy } from '../../policies/structure';
import { questionnaireVersion } from '../questionnaires/questionnaireVersions';
import { responseQuestionnaire } from './responseQuestionnaire';

export interface ExportResponsesProps {
  db: Db;
  /** Whose eyes: only the responses they may read. Null for the command-line operator (everything). */
  actor: Actor | null;
  year: number;
  format: TableFormat;
  /** Restricts to a territory (already authorized by the caller); the nation by default. */
  scope?: TerritoryScope;
}

/**
 * Writes a campaign's answers as a table: `siret`, `structure`, then one column per answered code (the
 * national questions in questionnaire order, then the local questions). Derived totals are left out:
 * they are recomputed from their parts. The same shape is read back by `importResponses`.
 * @example const { bytes, rows } = await exportResponses({ db, actor: null, year: 2024, format: 'csv' });
 */
export async function exportResponses(p: ExportResponsesProps): Promise<{ bytes: Uint8Array; rows: number; columns: number; skipped: number }> {
  const campaign = await getCampaignByYear(p.db, p.year);
  if (!campaign) throw new AppError('not_found', `Aucune campagne pour l’année ${p.year}.`);
  if (!campaign.questionnaire_id) throw new AppError('conflict', 'Aucun questionnaire n’est associé à cette campagne.');
  const all = await responsesForExport(p.db, campaign.id, p.scope ?? { level: 'nation' });
  const visible = all.filter((s) => !p.actor || structurePolicy.readPrivate(p.actor, { id: s.id, departementCode: s.departement_code, regionCode: s.region_code }));
  const rows = visible.filter((s) => s.siret);
  const { catalog: national } = await questionnaireVersion(p.db, campaign.questionnaire_id);
  const questions = new Map<string, CatalogQuestion>(Object.entries(national.questions).filter(([, q]) => !q.derived));
  const locals = new Map<string, CatalogQuestion>();
  const places = new Map(rows.map((s) => [`${s.departement_code}/${s.region_code}`, s]));
  for (const s of places.values()) {
    const { catalog } = await responseQuestionnaire(p.db, { campaign_id: campaign.id, campaign_state: campaign.state, questionnaire_id: campaign.questionnaire_id, departement_code: s.departement_code, region_code: s.region_code });
    for (const q of Object.values(catalog.questions)) if (!q.derived && !questions.has(q.code)) locals.set(q.code, q);
  }
  const codes = [...questions.keys(), ...[...locals.keys()].sort()];
  const questionOf = (code: string) => questions.get(code) ?? locals.get(code);
  const table: RawCell[][] = rows.map((s) => [s.siret, s.name, ...codes.map((code) => valueToCell(questionOf(code), s.answers.get(code)))]);
  const bytes = await writeAnswerTable({ columns: ['siret', 'structure', ...codes], rows: table }, p.format);
  return { bytes, rows: rows.length, columns: codes.length, skipped: visible.length - rows.length };
}
