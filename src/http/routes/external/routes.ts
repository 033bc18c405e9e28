import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { externalExample } from '../../../app/external/externalExample';
import { externalReport } from '../../../app/external/externalReport';
import { decideExternalProposals, externalProposals } from '../../../app/external/externalProposals';
import { importExternal } from '../../../app/external/importExternal';
import { refuseFileProblems, requestExternalImport } from '../../../app/external/requestExternalImport';
import { jobAccepted, prefersAsync } from '../../jobAccepted';
import { acceptedJobResponse } from '../jobs/schema';
import { listExternalDatasets } from '../../../app/external/listExternalDatasets';
import { presentExternalDataset } from '../../presenters/externalDataset';
import { concordanceFile } from '../../../app/external/externalReportTables';
import { comparableIndicators } from '../../../domain/external/indicators';
import { AppError } from '../../../domain/errors';
import { externalPolicy } from '../../../policies/external';
import type { Env } from '../../context';
import { describeIssues, readBody, readQuery } from '../../input';
import { CSV, XLSX, type RouteDoc } from '../../openapi';
import {
  concordanceReportResponse, confirmationsSchema, datasetListResponse, datasetParams, decisionsBody, exampleQuery, exportQuery, importQuery, importReportResponse,
  mappingSchema, metaSchema, proposalDecisionResponse, proposalListResponse, reportQuery,
} from './schema';

/** The upload route's own body limit (the API's default is 1 MB): a national file of 50,000 rows fits. */
export const EXTERNAL_UPLOAD_PATH = '/api/external/import';
export const EXTERNAL_UPLOAD_LIMIT = 30_000_000;

export const externalDocs = [
  { method: 'get', path: '/api/external/datasets', summary: 'Jeux de données externes importés (ELISFA, CAF, INSEE…) et indicateurs comparables', tag: 'données externes', auth: 'session', response: datasetListResponse },
  { method: 'post', path: '/api/external/import', summary: 'Importer un jeu de données externe (CSV ou XLSX ; multipart « file », « mapping », « confirmations », « source », « licence », ou corps brut) ; dryRun=true pour l’analyse seule ; avec « Prefer: respond-async », répond 202 et la tâche à suivre (GET /api/jobs/:id)', tag: 'données externes', auth: 'session', query: importQuery, response: importReportResponse, accepted: acceptedJobResponse },
  { method: 'get', path: '/api/external/datasets/:name/:year/report', summary: 'Rapport de concordance d’un jeu de données avec l’observatoire', tag: 'données externes', auth: 'session', query: reportQuery, response: concordanceReportResponse },
  { method: 'get', path: '/api/external/datasets/:name/:year/report/export', summary: 'Rapport de concordance en CSV ou XLSX', tag: 'données externes', auth: 'session', query: exportQuery, files: [CSV, XLSX] },
  { method: 'get', path: '/api/external/datasets/:name/:year/proposals', summary: 'Rapprochements proposés d’un jeu importé (à confirmer ou déjà décidés), avec les structures les plus proches (administration nationale)', tag: 'données externes', auth: 'session', response: proposalListResponse },
  { method: 'post', path: '/api/external/datasets/:name/:year/proposals', summary: 'Confirmer (ligne → structure) ou rejeter (ligne → null) des rapprochements proposés, tout ou rien (administration nationale)', tag: 'données externes', auth: 'session', body: decisionsBody, response: proposalDecisionResponse },
  { method: 'get', path: '/api/external/example', summary: 'Jeu d’exemple au format ELISFA, tiré de la campagne (administration nationale)', tag: 'données externes', auth: 'session', query: exampleQuery, files: [CSV, XLSX] },
] as const satisfies readonly RouteDoc[];

const contentTypes = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

function signedIn(c: Context<Env>) {
  const actor = c.var.actor;
  if (!actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour accéder aux données externes.');
  return actor;
}

function readDataset(c: Context<Env>) {
  const name = datasetParams.name.safeParse(c.req.param('name'));
  const year = datasetParams.year.safeParse(c.req.param('year'));
  if (!name.success || !year.success) throw new AppError('not_found', 'Jeu de données introuvable.');
  return { name: name.data, year: year.data };
}

function parseField<T extends z.ZodType>(value: unknown, schema: T, label: string): z.infer<T> | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new AppError('validation_failed', `Le champ « ${label} » doit être du texte JSON.`);
  let json: unknown;
  try { json = JSON.parse(value); } catch { throw new AppError('validation_failed', `Le champ « ${label} » n’est pas un JSON valide.`); }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError('validation_failed', `Champ « ${label} » invalide : ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** The uploaded file and its form fields (multipart), or the raw body alone. */
async function readUpload(c: Context<Env>) {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody().catch(() => { throw new AppError('bad_request', 'Le formulaire multipart est illisible : envoyez le fichier dans le champ « file ».'); });
    const file = form.file;
    if (!(file instanceof File)) throw new AppError('validation_failed', 'Joignez le fichier dans le champ « file » du formulaire.');
    const meta = metaSchema.safeParse({ source: form.source || undefined, licence: form.licence || undefined });
    if (!meta.success) throw new AppError('validation_failed', `Source ou licence invalide : ${describeIssues(meta.error)}`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is exactly what is refused here
    if (/\u0000/.test(`${meta.data.source ?? ''}${meta.data.licence ?? ''}${file.name}`)) throw new AppError('validation_failed', 'Caractère nul (U+0000) interdit.');
    return {
      bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name.slice(0, 200),
      mapping: parseField(form.mapping, mappingSchema, 'mapping'), confirmations: parseField(form.confirmations, confirmationsSchema, 'confirmations'), ...meta.data,
    };
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0) throw new AppError('validation_failed', 'Le corps de la requête est vide : envoyez le fichier CSV ou XLSX.');
  return { bytes, fileName: '' };
}

function toleranceOf(q: { toleranceAbs?: number; toleranceRel?: number }) {
  return { ...(q.toleranceAbs !== undefined ? { absolute: q.toleranceAbs } : {}), ...(q.toleranceRel !== undefined ? { relative: q.toleranceRel } : {}) };
}

export function externalRoutes() {
  const app = new Hono<Env>();
  app.get('/external/datasets', async (c) => {
    const actor = signedIn(c);
    if (!externalPolicy.read(actor)) throw new AppError('forbidden', 'Les données externes sont réservées aux correspondants des territoires et à l’administration nationale.');
    const datasets = await listExternalDatasets({ db: c.var.deps.db });
    return c.json({
      canImport: externalPolicy.import(actor),
      datasets: datasets.map(presentExternalDataset),
      indicators: comparableIndicators().map((i) => ({ code: i.code, label: i.label, unit: i.unit })),
    });
  });

  app.post('/external/import', async (c) => {
    const actor = signedIn(c);
    if (!externalPolicy.import(actor)) throw new AppError('forbidden', 'Seule l’administration nationale importe des jeux de données externes (fichiers nationaux).');
    const q = readQuery(c, importQuery);
    const { bytes, ...upload } = await readUpload(c);
    const request = { dataset: q.dataset, year: q.year, format: q.format, dryRun: q.dryRun, ...upload };
    if (prefersAsync(c)) return jobAccepted(c, await requestExternalImport({ db: c.var.deps.db, actor, request, bytes }));
    // A file with problems is a 400 whose details carry the whole report (every problem with its line).
    return c.json(refuseFileProblems(await importExternal({ db: c.var.deps.db, actor, ...request, bytes })));
  });

  app.get('/external/datasets/:name/:year/report', async (c) => {
    const actor = signedIn(c);
    const q = readQuery(c, reportQuery);
    const { name, year } = readDataset(c);
    return c.json(await externalReport({ db: c.var.deps.db, actor, dataset: name, year, tolerance: toleranceOf(q) }));
  });

  app.get('/external/datasets/:name/:year/report/export', async (c) => {
    const actor = signedIn(c);
    const q = readQuery(c, exportQuery);
    const { name, year } = readDataset(c);
    const report = await externalReport({ db: c.var.deps.db, actor, dataset: name, year, tolerance: toleranceOf(q) });
    const bytes = await concordanceFile(report, q.format);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': contentTypes[q.format],
      'content-disposition': `attachment; filename="concordance-${name}-${year}.${q.format}"`,
    });
  });

  app.get('/external/datasets/:name/:year/proposals', async (c) => {
    const actor = signedIn(c);
    const { name, year } = readDataset(c);
    const items = await externalProposals({ db: c.var.deps.db, actor, dataset: name, year });
    return c.json({ items, total: items.length });
  });

  app.post('/external/datasets/:name/:year/proposals', async (c) => {
    const actor = signedIn(c);
    const { name, year } = readDataset(c);
    const body = await readBody(c, decisionsBody);
    return c.json(await decideExternalProposals({ db: c.var.deps.db, actor, dataset: name, year, decisions: body.decisions }));
  });

  app.get('/external/example', async (c) => {
    const actor = signedIn(c);
    if (!externalPolicy.import(actor)) throw new AppError('forbidden', 'Le jeu d’exemple reprend des réponses de toutes les structures : réservé à l’administration nationale.');
    const q = readQuery(c, exampleQuery);
    const bytes = await externalExample({ db: c.var.deps.db, year: q.year, format: q.format });
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': contentTypes[q.format],
      'content-disposition': `attachment; filename="elisfa-exemple-${q.year}.${q.format}"`,
    });
  });
  return app;
}
