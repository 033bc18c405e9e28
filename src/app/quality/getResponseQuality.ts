import type { Db } from '../../db/connection';
import { responseFindings, responsePeople, responseScore } from '../../db/quality.repo';
import type { Suspect } from '../../domain/quality/types';
import type { Actor } from '../../domain/roles';
import { recomputeQuality } from './recomputeQuality';
import { authorizeResponse } from '../responses/responseAccess';

/** The suspect answer stored with a finding (answer most likely wrong, likelihood, proposed correction), or null. */
function suspectOf(details: unknown): Suspect | null {
  const s = (details as { suspect?: Suspect } | null)?.suspect;
  return s && typeof s.code === 'string' ? s : null;
}

/**
 * The quality of a response as stored (computed first if it never was): score, findings with their
 * reasons, and the people concerned (the structure's team, its correspondents).
 * @example const q = await getResponseQuality({ db, actor, responseId: 12 }); q.findings[0].reason
 */
export async function getResponseQuality(p: { db: Db; actor: Actor; responseId: number }) {
  const r = await authorizeResponse(p.db, p.actor, p.responseId, 'readPrivate');
  let stored = await responseScore(p.db, r.id);
  if (stored?.quality_at == null) {
    await recomputeQuality(p.db, r.id);
    stored = await responseScore(p.db, r.id);
  }
  const [findings, people] = await Promise.all([
    responseFindings(p.db, r.id),
    responsePeople(p.db, { structureId: r.structure_id, departementCode: r.departement_code, regionCode: r.region_code }),
  ]);
  return {
    responseId: r.id, year: r.year, state: r.state, structure: { id: r.structure_id, name: r.structure_name },
    score: stored?.quality_score ?? null, computedAt: stored?.quality_at ?? null,
    findings: findings.map((f) => ({ kind: f.kind, level: f.level, rule: f.rule, codes: f.codes, reason: f.reason, suspect: suspectOf(f.details) })),
    people,
  };
}
