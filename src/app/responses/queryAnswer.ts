import type { Db } from '../../db/connection';
import type { QueryState } from '../../domain/workflow';
import { addQueryMessage, getQuery, insertQuery, unclosedQueryCodes } from '../../db/query.repo';
import { setResponseState } from '../../db/response.repo';
import { appendAudit } from '../../db/audit.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import type { LiveHub } from '../infra/live';
import { authorizeResponse } from './responseAccess';
import { questionnaireVersion } from '../questionnaires/questionnaireVersions';

/**
 * A correspondent questions one answer of a submitted response: the response is returned to the
 * structure, and only the queried answers unlock.
 * @example await openQuery({ db, actor, responseId, code: 'rh.etp.animation', body: 'Plus d’ETP que de salariés ?' });
 */
export async function openQuery(p: { db: Db; live?: LiveHub; actor: Actor; responseId: number; code: string; body: string }) {
  const r = await authorizeResponse(p.db, p.actor, p.responseId, 'review');
  if (r.state !== 'submitted' && r.state !== 'returned') throw new AppError('conflict', 'On ne questionne qu’une réponse transmise (ou déjà renvoyée).');
  if (r.campaign_state !== 'open') throw new AppError('conflict', 'La campagne est close.');
  const { catalog } = await questionnaireVersion(p.db, r.questionnaire_id!);
  if (!catalog.questions[p.code]) throw new AppError('validation_failed', `« ${p.code} » n’est pas une question de ce questionnaire.`);
  if ((await unclosedQueryCodes(p.db, r.id)).includes(p.code)) throw new AppError('conflict', 'Une question est déjà ouverte sur cette réponse.');
  const id = await insertQuery(p.db, { responseId: r.id, code: p.code, openedBy: p.actor.userId!, body: p.body });
  if (r.state === 'submitted') await setResponseState(p.db, r.id, ['submitted'], 'returned');
  await appendAudit(p.db, { actorId: p.actor.userId, action: 'query.open', entity: 'response', entityId: r.id, data: { code: p.code, queryId: id } });
  p.live?.publish(r.id, { type: 'state', state: 'returned' });
  return { id, state: 'open' as const };
}

/**
 * The structure answers a query (after changing the value, or to explain it); a correspondent closes
 * it, or asks again (which reopens it).
 */
export async function answerQuery(p: { db: Db; actor: Actor; queryId: number; body: string; action: 'reply' | 'close' | 'ask_again' }) {
  const q = await getQuery(p.db, p.queryId);
  if (!q) throw new AppError('not_found', 'Question introuvable.');
  const ability = p.action === 'reply' ? 'fill' : 'review';
  const r = await authorizeResponse(p.db, p.actor, q.response_id, ability);
  const steps: Record<typeof p.action, { kind: string; from: QueryState[]; to: QueryState; refused: string }> = {
    reply: { kind: 'answer', from: ['open'], to: 'answered', refused: 'Cette question n’attend pas de réponse.' },
    close: { kind: 'close', from: ['open', 'answered'], to: 'closed', refused: 'Cette question est déjà close.' },
    ask_again: { kind: 'question', from: ['answered'], to: 'open', refused: 'On ne relance qu’une question à laquelle la structure a répondu.' },
  };
  const step = steps[p.action];
  const ok = await addQueryMessage(p.db, { queryId: q.id, authorId: p.actor.userId!, kind: step.kind as 'answer', body: p.body, from: step.from, to: step.to });
  if (!ok) throw new AppError('conflict', step.refused);
  if (p.action === 'ask_again' && r.state === 'submitted') await setResponseState(p.db, r.id, ['submitted'], 'returned');
  await appendAudit(p.db, { actorId: p.actor.userId, action: `query.${p.action}`, entity: 'response', entityId: r.id, data: { queryId: q.id, code: q.code } });
  return { id: q.id, state: step.to };
}
