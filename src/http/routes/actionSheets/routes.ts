import { Hono } from 'hono';
import type { Env } from '../../context';
import { readBody, readId, readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { listActionSheets } from '../../../app/actionSheets/listActionSheets';
import { readableActionSheet } from '../../../app/actionSheets/actionSheetAccess';
import { editActionSheet } from '../../../app/actionSheets/editActionSheet';
import { publishActionSheet } from '../../../app/actionSheets/publishActionSheet';
import { removeActionSheet } from '../../../app/actionSheets/removeActionSheet';
import { listActionSheetThemes } from '../../../app/actionSheets/listActionSheetThemes';
import { presentActionSheet, toActionSheetInput } from '../../presenters/actionSheet';
import { actionSheetBody, actionSheetDeletedResponse, actionSheetListQuery, actionSheetListResponse, actionSheetThemesResponse, actionSheetView } from './schema';

export const actionSheetDocs = [
  { method: 'get', path: '/api/action-sheets', summary: 'Fiches actions publiées : recherche par mot-clé, thème et territoire (brouillons d’une structure pour elle et son territoire)', tag: 'fiches actions', query: actionSheetListQuery, response: actionSheetListResponse },
  { method: 'get', path: '/api/action-sheets/themes', summary: 'Thèmes des fiches actions, avec le nombre de fiches publiées', tag: 'fiches actions', response: actionSheetThemesResponse },
  { method: 'get', path: '/api/action-sheets/:id', summary: 'Une fiche action (publiée, ou brouillon pour la structure et son territoire)', tag: 'fiches actions', response: actionSheetView },
  { method: 'put', path: '/api/action-sheets/:id', summary: 'Modifier une fiche action (équipe pour un brouillon, direction pour une fiche publiée)', tag: 'fiches actions', auth: 'session', body: actionSheetBody, response: actionSheetView },
  { method: 'post', path: '/api/action-sheets/:id/publish', summary: 'Publier une fiche action (direction de la structure)', tag: 'fiches actions', auth: 'session', response: actionSheetView },
  { method: 'post', path: '/api/action-sheets/:id/unpublish', summary: 'Retirer une fiche publiée (retour en brouillon, direction)', tag: 'fiches actions', auth: 'session', response: actionSheetView },
  { method: 'delete', path: '/api/action-sheets/:id', summary: 'Supprimer une fiche action (équipe pour un brouillon, direction pour une fiche publiée)', tag: 'fiches actions', auth: 'session', response: actionSheetDeletedResponse },
] as const satisfies readonly RouteDoc[];

export function actionSheetRoutes() {
  const app = new Hono<Env>();
  app.get('/action-sheets', async (c) => {
    const q = readQuery(c, actionSheetListQuery);
    const list = await listActionSheets({
      db: c.var.deps.db, actor: c.var.actor, q: q.q || undefined, theme: q.theme, regionCode: q.region, departementCode: q.departement,
      structureId: q.structure, drafts: q.drafts, page: q.page, pageSize: q.pageSize,
    });
    return c.json({ items: list.items.map(presentActionSheet), total: list.total });
  });
  app.get('/action-sheets/themes', async (c) => {
    const items = await listActionSheetThemes({ db: c.var.deps.db });
    return c.json({ items, total: items.length });
  });
  app.get('/action-sheets/:id', async (c) => {
    return c.json(presentActionSheet(await readableActionSheet(c.var.deps.db, c.var.actor, readId(c))));
  });
  app.put('/action-sheets/:id', async (c) => {
    const id = readId(c);
    const body = await readBody(c, actionSheetBody);
    return c.json(presentActionSheet(await editActionSheet({ db: c.var.deps.db, actor: c.var.actor, id, content: toActionSheetInput(body) })));
  });
  app.post('/action-sheets/:id/publish', async (c) => c.json(presentActionSheet(await publishActionSheet({ db: c.var.deps.db, actor: c.var.actor, id: readId(c), state: 'published' }))));
  app.post('/action-sheets/:id/unpublish', async (c) => c.json(presentActionSheet(await publishActionSheet({ db: c.var.deps.db, actor: c.var.actor, id: readId(c), state: 'draft' }))));
  app.delete('/action-sheets/:id', async (c) => c.json(await removeActionSheet({ db: c.var.deps.db, actor: c.var.actor, id: readId(c) })));
  return app;
}
