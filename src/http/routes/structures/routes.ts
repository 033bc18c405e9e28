import { Hono } from 'hono';
import { getStructureIdentity } from '../../../app/structures/getStructureIdentity';
import { searchStructures } from '../../../app/structures/searchStructures';
import type { Env } from '../../context';
import { readId, readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { presentStructureIdentity, presentStructureSummary } from '../../presenters/structure';
import { structureIdentity, structureListQuery, structureListResponse } from './schema';
import { memberDocs, memberRoutes } from './members';
import { structureResponseDocs, structureResponseRoutes } from './responses';
import { identityDocs, identityRoutes } from './identity';
import { structureCashDocs, structureCashRoutes } from './cash';
import { essDocs, essRoutes } from './ess';
import { positionDocs, positionRoutes } from './position';
import { factSheetDocs, factSheetRoutes } from './factSheet';
import { structureConsentDocs, structureConsentRoutes } from './consents';
import { structurePartnerDocs, structurePartnerRoutes } from './partners';
import { structureInvitationDocs, structureInvitationRoutes } from './invitations';
import { structureActionSheetDocs, structureActionSheetRoutes } from './actionSheets';
import { structureMapDocs, structureMapRoutes } from './map';

export const structureDocs = [
  { method: 'get', path: '/api/structures', summary: 'Annuaire public des structures (recherche, filtres, pagination)', tag: 'structures', query: structureListQuery, response: structureListResponse },
  { method: 'get', path: '/api/structures/:id', summary: 'Fiche d’identité publique d’une structure', tag: 'structures', response: structureIdentity },
  ...memberDocs,
  ...structureResponseDocs,
  ...identityDocs,
  ...structureCashDocs,
  ...essDocs,
  ...positionDocs,
  ...factSheetDocs,
  ...structureConsentDocs,
  ...structurePartnerDocs,
  ...structureInvitationDocs,
  ...structureActionSheetDocs,
  ...structureMapDocs,
] as const satisfies readonly RouteDoc[];

/**
 * /structures and its sub-resources, one sub-file each: members, responses, identity (and corrections), cash, ess, position
 * (and the named comparison), factSheet, consents, partners, invitations, actionSheets; map.ts serves /structures-map.
 * @example api.route('/', structureRoutes());
 */
export function structureRoutes() {
  const app = new Hono<Env>();
  app.get('/structures', async (c) => {
    const q = readQuery(c, structureListQuery);
    const result = await searchStructures({ db: c.var.deps.db, filters: {
      q: q.q || undefined, regionCode: q.region, departementCode: q.departement, communeCode: q.commune, kind: q.kind,
      management: q.management, qpvStatus: q.qpv, territoryType: q.territory,
    }, page: { offset: (q.page - 1) * q.pageSize, limit: q.pageSize } });
    return c.json({ items: result.items.map(presentStructureSummary), total: result.total });
  });
  app.get('/structures/:id', async (c) => {
    return c.json(presentStructureIdentity(await getStructureIdentity({ db: c.var.deps.db, structureId: readId(c) })));
  });
  app.route('/', memberRoutes());
  app.route('/', structureResponseRoutes());
  app.route('/', identityRoutes());
  app.route('/', structureCashRoutes());
  app.route('/', essRoutes());
  app.route('/', positionRoutes());
  app.route('/', factSheetRoutes());
  app.route('/', structureConsentRoutes());
  app.route('/', structurePartnerRoutes());
  app.route('/', structureInvitationRoutes());
  app.route('/', structureActionSheetRoutes());
  app.route('/', structureMapRoutes());
  return app;
}
