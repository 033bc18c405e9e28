import type { Db } from '../../db/connection';
import { setResponseState } from '../../db/response.repo';
import { unclosedQueryCodes } from '../../db/query.repo';
import { appendAudit } from '../../db/audit.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { canTransition, transitions } from '../../domain/workflow';
import { responseStateLabels, type ResponseState } from '../../domain/responseState';
import type { LiveHub } from '../infra/live';
import { authorizeResponse } from './responseAccess';

/**
 * A correspondent validates a submitted response (no query left open) or reopens it with a reason;
 * a national administrator unlocks a locked one, with a reason. Every move is audited.
 * @example await reviewResponse({ db, actor, responseId, action: 'validate' });
 */
export async function reviewResponse(p: { db: Db; live?: LiveHub; actor: Actor; responseId: number; action: 'validate' | 'reopen' | 'unlock'; reason?: string }) {
  const r = await authorizeResponse(p.db, p.actor, p.responseId, 'review');
  if (p.action === 'unlock' && !p.actor.memberships.some((m) => m.role === 'national_admin')) {
    throw new AppError('forbidden', 'Seule l’administration nationale peut déverrouiller une réponse.');
  }
  if ((p.action === 'reopen' || p.action === 'unlock') && !p.reason?.trim()) throw new AppError('validation_failed', 'Indiquez le motif de la réouverture.');
  if (!canTransition(p.action, r.state)) {
    throw new AppError('conflict', `Impossible depuis l’état « ${responseStateLabels[r.state as ResponseState] ?? r.state} ».`);
  }
  if (p.action === 'validate' && (await unclosedQueryCodes(p.db, r.id)).length > 0) {
    throw new AppError('conflict', 'Des questions sont encore ouvertes sur cette réponse : fermez-les avant de valider.');
  }
  const t = transitions[p.action];
  const moved = await setResponseState(p.db, r.id, t.from, t.to, p.action === 'validate' ? { validated_at: new Date() } : {});
  if (!moved) throw new AppError('conflict', 'La réponse a changé d’état entre-temps ; rechargez la page.');
  await appendAudit(p.db, { actorId: p.actor.userId, action: `response.${p.action}`, entity: 'response', entityId: r.id, data: { from: r.state, to: t.to, ...(p.reason ? { reason: p.reason } : {}) } });
  p.live?.publish(r.id, { type: 'state', state: t.to });
  return { state: t.to };
}
