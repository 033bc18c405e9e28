import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { saveAnswer } from '../../../app/responses/saveAnswer';
import { commentAnswer } from '../../../app/responses/commentAnswer';
import { submitResponse } from '../../../app/responses/submitResponse';
import { checkResponse } from '../../../app/responses/checkResponse';
import { authorizeResponse } from '../../../app/responses/responseAccess';
import { responseQuestionnaire } from '../../../app/responses/responseQuestionnaire';
import { getAnswerHistory } from '../../../app/responses/getAnswerHistory';
import { getResponseAnswers } from '../../../app/responses/getResponseAnswers';
import { listResponseComments } from '../../../app/responses/listResponseComments';
import { AppError } from '../../../domain/errors';
import { editableByStructure } from '../../../domain/responseState';
import { structurePolicy } from '../../../policies/structure';
import type { Env } from '../../context';
import { readBody, readId } from '../../input';
import { EVENT_STREAM, type RouteDoc } from '../../openapi';
import { presentAnswer, presentAnswerComment, presentAnswerRevision, presentResponse } from '../../presenters/response';
import { questionnaireDefinition } from '../questionnaires/schema';
import { answerHistoryResponse, codeParam, commentBody, commentCreated, commentListResponse, confirmAnswerBody, presenceBody, presenceResponse, responseView, saveAnswerBody, savedAnswer, submittedResponse, validationResponse } from './schema';
import { reviewDocs, reviewRoutes } from './review';

export const responseDocs = [
  { method: 'get', path: '/api/responses/:id', summary: 'Une réponse : état, réponses, auteurs, droits', tag: 'réponses', auth: 'session', response: responseView },
  { method: 'get', path: '/api/responses/:id/questionnaire', summary: 'Le questionnaire (SurveyJS) avec lequel la réponse est remplie', tag: 'réponses', auth: 'session', response: questionnaireDefinition },
  { method: 'put', path: '/api/responses/:id/answers/:code', summary: 'Enregistrer une réponse (sauvegarde automatique, version de départ obligatoire)', tag: 'réponses', auth: 'session', body: saveAnswerBody, response: savedAnswer },
  { method: 'post', path: '/api/responses/:id/answers/:code/confirm', summary: 'Confirmer une réponse reprise de l’an dernier', tag: 'réponses', auth: 'session', body: confirmAnswerBody, response: savedAnswer },
  { method: 'get', path: '/api/responses/:id/answers/:code/history', summary: 'Historique d’une réponse (qui, quand, avant → après)', tag: 'réponses', auth: 'session', response: answerHistoryResponse },
  { method: 'get', path: '/api/responses/:id/comments', summary: 'Commentaires de la réponse', tag: 'réponses', auth: 'session', response: commentListResponse },
  { method: 'post', path: '/api/responses/:id/comments', summary: 'Commenter une réponse, proposer un changement de question, justifier une alerte', tag: 'réponses', auth: 'session', body: commentBody, response: commentCreated },
  { method: 'get', path: '/api/responses/:id/validation', summary: 'Contrôles de la réponse (erreurs, alertes, informations)', tag: 'réponses', auth: 'session', response: validationResponse },
  { method: 'post', path: '/api/responses/:id/submit', summary: 'Transmettre la réponse (direction)', tag: 'réponses', auth: 'session', response: submittedResponse },
  { method: 'post', path: '/api/responses/:id/presence', summary: 'Signaler sa présence sur une section', tag: 'réponses', auth: 'session', body: presenceBody, response: presenceResponse },
  { method: 'get', path: '/api/responses/:id/live', summary: 'Flux en direct (présence, réponses enregistrées) en Server-Sent Events', tag: 'réponses', auth: 'session', files: [EVENT_STREAM] },
  ...reviewDocs,
] as const satisfies readonly RouteDoc[];

function readCode(c: Context<Env>) {
  const code = c.req.param('code') ?? '';
  if (!codeParam.test(code)) throw new AppError('not_found', 'Question introuvable.');
  return code;
}

/**
 * /responses/:id: filling a response (answers, comments, checks, submission, presence and the live stream);
 * the correspondents' review in review.ts. A structure opens its response under /structures/:id/campaigns/:year/response.
 * @example api.route('/', responseRoutes());
 */
export function responseRoutes() {
  const app = new Hono<Env>();

  app.get('/responses/:id', async (c) => {
    const { db } = c.var.deps;
    const r = await authorizeResponse(db, c.var.actor, readId(c), 'readPrivate');
    const place = { id: r.structure_id, departementCode: r.departement_code, regionCode: r.region_code };
    // Last year's answers and the external data sets about the structure too: the browser runs the same
    // rules as the server, prev() and ext() included.
    const { answers, previous, external, reopened } = await getResponseAnswers({ db, response: r });
    return c.json({
      response: presentResponse(r),
      // Why a transmitted response came back to the structure (the correspondent's reason), while it is being corrected.
      ...(reopened ? { reopened } : {}),
      answers: answers.map(presentAnswer),
      previous,
      external,
      can: {
        fill: structurePolicy.fill(c.var.actor, place) && editableByStructure(r.state) && r.campaign_state === 'open',
        submit: structurePolicy.manage(c.var.actor, place) && (r.state === 'in_progress' || r.state === 'returned') && r.campaign_state === 'open',
        // A response not started yet becomes submittable with its first saved answer: the page needs to know
        // whether this person may then transmit it, without reloading.
        submitOnceStarted: structurePolicy.manage(c.var.actor, place) && r.state === 'not_started' && r.campaign_state === 'open',
        review: structurePolicy.review(c.var.actor, place),
      },
      presence: c.var.deps.live.people(r.id),
    });
  });

  app.get('/responses/:id/questionnaire', async (c) => {
    const r = await authorizeResponse(c.var.deps.db, c.var.actor, readId(c), 'readPrivate');
    if (!r.questionnaire_id) throw new AppError('conflict', 'Aucun questionnaire n’est associé à cette campagne.');
    const { definition } = await responseQuestionnaire(c.var.deps.db, r);
    return c.json(definition);
  });

  app.put('/responses/:id/answers/:code', async (c) => {
    const body = await readBody(c, saveAnswerBody);
    return c.json(await saveAnswer({ db: c.var.deps.db, live: c.var.deps.live, actor: c.var.actor, responseId: readId(c), code: readCode(c), value: body.value, baseVersion: body.baseVersion }));
  });

  app.post('/responses/:id/answers/:code/confirm', async (c) => {
    const body = await readBody(c, confirmAnswerBody);
    return c.json(await saveAnswer({ db: c.var.deps.db, live: c.var.deps.live, actor: c.var.actor, responseId: readId(c), code: readCode(c), value: undefined, baseVersion: body.baseVersion, kind: 'confirm' }));
  });

  app.get('/responses/:id/answers/:code/history', async (c) => {
    const r = await authorizeResponse(c.var.deps.db, c.var.actor, readId(c), 'readPrivate');
    const items = await getAnswerHistory({ db: c.var.deps.db, responseId: r.id, code: readCode(c) });
    return c.json({ items: items.map(presentAnswerRevision), total: items.length });
  });

  app.get('/responses/:id/comments', async (c) => {
    const r = await authorizeResponse(c.var.deps.db, c.var.actor, readId(c), 'readPrivate');
    const items = await listResponseComments({ db: c.var.deps.db, responseId: r.id });
    return c.json({ items: items.map(presentAnswerComment), total: items.length });
  });

  app.post('/responses/:id/comments', async (c) => {
    const body = await readBody(c, commentBody);
    return c.json(await commentAnswer({ db: c.var.deps.db, live: c.var.deps.live, actor: c.var.actor, responseId: readId(c), ...body }));
  });

  app.get('/responses/:id/validation', async (c) => {
    // Only reads: the response as read at most a second ago in this process will do (a check per save typed).
    const r = await authorizeResponse(c.var.deps.db, c.var.actor, readId(c), 'readPrivate', { recent: true });
    return c.json(await checkResponse(c.var.deps.db, r, { partial: c.req.query('partial') === 'true' }));
  });

  app.post('/responses/:id/submit', async (c) =>
    c.json(await submitResponse({ db: c.var.deps.db, live: c.var.deps.live, actor: c.var.actor, responseId: readId(c) })));

  app.post('/responses/:id/presence', async (c) => {
    const body = await readBody(c, presenceBody);
    const r = await authorizeResponse(c.var.deps.db, c.var.actor, readId(c), 'readPrivate');
    c.var.deps.live.touch(r.id, { userId: c.var.actor.userId!, name: c.var.actor.name ?? '' }, body.section);
    return c.json({ people: c.var.deps.live.people(r.id) });
  });

  app.get('/responses/:id/live', async (c) => {
    const r = await authorizeResponse(c.var.deps.db, c.var.actor, readId(c), 'readPrivate');
    const { live } = c.var.deps;
    const userId = c.var.actor.userId!;
    return streamSSE(c, async (stream) => {
      const queue: string[] = [];
      let wake: (() => void) | undefined;
      const stop = live.subscribe(r.id, (e) => { queue.push(JSON.stringify(e)); wake?.(); });
      stream.onAbort(() => { stop(); live.leave(r.id, userId); wake?.(); });
      await stream.writeSSE({ event: 'presence', data: JSON.stringify({ type: 'presence', people: live.people(r.id) }) });
      while (!stream.aborted) {
        if (queue.length === 0) await new Promise<void>((ok) => { wake = ok; setTimeout(ok, 25_000); });
        wake = undefined;
        if (stream.aborted) break;
        if (queue.length === 0) { await stream.writeSSE({ event: 'ping', data: '{}' }); continue; }
        while (queue.length) {
          const data = queue.shift()!;
          await stream.writeSSE({ event: (JSON.parse(data) as { type: string }).type, data });
        }
      }
    });
  });
  app.route('/', reviewRoutes());
  return app;
}
