import type { Db } from '../../db/connection';
import { listProposals } from '../../db/proposal.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { questionnairePolicy } from '../../policies/questionnaire';
import { yearQuestionnaire } from './yearQuestionnaire';

/**
 * Proposals of change made by the people filling a year's questionnaire, grouped by question (most
 * proposed first), for the national committee preparing the next version.
 * @example const { items } = await questionnaireProposals({ db, actor, year: 2025 });
 * // [{ code: 'rh.etp.animation', label: 'ETP : Animation', count: 2, proposals: [{ body, at, structure: { id, name, departementCode }, author }] }]
 */
export async function questionnaireProposals(p: { db: Db; actor: Actor; year: number }) {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour consulter les propositions.');
  if (!questionnairePolicy.readProposals(p.actor)) throw new AppError('forbidden', 'Seule l’administration nationale consulte les propositions de changement du questionnaire.');
  const { catalog } = await yearQuestionnaire(p.db, p.year);
  const rows = await listProposals(p.db, p.year);
  const byCode = new Map<string, { code: string; label: string | null; count: number; proposals: unknown[] }>();
  for (const r of rows) {
    let group = byCode.get(r.code);
    if (!group) byCode.set(r.code, (group = { code: r.code, label: catalog.questions[r.code]?.label ?? null, count: 0, proposals: [] }));
    group.count++;
    group.proposals.push({ id: r.id, body: r.body, at: r.at, author: r.author_name, structure: { id: r.structure_id, name: r.structure_name, departementCode: r.departement_code } });
  }
  const items = [...byCode.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return { year: p.year, items, total: items.length, proposals: rows.length };
}
