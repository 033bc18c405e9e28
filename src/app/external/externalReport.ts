import type { Db } from '../../db/connection';
import { datasetRows, getDataset, recordsOfStructures, structuresByIds } from '../../db/external.repo';
import { concordanceReport, defaultTolerance, type ConcordanceReport, type Tolerance } from '../../domain/external/concordance';
import { comparableIndicator } from '../../domain/external/indicators';
import { trustedMethods, type DatasetMapping } from '../../domain/external/types';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { externalPolicy } from '../../policies/external';
import { structurePolicy } from '../../policies/structure';
import { getPopulation } from '../stats/populationCache';

export interface ExternalReportResult extends ConcordanceReport {
  dataset: { name: string; year: number; source: string; licence: string; rows: number };
  /** Whether structure-level lines cover every structure (national view) or only the reader's territory. */
  scope: 'all' | 'territory';
}

/**
 * The concordance report of a data set and year for a reader: structure-level lines of the structures
 * they review, aggregates through the disclosure gate, correlations over what they see.
 * @example const r = await externalReport({ db, actor, dataset: 'elisfa', year: 2024 });
 */
export async function externalReport(p: { db: Db; actor: Actor | null; dataset: string; year: number; tolerance?: Partial<Tolerance> }): Promise<ExternalReportResult> {
  const { db, actor } = p;
  if (actor && !actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour voir les rapports de concordance.');
  if (actor && !externalPolicy.read(actor)) throw new AppError('forbidden', 'Les rapports de concordance sont réservés aux correspondants des territoires et à l’administration nationale.');
  const ds = await getDataset(db, p.dataset, p.year);
  if (!ds) throw new AppError('not_found', `Aucun jeu de données « ${p.dataset} » pour ${p.year}.`);
  const tolerance = { ...defaultTolerance, ...p.tolerance };
  if (!(tolerance.absolute >= 0) || !(tolerance.relative >= 0)) throw new AppError('validation_failed', 'La tolérance doit être un nombre positif ou nul.');
  const mapping = ds.mapping as unknown as DatasetMapping;
  const compared = mapping.columns.filter((c) => c.role === 'number' && c.indicator && c.field)
    .flatMap((c) => { const indicator = comparableIndicator(c.indicator!); return indicator ? [{ field: c.field!, indicator }] : []; });
  const rows = await datasetRows(db, ds.id);
  const [working, published] = await Promise.all([
    getPopulation({ db, year: p.year, mode: 'working' }).catch(() => null),
    getPopulation({ db, year: p.year, mode: 'published' }).catch(() => null),
  ]);
  const workingRecords = working?.records ?? [];
  const names = new Map((await structuresByIds(db, workingRecords.map((r) => r.structureId))).map((s) => [s.id, s.name]));
  const trustedIds = [...new Set(rows.filter((r) => r.structureId !== null && trustedMethods.includes(r.method)).map((r) => r.structureId!))];
  const report = concordanceReport({
    compared, rows, tolerance,
    observed: workingRecords.map((r) => ({
      structure: { id: r.structureId, name: names.get(r.structureId) ?? String(r.structureId), departementCode: r.attributes.departementCode, regionCode: r.attributes.regionCode },
      answers: r.values,
    })),
    publishedTable: published?.releaseTable ?? [],
    matchedRecords: await recordsOfStructures(db, trustedIds),
    canSee: (s) => !actor || structurePolicy.review(actor, { id: s.id, departementCode: s.departementCode, regionCode: s.regionCode }),
  });
  const national = !actor || actor.memberships.some((m) => m.role === 'national_admin');
  if (!national) {
    // Unmatched external rows name structures; outside the nation's view only those matched into the reader's territory remain.
    report.unmatched.external = [];
  }
  return { ...report, dataset: { name: ds.name, year: ds.year, source: ds.source, licence: ds.licence, rows: rows.length }, scope: national ? 'all' : 'territory' };
}
