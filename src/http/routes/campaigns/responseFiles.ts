import { Hono, type Context } from 'hono';
import { exportResponses } from '../../../app/responses/exportResponses';
import { importResponses } from '../../../app/responses/importResponses';
import { AppError } from '../../../domain/errors';
import type { Env } from '../../context';
import { readQuery, readYear } from '../../input';
import { CSV, XLSX, type RouteDoc } from '../../openapi';
import { authorizeTerritory } from './access';
import { exportQuery, importQuery, importReport } from './responseFiles.schema';
import { plural } from '../../../domain/labels';

export const responseFileDocs = [
  { method: 'post', path: '/api/campaigns/:year/responses/import', summary: 'Importer des réponses (CSV ou XLSX : une ligne par SIRET, une colonne par code ; corps brut ou multipart « file »)', tag: 'campagnes', auth: 'session', query: importQuery, response: importReport },
  { method: 'get', path: '/api/campaigns/:year/responses/export', summary: 'Exporter les réponses d’un territoire (CSV ou XLSX, même forme que l’import)', tag: 'campagnes', auth: 'session', query: exportQuery, files: [CSV, XLSX] },
] as const satisfies readonly RouteDoc[];

const contentTypes = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
const reviewerRoles = new Set(['correspondent', 'regional_coordinator', 'national_admin']);

/** The uploaded file: the `file` field of a multipart form, or the raw body. */
async function readUpload(c: Context<Env>): Promise<Uint8Array> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody().catch(() => { throw new AppError('bad_request', 'Le formulaire multipart est illisible : envoyez le fichier dans le champ « file ».'); });
    const file = form.file;
    if (!(file instanceof File)) throw new AppError('validation_failed', 'Joignez le fichier dans le champ « file » du formulaire.');
    return new Uint8Array(await file.arrayBuffer());
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0) throw new AppError('validation_failed', 'Le corps de la requête est vide : envoyez le fichier CSV ou XLSX.');
  return bytes;
}

/**
 * /campaigns/:year/responses/import and /export: a territory's responses as a CSV or XLSX table.
 * @example app.route('/', responseFileRoutes());
 */
export function responseFileRoutes() {
  const app = new Hono<Env>();
  app.post('/campaigns/:year/responses/import', async (c) => {
    const actor = c.var.actor;
    if (!actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour importer des réponses.');
    if (!actor.memberships.some((m) => reviewerRoles.has(m.role))) {
      throw new AppError('forbidden', 'Seuls les correspondants, les coordinations régionales et l’administration nationale importent des réponses.');
    }
    const q = readQuery(c, importQuery);
    const bytes = await readUpload(c);
    const report = await importResponses({ db: c.var.deps.db, actor, year: readYear(c), bytes, format: q.format, dryRun: q.dryRun });
    if (report.problems.length > 0) {
      throw new AppError('validation_failed', `Import refusé, rien n’a été enregistré : ${plural(report.problems.length, 'problème', 'problèmes')}. Premier : ligne ${report.problems[0].row}, colonne « ${report.problems[0].column} » — ${report.problems[0].message}`, report);
    }
    return c.json(report);
  });

  app.get('/campaigns/:year/responses/export', async (c) => {
    const q = readQuery(c, exportQuery);
    const year = readYear(c);
    const scope = await authorizeTerritory(c, q.level, q.code);
    const { bytes } = await exportResponses({ db: c.var.deps.db, actor: c.var.actor, year, format: q.format, scope });
    const where = scope.level === 'nation' ? 'france' : `${scope.level}-${scope.code}`;
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': contentTypes[q.format],
      'content-disposition': `attachment; filename="reponses-${year}-${where}.${q.format}"`,
    });
  });
  return app;
}
