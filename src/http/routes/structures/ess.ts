import { Hono } from 'hono';
import type { Env } from '../../context';
import { readId, readQuery } from '../../input';
import { CSV, PDF, type RouteDoc } from '../../openapi';
import { getEssProfile } from '../../../app/stats/getEssProfile';
import { exportEssProfile } from '../../../app/stats/exportEssProfile';
import { essExportQuery, essProfileQuery, essProfileResponse } from './ess.schema';

export const essDocs = [
  { method: 'get', path: '/api/structures/:id/ess', summary: 'Profil ESS d’une structure : critères de la loi de 2014 et guide des bonnes pratiques (privé)', tag: 'ESS', auth: 'session', query: essProfileQuery, response: essProfileResponse },
  { method: 'get', path: '/api/structures/:id/ess/export', summary: 'Profil ESS à transmettre à la CRESS, en PDF ou CSV (privé)', tag: 'ESS', auth: 'session', query: essExportQuery, files: [CSV, PDF] },
] as const satisfies readonly RouteDoc[];

/**
 * A structure's ESS profile, and its export for the CRESS (private).
 * @example app.route('/', essRoutes());
 */
export function essRoutes() {
  const app = new Hono<Env>();
  app.get('/structures/:id/ess', async (c) => {
    const id = readId(c);
    const q = readQuery(c, essProfileQuery);
    return c.json(await getEssProfile({ db: c.var.deps.db, actor: c.var.actor, structureId: id, year: q.year }));
  });
  app.get('/structures/:id/ess/export', async (c) => {
    const id = readId(c);
    const q = readQuery(c, essExportQuery);
    const file = await exportEssProfile({ db: c.var.deps.db, actor: c.var.actor, structureId: id, year: q.year, format: q.format });
    return c.body(new Uint8Array(file.body), 200, {
      'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.filename}"`, 'Cache-Control': 'no-store',
    });
  });
  return app;
}
