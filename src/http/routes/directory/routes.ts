import { Hono, type Context } from 'hono';
import { checkDirectoryFile, importDirectory } from '../../../app/directory/importDirectory';
import { openCorrections } from '../../../app/structures/structureCorrections';
import { directoryTemplate } from '../../../app/directory/directoryTemplate';
import { directorySchema } from '../../../domain/directory/template';
import { AppError } from '../../../domain/errors';
import { formatOf } from '../../../domain/interchange/answerTable';
import type { Env } from '../../context';
import { readQuery } from '../../input';
import { CSV, XLSX, type RouteDoc } from '../../openapi';
import { presentCorrection } from '../../presenters/correction';
import { correctionListResponse, directoryReportResponse, importQuery, tableSchemaView, templateQuery } from './schema';
import { plural } from '../../../domain/labels';

/** The directory upload takes a national file (≈ 4,100 rows): up to 10 MB, bounded again before parsing. */
export const DIRECTORY_UPLOAD_PATH = '/api/directory/import';
export const DIRECTORY_UPLOAD_LIMIT = 10 * 1024 * 1024;

export const directoryDocs = [
  { method: 'get', path: '/api/directory/template', summary: 'Modèle du fichier d’annuaire (CSV ou XLSX)', tag: 'annuaire', auth: 'none', query: templateQuery, files: [CSV, XLSX] },
  { method: 'get', path: '/api/directory/schema', summary: 'Schéma (Table Schema) du fichier d’annuaire', tag: 'annuaire', auth: 'none', response: tableSchemaView },
  { method: 'post', path: DIRECTORY_UPLOAD_PATH, summary: 'Importer l’annuaire (CSV ou XLSX, corps brut ou multipart « file ») : dryRun=true montre la différence (un fichier avec des problèmes : 400, le rapport dans error.details), dryRun=false l’applique, tout ou rien — administration nationale', tag: 'annuaire', auth: 'session', query: importQuery, response: directoryReportResponse },
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

  app.get('/directory/corrections', async (c) => c.json((await openCorrections({ db: c.var.deps.db, actor: c.var.actor })).map(presentCorrection)));
  return app;
}
