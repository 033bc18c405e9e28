import type { Db } from '../../db/connection';
import { insertComment } from '../../db/response.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import type { LiveHub } from '../infra/live';
import { authorizeResponse } from './responseAccess';
import { responseQuestionnaire } from './responseQuestionnaire';

/** A team comment on an answer; a proposal to change the question for next year; a justification of a warning. */
export const commentKinds = ['comment', 'proposal', 'justification'] as const;
export type CommentKind = (typeof commentKinds)[number];

/**
 * Adds a comment to an answer (or, for a justification, to a warning rule), checking the code exists in
 * the response's questionnaire. Anyone who may read the response may comment.
 * @example await commentAnswer({ db, actor, responseId, code: 'rh.etp.animation', kind: 'comment', body: 'Chiffre à vérifier' });
 */
export async function commentAnswer(p: { db: Db; live?: LiveHub; actor: Actor; responseId: number; code: string; kind: CommentKind; body: string }) {
  const r = await authorizeResponse(p.db, p.actor, p.responseId, 'readPrivate');
  if (!r.questionnaire_id) throw new AppError('conflict', 'Aucun questionnaire n’est associé à cette campagne.');
  const { catalog } = await responseQuestionnaire(p.db, r);
  const known = p.kind === 'justification' ? catalog.rules.some((rule) => rule.id === p.code) : Boolean(catalog.questions[p.code]);
  if (!known) throw new AppError('validation_failed', p.kind === 'justification' ? `« ${p.code} » n’est pas une règle de ce questionnaire.` : `« ${p.code} » n’est pas une question de ce questionnaire.`);
  const row = await insertComment(p.db, { responseId: p.responseId, code: p.code, authorId: p.actor.userId!, kind: p.kind, body: p.body });
  p.live?.publish(p.responseId, { type: 'comment', code: p.code, author: p.actor.name ?? '', body: p.body, kind: p.kind, at: new Date(row.at).toISOString() });
  return { id: row.id };
}
