import { Hono } from 'hono';
import { diffQuestionnaires } from '../../../app/questionnaires/diffQuestionnaires';
import { exportQuestionnaire } from '../../../app/questionnaires/exportQuestionnaire';
import { questionnaireProposals } from '../../../app/questionnaires/questionnaireProposals';
import { yearQuestionnaire } from '../../../app/questionnaires/yearQuestionnaire';
import type { Env } from '../../context';
import { readQuery, readYear } from '../../input';
import { XLSX, type RouteDoc } from '../../openapi';
import { diffQuery, proposalsResponse, questionnaireDefinition, questionnaireDiffResponse } from './schema';

export const questionnaireDocs = [
  { method: 'get', path: '/api/questionnaires/diff', summary: 'Différences entre les questionnaires nationaux de deux années', tag: 'questionnaires', query: diffQuery, response: questionnaireDiffResponse },
  { method: 'get', path: '/api/questionnaires/:year', summary: 'Questionnaire national d’une année (définition SurveyJS)', tag: 'questionnaires', response: questionnaireDefinition },
  { method: 'get', path: '/api/questionnaires/:year/xlsform', summary: 'Questionnaire national d’une année au format XLSForm (.xlsx) : ODK Collect, Enketo, KoboToolbox', tag: 'questionnaires', files: [XLSX] },
  { method: 'get', path: '/api/questionnaires/:year/proposals', summary: 'Propositions de changement, par question (administration nationale)', tag: 'questionnaires', auth: 'session', response: proposalsResponse },
] as const satisfies readonly RouteDoc[];

/** Questionnaire definitions are public: what structures are asked is no secret. */
export function questionnaireRoutes() {
  const app = new Hono<Env>();
  app.get('/questionnaires/diff', async (c) => {
    const q = readQuery(c, diffQuery);
    return c.json(await diffQuestionnaires({ db: c.var.deps.db, from: q.from, to: q.to }));
  });
  app.get('/questionnaires/:year', async (c) => {
    const { definition } = await yearQuestionnaire(c.var.deps.db, readYear(c, 'Questionnaire introuvable.'));
    return c.json(definition);
  });
  app.get('/questionnaires/:year/xlsform', async (c) => {
    const year = readYear(c, 'Questionnaire introuvable.');
    const { bytes } = await exportQuestionnaire({ db: c.var.deps.db, year });
    return c.body(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="questionnaire-${year}-xlsform.xlsx"`,
    });
  });
  app.get('/questionnaires/:year/proposals', async (c) =>
    c.json(await questionnaireProposals({ db: c.var.deps.db, actor: c.var.actor, year: readYear(c, 'Questionnaire introuvable.') })));
  return app;
}
