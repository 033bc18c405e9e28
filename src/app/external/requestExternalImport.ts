import type { Db } from '../../db/connection';
import { AppError } from '../../domain/errors';
import { plural } from '../../domain/labels';
import type { Actor } from '../../domain/roles';
import { actorById } from '../accounts/actorByEmail';
import type { JobHandler } from '../infra/jobRunner';
import { queueJob } from '../infra/jobRunner';
import { checkImportRequest, importExternal, type ExternalImportReport, type ImportExternalProps } from './importExternal';

/** The job kind of an external import asked for from a page (see requestExternalImport). */
export const EXTERNAL_IMPORT = 'external.import';

/** What an import asks for, beside the file: what the job's payload keeps (JSON). */
type ImportRequest = Pick<ImportExternalProps, 'dataset' | 'year' | 'format' | 'dryRun' | 'fileName' | 'mapping' | 'confirmations' | 'source' | 'licence'>;

/**
 * A file with problems is refused as a whole, its report in the details (every problem with its line), like
 * the answers import: nothing was stored, dry run or not. Answers the report when it has no problem.
 * @example const report = refuseFileProblems(await importExternal({ … }));
 */
export function refuseFileProblems(report: ExternalImportReport): ExternalImportReport {
  if (report.problems.length === 0) return report;
  const [first] = report.problems;
  throw new AppError('validation_failed', `Fichier refusé, rien n’a été enregistré : ${plural(report.problems.length, 'problème', 'problèmes')}. Premier : ligne ${first.line}${first.column ? `, colonne « ${first.column} »` : ''} — ${first.message}`, report);
}

/**
 * Queues an import of an external data set for its author to follow (GET /api/jobs/:id) instead of waiting
 * on the open request: who may import and the data set's name and year are checked now, the file itself by
 * the job (externalImportJob), with its progress (reading, matching, storing, quality re-checks).
 * @example const jobId = await requestExternalImport({ db, actor, request: { dataset: 'elisfa', year: 2024 }, bytes });
 */
export async function requestExternalImport(p: { db: Db; actor: Actor; request: ImportRequest; bytes: Uint8Array }): Promise<number> {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour accéder aux données externes.');
  checkImportRequest({ actor: p.actor, dataset: p.request.dataset, year: p.request.year });
  if (p.bytes.length === 0) throw new AppError('validation_failed', 'Le fichier est vide : envoyez le fichier CSV ou XLSX.');
  return queueJob(p.db, { kind: EXTERNAL_IMPORT, payload: { ...p.request }, requestedBy: p.actor.userId, input: p.bytes, maxAttempts: 3 });
}

/** Runs a queued import with the rights its author has now; its result is the import's report. */
export const externalImportJob: JobHandler = async (db, payload, context) => {
  if (context.requestedBy === null) throw new AppError('forbidden', 'Un import externe est demandé par une personne.');
  const actor = await actorById(db, context.requestedBy);
  const bytes = await context.input();
  if (!bytes) throw new AppError('validation_failed', 'Le fichier de cet import n’est plus disponible : importez-le de nouveau.');
  const request = payload as unknown as ImportRequest;
  return refuseFileProblems(await importExternal({
    db, actor, ...request, bytes, onProgress: (done, total, step) => context.progress({ step, done, total }),
  }));
};
