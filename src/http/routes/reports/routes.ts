import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Env } from '../../context';
import { readId, readQuery } from '../../input';
import { PDF, type RouteDoc } from '../../openapi';
import { getPlaquette } from '../../../app/reports/getPlaquette';
import { buildFactSheet, factSheetJson } from '../../../app/reports/buildFactSheet';
import { factSheetQuery, factSheetResponse, plaquetteQuery } from './schema';

export const reportDocs = [
  { method: 'get', path: '/api/reports/plaquette', summary: 'Plaquette PDF d’un département, d’une région ou de la France (chiffres publiés, public)', tag: 'publication', query: plaquetteQuery, files: [PDF] },
  { method: 'get', path: '/api/structures/:id/fact-sheet', summary: 'Fiche d’une structure (PDF, ou ses textes et tableaux avec format=json) : ses chiffres, sa position parmi ses pairs et son évolution (privé)', tag: 'publication', auth: 'session', query: factSheetQuery, files: [PDF], response: factSheetResponse },
] as const satisfies readonly RouteDoc[];

/** A PDF answer: shown in the browser by default, saved under a readable name. */
function pdfResponse(c: Context<Env>, pdf: Uint8Array, filename: string, cache: 'public' | 'private') {
  return c.body(new Uint8Array(pdf), 200, {
    'content-type': 'application/pdf',
    'content-disposition': `inline; filename="${filename}"`,
    'cache-control': cache === 'public' ? 'public, max-age=300' : 'private, no-store',
  });
}

export function reportRoutes() {
  const app = new Hono<Env>();
  app.get('/reports/plaquette', async (c) => {
    const q = readQuery(c, plaquetteQuery);
    // Stored with the year's latest release (drawn on first use for a release published before storage).
    const { pdf, filename } = await getPlaquette({ db: c.var.deps.db, year: q.year, level: q.level, code: q.code });
    return pdfResponse(c, pdf, filename, 'public');
  });
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
