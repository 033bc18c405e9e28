import { Hono, type Context } from 'hono';
import { addLocalQuestion } from '../../../app/questionnaires/addLocalQuestion';
import { editLocalQuestion } from '../../../app/questionnaires/editLocalQuestion';
import { listLocalQuestionsOf } from '../../../app/questionnaires/listLocalQuestionsOf';
import { removeLocalQuestion } from '../../../app/questionnaires/removeLocalQuestion';
import { AppError } from '../../../domain/errors';
import type { Env } from '../../context';
import { readBody, readId, readQuery, readYear } from '../../input';
import type { RouteDoc } from '../../openapi';
import { addLocalQuestionBody, editLocalQuestionBody, localQuestionListResponse, localQuestionRemoved, localQuestionView, localTerritoryQuery } from './localQuestions.schema';

export const localQuestionDocs = [
  { method: 'get', path: '/api/campaigns/:year/local-questions', summary: 'Questions locales d’un territoire (toutes pour l’administration nationale)', tag: 'questionnaires', auth: 'session', query: localTerritoryQuery, response: localQuestionListResponse },
  { method: 'post', path: '/api/campaigns/:year/local-questions', summary: 'Ajouter une question locale (campagne en préparation ; code local.<territoire>.<nom>)', tag: 'questionnaires', auth: 'session', query: localTerritoryQuery, body: addLocalQuestionBody, status: 201, response: localQuestionView },
  { method: 'put', path: '/api/campaigns/:year/local-questions/:id', summary: 'Modifier une question locale (campagne en préparation)', tag: 'questionnaires', auth: 'session', body: editLocalQuestionBody, response: localQuestionView },
  { method: 'delete', path: '/api/campaigns/:year/local-questions/:id', summary: 'Supprimer une question locale (campagne en préparation)', tag: 'questionnaires', auth: 'session', response: localQuestionRemoved },
] as const satisfies readonly RouteDoc[];

function readTerritory(c: Context<Env>, required: boolean) {
  const q = readQuery(c, localTerritoryQuery);
  if (!q.level && !q.code && !required) return undefined;
  if (!q.level || !q.code) throw new AppError('validation_failed', 'Précisez le territoire : level=departement|region et code (par exemple ?level=departement&code=69).');
  return { level: q.level, code: q.code };
}

/**
 * /campaigns/:year/local-questions: a territory's own questions, added while the campaign is being prepared.
 * @example app.route('/', localQuestionRoutes());
 */
export function localQuestionRoutes() {
  const app = new Hono<Env>();
  app.get('/campaigns/:year/local-questions', async (c) =>
    c.json(await listLocalQuestionsOf({ db: c.var.deps.db, actor: c.var.actor, year: readYear(c), territory: readTerritory(c, false) })));

  app.post('/campaigns/:year/local-questions', async (c) => {
    const territory = readTerritory(c, true)!;
    const body = await readBody(c, addLocalQuestionBody);
    return c.json(await addLocalQuestion({ db: c.var.deps.db, actor: c.var.actor, year: readYear(c), ...territory, ...body }), 201);
  });

  app.put('/campaigns/:year/local-questions/:id', async (c) => {
    const body = await readBody(c, editLocalQuestionBody);
    return c.json(await editLocalQuestion({ db: c.var.deps.db, actor: c.var.actor, year: readYear(c), id: readId(c), ...body }));
  });

  app.delete('/campaigns/:year/local-questions/:id', async (c) =>
    c.json(await removeLocalQuestion({ db: c.var.deps.db, actor: c.var.actor, year: readYear(c), id: readId(c) })));
  return app;
}
