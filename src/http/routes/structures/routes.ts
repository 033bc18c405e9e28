import { Hono } from 'hono';
import { getStructure, getStructurePlace, listStructures } from '../../../db/structure.repo';
import { listStructureMembers } from '../../../db/user.repo';
import { listStructureResponses } from '../../../db/campaign.repo';
import { AppError } from '../../../domain/errors';
import { structurePolicy, type StructureAbility } from '../../../policies/structure';
import type { Env } from '../../context';
import type { Context } from 'hono';
import { readId, readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { structureListQuery, structureListResponse } from './schema';

export const structureDocs: RouteDoc[] = [
  { method: 'get', path: '/api/structures', summary: 'Annuaire public des structures (recherche, filtres, pagination)', tag: 'structures', query: structureListQuery, response: structureListResponse },
  { method: 'get', path: '/api/structures/:id', summary: 'Fiche d’identité publique d’une structure', tag: 'structures' },
  { method: 'get', path: '/api/structures/:id/members', summary: 'Équipe de la structure (privé)', tag: 'structures', auth: 'session' },
  { method: 'get', path: '/api/structures/:id/responses', summary: 'Réponses de la structure aux campagnes (privé)', tag: 'structures', auth: 'session' },
];

/** Loads the structure's place and checks one ability; unknown and forbidden differ only for signed-in people. */
export async function authorizeStructure(c: Context<Env>, ability: StructureAbility) {
  const id = readId(c);
  const place = await getStructurePlace(c.var.deps.db, id);
  if (!place) throw new AppError('not_found', 'Structure introuvable.');
  if (!c.var.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour accéder à ces informations.');
  if (!structurePolicy[ability](c.var.actor, place)) throw new AppError('forbidden', 'Vous n’avez pas accès aux informations privées de cette structure.');
  return place;
}

export function structureRoutes() {
  const app = new Hono<Env>();
  app.get('/structures', async (c) => {
    const q = readQuery(c, structureListQuery);
    const result = await listStructures(c.var.deps.db, {
      q: q.q || undefined, regionCode: q.region, departementCode: q.departement, communeCode: q.commune, kind: q.kind,
      management: q.management, qpvStatus: q.qpv, territoryType: q.territory,
    }, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
    return c.json(result);
  });
  app.get('/structures/:id', async (c) => {
    const s = await getStructure(c.var.deps.db, readId(c));
    if (!s) throw new AppError('not_found', 'Structure introuvable.');
    return c.json(s);
  });
  app.get('/structures/:id/members', async (c) => {
    const place = await authorizeStructure(c, 'readPrivate');
    const items = await listStructureMembers(c.var.deps.db, place.id);
    return c.json({ items, total: items.length });
  });
  app.get('/structures/:id/responses', async (c) => {
    const place = await authorizeStructure(c, 'readPrivate');
    const items = await listStructureResponses(c.var.deps.db, place.id);
    return c.json({ items, total: items.length });
  });
  return app;
}
