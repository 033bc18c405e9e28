import type { Db } from '../../db/connection';
import { getAnswer, writeAnswer } from '../../db/response.repo';
import { AppError } from '../../domain/errors';
import { editableCodes } from '../../domain/workflow';
import { editableByStructure } from '../../domain/responseState';
import { unclosedQueryCodes } from '../../db/query.repo';
import type { Actor } from '../../domain/roles';
import { validateAnswer } from '../../domain/questionnaire/validate';
import { storedAnswerValue } from '../../domain/questionnaire/answer';
import type { LiveHub } from '../infra/live';
import { authorizeResponse } from './responseAccess';
import { responseQuestionnaire } from './responseQuestionnaire';
import { scheduleQualityRecompute } from '../quality/scheduleQualityRecompute';

export interface SaveAnswerProps {
  db: Db; live?: LiveHub; actor: Actor; responseId: number; code: string; value: unknown;
  /** The version the person started from (0 for an answer that did not exist). */
  baseVersion: number;
  /** 'confirm' keeps a prefilled value and marks it confirmed. */
  kind?: 'save' | 'confirm';
}

/**
 * Autosaves one answer. Checked against the response's own questionnaire version; a write based on an
 * old version is refused with the current value, so nobody's answer is silently overwritten.
 * @example await saveAnswer({ db, actor, responseId, code: 'participation.benevoles', value: 42, baseVersion: 3 });
 */
export async function saveAnswer(p: SaveAnswerProps) {
  // What this process read of the response a second ago is enough to go ahead: the write asks the database
  // again whether the response may be changed (state, campaign, open query on this answer). Whatever refuses
  // is decided and explained on a fresh read.
  let r = await authorizeResponse(p.db, p.actor, p.responseId, 'fill', { recent: true });
  if (!editableByStructure(r.state) || r.campaign_state !== 'open' || !r.questionnaire_id) r = await freshlyEditable(p, 'a été');
  const { catalog } = await responseQuestionnaire(p.db, r);
  let value = storedAnswerValue(catalog, p.code, p.value);
  if (p.kind === 'confirm') {
    const current = await getAnswer(p.db, p.responseId, p.code);
    if (!current) throw new AppError('not_found', 'Aucune réponse à confirmer pour cette question.');
    value = current.value;
  }
  const problems = validateAnswer(catalog, p.code, value);
  if (problems.length > 0) throw new AppError('validation_failed', problems.map((f) => f.message).join(' '), problems);
  const written = await writeAnswer(p.db, { responseId: p.responseId, code: p.code, value, baseVersion: p.baseVersion, authorId: p.actor.userId!, kind: p.kind ?? 'save' });
  if (!written) {
    // Why it was refused, both read at once (two people on one answer: the second waits no longer than the first).
    const [, current] = await Promise.all([freshlyEditable(p, 'vient d’être'), getAnswer(p.db, p.responseId, p.code)]);
    throw new AppError('conflict', `${current?.author_name ?? 'Quelqu’un'} a modifié cette réponse entre-temps. Choisissez la valeur à garder.`, {
      current: current && { value: current.value, version: current.version, author: current.author_name, updatedAt: current.updated_at },
    });
  }
  p.live?.publish(p.responseId, { type: 'answer', code: p.code, value, version: written.version, author: p.actor.name ?? '', authorId: p.actor.userId!, at: new Date().toISOString() });
  await scheduleQualityRecompute(p.db, p.responseId);
  return { code: p.code, value, version: written.version };
}

/**
 * The response read now, when the structure may change this answer; otherwise the reason, as an error
 * (`transmitted`: « a été » before writing, « vient d’être » when the write found it changed).
 */
async function freshlyEditable(p: SaveAnswerProps, transmitted: string) {
  const r = await authorizeResponse(p.db, p.actor, p.responseId, 'fill');
  const editable = editableCodes(r.state, r.state === 'returned' ? await unclosedQueryCodes(p.db, r.id) : []);
  if (editable !== 'all' && !editable.has(p.code)) {
    throw new AppError('conflict', r.state === 'returned'
      ? 'Seules les réponses questionnées par votre correspondant sont modifiables pour l’instant.'
      : `Cette réponse ${transmitted} transmise : elle n’est plus modifiable par la structure.`);
  }
  if (r.campaign_state !== 'open') throw new AppError('conflict', 'La campagne est close : les réponses ne sont plus modifiables.');
  if (!r.questionnaire_id) throw new AppError('conflict', 'Aucun questionnaire n’est associé à cette campagne.');
  return r;
}
