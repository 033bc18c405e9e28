import type { Db } from '../../db/connection';
import { setResponseState } from '../../db/response.repo';
import { appendAudit } from '../../db/audit.repo';
import { AppError } from '../../domain/errors';
import { canSubmit } from '../../domain/questionnaire/validate';
import type { Actor } from '../../domain/roles';
import { checkResponse } from './checkResponse';
import type { LiveHub } from '../infra/live';
import { authorizeResponse } from './responseAccess';
import { scheduleQualityRecompute } from '../quality/scheduleQualityRecompute';
import { plural } from '../../domain/labels';

/**
 * The director submits the response once errors are fixed and warnings are justified; it is then
 * read-only for the structure until a correspondent returns it.
 * @example await submitResponse({ db, actor, responseId });
 */
export async function submitResponse(p: { db: Db; live?: LiveHub; actor: Actor; responseId: number }) {
  const r = await authorizeResponse(p.db, p.actor, p.responseId, 'manage');
  if (r.campaign_state !== 'open') throw new AppError('conflict', 'La campagne est close.');
  if (r.state !== 'in_progress' && r.state !== 'returned') throw new AppError('conflict', 'Cette réponse ne peut pas être transmise dans son état actuel.');
  const result = await checkResponse(p.db, r, { partial: false });
  if (!canSubmit(result)) {
    const unjustified = result.warnings.filter((w) => !w.justified);
    throw new AppError('validation_failed',
      `Transmission impossible : ${plural(result.errors.length, 'erreur', 'erreurs')} à corriger et ${plural(unjustified.length, 'alerte', 'alertes')} à justifier par un commentaire.`,
      { errors: result.errors, warnings: unjustified });
  }
  if (!(await setResponseState(p.db, r.id, ['in_progress', 'returned'], 'submitted', { submitted_at: new Date() }))) {
    throw new AppError('conflict', 'La réponse a changé d’état entre-temps ; rechargez la page.');
  }
  await appendAudit(p.db, { actorId: p.actor.userId, action: 'response.submit', entity: 'response', entityId: r.id, data: { from: r.state } });
  p.live?.publish(r.id, { type: 'state', state: 'submitted' });
  await scheduleQualityRecompute(p.db, r.id, 0);
  return { state: 'submitted' as const };
}
