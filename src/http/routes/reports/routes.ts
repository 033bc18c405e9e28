import { Hono } from 'hono';
import type { Env } from '../../context';
import { readQuery } from '../../input';
import { PDF, type RouteDoc } from '../../openapi';
import { pdfResponse } from '../../pdfResponse';
import { getPlaquette } from '../../../app/reports/getPlaquette';
import { plaquetteQuery } from './schema';

export const reportDocs = [
  { method: 'get', path: '/api/reports/plaquette', summary: 'Plaquette PDF d’un département, d’une région ou de la France (chiffres publiés, public)', tag: 'publication', query: plaquetteQuery, files: [PDF] },
] as const satisfies readonly RouteDoc[];

/**
 * /reports: the plaquette of a territory (public PDF of published figures). A structure's fact sheet is served by structures/factSheet.ts.
 * @example api.route('/', reportRoutes());
 */
export function reportRoutes() {
  const app = new Hono<Env>();
  app.get('/reports/plaquette', async (c) => {
    const q = readQuery(c, plaquetteQuery);
    // Stored with the year's latest release (drawn on first use for a release published before storage).
    const { pdf, filename, sha256 } = await getPlaquette({ db: c.var.deps.db, year: q.year, level: q.level, code: q.code });
    return pdfResponse(c, pdf, filename, 'public', sha256);
  });
  return app;
}
