import { Hono } from 'hono';
import type { Env } from '../../context';
import { readId, readQuery } from '../../input';
import { PDF, type RouteDoc } from '../../openapi';
import { pdfResponse } from '../../pdfResponse';
import { buildFactSheet, factSheetJson } from '../../../app/reports/buildFactSheet';
import { factSheetQuery, factSheetResponse } from './factSheet.schema';

export const factSheetDocs = [
  { method: 'get', path: '/api/structures/:id/fact-sheet', summary: 'Fiche d’une structure (PDF, ou ses textes et tableaux avec format=json) : ses chiffres, sa position parmi ses pairs et son évolution (privé)', tag: 'publication', auth: 'session', query: factSheetQuery, files: [PDF], response: factSheetResponse },
] as const satisfies readonly RouteDoc[];

/**
 * A structure's fact sheet: a private PDF, or its texts and tables for the web page (format=json).
 * @example app.route('/', factSheetRoutes());
 */
export function factSheetRoutes() {
  const app = new Hono<Env>();
  app.get('/structures/:id/fact-sheet', async (c) => {
    const id = readId(c);
    const q = readQuery(c, factSheetQuery);
    // The web page shows the same sheet: its texts and tables, from the same builder as the PDF's.
    if (q.format === 'json') return c.json(await factSheetJson({ db: c.var.deps.db, actor: c.var.actor, structureId: id, year: q.year }));
    const { pdf, filename } = await buildFactSheet({ db: c.var.deps.db, actor: c.var.actor, structureId: id, year: q.year });
    return pdfResponse(c, pdf, filename, 'private');
  });
  return app;
}
