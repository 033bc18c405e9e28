import { Hono } from 'hono';
import type { Env } from '../../context';
import { createActionSheet } from '../../../app/actionSheets/createActionSheet';
import { readBody, readId } from '../../input';
import type { RouteDoc } from '../../openapi';
import { presentActionSheet, toActionSheetInput } from '../../presenters/actionSheet';
import { actionSheetBody, actionSheetView } from '../actionSheets/schema';

export const structureActionSheetDocs = [
  { method: 'post', path: '/api/structures/:id/action-sheets', summary: 'Rédiger une fiche action (équipe de la structure ; brouillon)', tag: 'fiches actions', auth: 'session', body: actionSheetBody, status: 201, response: actionSheetView },
] as const satisfies readonly RouteDoc[];

/**
 * Writing a structure's action sheet (a draft); reading and editing it is under /action-sheets.
 * @example app.route('/', structureActionSheetRoutes());
 */
export function structureActionSheetRoutes() {
  const app = new Hono<Env>();
  app.post('/structures/:id/action-sheets', async (c) => {
    const id = readId(c);
    const body = await readBody(c, actionSheetBody);
    return c.json(presentActionSheet(await createActionSheet({ db: c.var.deps.db, actor: c.var.actor, structureId: id, content: toActionSheetInput(body) })), 201);
  });
  return app;
}
