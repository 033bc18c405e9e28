import { Hono, type Context } from 'hono';
import { checkDirectoryFile, importDirectory } from '../../../app/directory/importDirectory';
import { editStructureIdentity } from '../../../app/structures/editStructureIdentity';
import { closeCorrectionRequest, correctionsOfStructure, openCorrections, requestCorrection } from '../../../app/structures/structureCorrections';
import { directoryTemplate } from '../../../app/directory/directoryTemplate';
import { directorySchema } from '../../../domain/directory/template';
import { AppError } from '../../../domain/errors';
import { formatOf } from '../../../domain/interchange/answerTable';
import type { Env } from '../../context';
import { readBody, readId, readQuery } from '../../input';
import { CSV, XLSX, type RouteDoc } from '../../openapi';
import {
  closeCorrectionBody, correctionBody, correctionClosedResponse, correctionCreatedResponse, correctionListResponse, directoryReportResponse,
  identityBody, identityEditResponse, importQuery, tableSchemaView, templateQuery,
} from './schema';
import { plural } from '../../../domain/labels';

/** The directory upload takes a national file (≈ 4,100 rows): up to 10 MB, bounded again before parsing. */
export const DIRECTORY_UPLOAD_PATH = '/api/directory/import';
export const DIRECTORY_UPLOAD_LIMIT = 10 * 1024 * 1024;

export const directoryDocs = [
  { method: 'get', path: '/api/directory/template', summary: 'Modèle du fichier d’annuaire (CSV ou XLSX)', tag: 'annuaire', auth: 'none', query: templateQuery, files: [CSV, XLSX] },
  { method: 'get', path: '/api/directory/schema', summary: 'Schéma (Table Schema) du fichier d’annuaire', tag: 'annuaire', auth: 'none', response: tableSchemaView },
  { method: 'post', path: DIRECTORY_UPLOAD_PATH, summary: 'Importer l’annuaire (CSV ou XLSX, corps brut ou multipart « file ») : dryRun=true montre la différence (un fichier avec des problèmes : 400, le rapport dans error.details), dryRun=false l’applique, tout ou rien — administration nationale', tag: 'annuaire', auth: 'session', query: importQuery, response: directoryReportResponse },
  { method: 'patch', path: '/api/structures/:id/identity', summary: 'Corriger la fiche d’identité d’une structure (mêmes contrôles que l’import, audité) — correspondants du territoire, coordination régionale, national', tag: 'annuaire', auth: 'session', body: identityBody, response: identityEditResponse },
  { method: 'get', path: '/api/structures/:id/corrections', summary: 'Demandes de correction de la fiche d’une structure', tag: 'annuaire', auth: 'session', response: correctionListResponse },
  { method: 'post', path: '/api/structures/:id/corrections', summary: 'Demander une correction de la fiche d’identité — équipe de la structure', tag: 'annuaire', auth: 'session', body: correctionBody, status: 201, response: correctionCreatedResponse },
  { method: 'post', path: '/api/structures/:id/corrections/:correctionId/close', summary: 'Clore une demande de correction (corrigée ou refusée) — correspondants du territoire', tag: 'annuaire', auth: 'session', body: closeCorrectionBody, response: correctionClosedResponse },
  { method: 'get', path: '/api/directory/corrections', summary: 'Demandes de correction ouvertes des structures que l’on suit', tag: 'annuaire', auth: 'session', response: correctionListResponse },
] as const satisfies readonly RouteDoc[];

/** The uploaded file: the `file` field of a multipart form, or the raw body. */
async function readUpload(c: Context<Env>): Promise<Uint8Array> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody().catch(() => { throw new AppError('bad_request', 'Le formulaire multipart est illisible : envoyez le fichier dans le champ « file ».'); });
    if (!(form.file instanceof File)) throw new AppError('validation_failed', 'Joignez le fichier dans le champ « file » du formulaire.');
    return new Uint8Array(await form.file.arrayBuffer());
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0) throw new AppError('validation_failed', 'Le corps de la requête est vide : envoyez le fichier CSV ou XLSX.');
  return bytes;
}

const contentTypes = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export function directoryRoutes() {
  const app = new Hono<Env>();
  app.get('/directory/template', async (c) => {
    const { format } = readQuery(c, templateQuery);
    return c.body(await directoryTemplate(format) as Uint8Array<ArrayBuffer>, 200, { 'content-type': contentTypes[format], 'content-disposition': `attachment; filename="annuaire-modele.${format}"` });
  });
  app.get('/directory/schema', (c) => c.json(directorySchema()));

  app.post('/directory/import', async (c) => {
    const actor = c.var.actor;
    if (!actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour importer l’annuaire.');
    if (!actor.memberships.some((m) => m.role === 'national_admin')) throw new AppError('forbidden', 'Seule l’administration nationale importe l’annuaire des structures.');
    const q = readQuery(c, importQuery);
    const bytes = await readUpload(c);
    const checked = await checkDirectoryFile(bytes, q.format ?? formatOf(bytes));
    const report = await importDirectory({ db: c.var.deps.db, actor, checked, dryRun: q.dryRun });
    // A file with problems is bad input, dry run or not: 400, the report (problems, row, column) in the details.
    if (report.problems.length > 0) {
      throw new AppError('validation_failed', `${q.dryRun ? 'Fichier refusé' : 'Import refusé'}, rien n’a été enregistré : ${plural(report.problems.length, 'problème', 'problèmes')}. Premier : ligne ${report.problems[0].row}, colonne « ${report.problems[0].column} » — ${report.problems[0].message}`, report);
    }
    return c.json(report);
  });

  app.patch('/structures/:id/identity', async (c) => {
    const id = readId(c);
    const patch = await readBody(c, identityBody);
    return c.json(await editStructureIdentity({ db: c.var.deps.db, actor: c.var.actor, structureId: id, patch }));
  });
  app.get('/structures/:id/corrections', async (c) => c.json(await correctionsOfStructure({ db: c.var.deps.db, actor: c.var.actor, structureId: readId(c) })));
  app.post('/structures/:id/corrections', async (c) => {
    const id = readId(c);
    const { body } = await readBody(c, correctionBody);
    return c.json(await requestCorrection({ db: c.var.deps.db, actor: c.var.actor, structureId: id, body }), 201);
  });
  app.post('/structures/:id/corrections/:correctionId/close', async (c) => {
    const id = readId(c);
    const correctionId = readId(c, 'correctionId');
    const { state } = await readBody(c, closeCorrectionBody);
    return c.json(await closeCorrectionRequest({ db: c.var.deps.db, actor: c.var.actor, structureId: id, correctionId, state }));
  });
  app.get('/directory/corrections', async (c) => c.json(await openCorrections({ db: c.var.deps.db, actor: c.var.actor })));
  return app;
}
