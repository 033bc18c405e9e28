/**
 * The CPU-heavy work that runs in worker threads (see pool.ts): each task takes and returns plain data
 * (structured clone), never a database handle. They run in the calling thread too when workers are off.
 */
import { analyseTable, type FileAnalysis } from '../../../domain/external/analyse';
import { readExternalFile } from '../../external/readExternalFile';
import { guessMapping } from '../../../domain/external/mapping';
import type { DirectoryEntry } from '../../../domain/external/matching';
import type { DatasetMapping, FileProblem } from '../../../domain/external/types';
import type { TableFormat } from '../../../domain/interchange/answerTable';
import type { TextEncodingName } from '../../../domain/external/encoding';
import { checkResponse, prepareCampaign, type QualityContext, type ResponseToCheck } from '../../../domain/quality/engine';
import type { Catalog } from '../../../domain/questionnaire/types';
import type { Finding } from '../../../domain/quality/types';
import { defaultPeerOptions } from '../../../domain/quality/peers';
import { renderPdf } from '../../../reports/pdf';
import { plaquetteDocument } from '../../../reports/plaquette/document';
import type { PlaquetteModel } from '../../../reports/plaquette/model';
import { factSheetDocument, type FactSheetInput } from '../../../reports/factSheet/document';
import { auditRelease, preparePopulation, publishRelease, type AggregationRecord, type ReleaseAudit, type ReleaseTable } from '../../../domain/disclosure';
import type { TerritoryPlace } from '../../../domain/aggregation/groups';
import { lpSolver } from '../../publication/lpSolver';

/**
 * Campaign statistics as they cross threads: the peer metrics are functions (they cannot be cloned), so
 * the default ones travel as `null` and are put back on arrival (portableContext / restoredContext).
 */
export type PortableContext = Omit<QualityContext, 'peers'> & { peers?: Omit<NonNullable<QualityContext['peers']>, 'options'> & { options: Omit<NonNullable<QualityContext['peers']>['options'], 'metrics'> & { metrics: null } } };

/**
 * The context without its functions; throws for peer metrics other than the defaults.
 * @example restoredContext(portableContext(ctx)) // same statistics as ctx
 */
export function portableContext(ctx: QualityContext): PortableContext {
  if (!ctx.peers) return { ...ctx, peers: undefined };
  if (ctx.peers.options.metrics !== defaultPeerOptions.metrics) throw new Error('peer metrics other than the defaults cannot cross threads');
  return { ...ctx, peers: { ...ctx.peers, options: { ...ctx.peers.options, metrics: null } } };
}

/** The context with the default peer metrics back in place. */
export function restoredContext(ctx: PortableContext): QualityContext {
  return { ...ctx, peers: ctx.peers && { ...ctx.peers, options: { ...ctx.peers.options, metrics: defaultPeerOptions.metrics } } };
}

export interface AnalyseExternalInput {
  bytes: Uint8Array; format?: TableFormat; mapping?: DatasetMapping; year: number; directory: readonly DirectoryEntry[];
  confirmations: ReadonlyMap<number, number | null>; remembered: ReadonlyMap<string, number | null>;
}
export type AnalyseExternalOutput =
  | { problem: FileProblem }
  | { format: TableFormat; encoding: TextEncodingName | null; columns: string[]; mapping: DatasetMapping; analysis: FileAnalysis };

/**
 * An external file from bytes to matched rows: parse (CSV or XLSX), mapping guessed unless given, rows
 * matched to the directory.
 * @example await analyseExternalFile({ bytes, year: 2024, directory, confirmations: new Map(), remembered: new Map() })
 */
export async function analyseExternalFile(p: AnalyseExternalInput): Promise<AnalyseExternalOutput> {
  const read = await readExternalFile(p.bytes, p.format);
  if ('problem' in read) return { problem: read.problem };
  const mapping = p.mapping ?? guessMapping(read.table);
  const analysis = analyseTable(read.table, mapping, { year: p.year, directory: p.directory, confirmations: p.confirmations, remembered: p.remembered });
  return { format: read.format, encoding: read.encoding, columns: read.table.columns, mapping, analysis };
}

export interface CheckResponsesInput {
  responses: readonly ResponseToCheck[];
  /** The questionnaires, each sent once; `catalogOf[i]` is the index of the i-th response's one. */
  catalogs: readonly Catalog[]; catalogOf: readonly number[];
  /** The campaign statistics, or the national questionnaire to prepare them with, from `prepareFrom` (default: `responses`). */
  context: PortableContext | { prepareFrom?: readonly ResponseToCheck[]; prepareWith: Catalog };
}
export interface CheckResponsesOutput { context: PortableContext; results: { score: number; findings: Finding[] }[] }

/**
 * The quality engine over many responses: campaign statistics prepared unless given, then every
 * response checked against its own questionnaire.
 * @example const { results } = checkResponses({ responses, catalogs: [catalog], catalogOf: responses.map(() => 0), context })
 */
export function checkResponses(p: CheckResponsesInput): CheckResponsesOutput {
  const context = 'prepareWith' in p.context ? prepareCampaign(p.context.prepareFrom ?? p.responses, { questionnaire: p.context.prepareWith }) : restoredContext(p.context);
  const results = p.responses.map((r, i) => {
    const report = checkResponse(r, { ...context, questionnaire: p.catalogs[p.catalogOf[i]] });
    return { score: report.score, findings: report.findings };
  });
  return { context: portableContext(context), results };
}

/**
 * The campaign statistics alone (peer groups, yearly spreads), in portable form.
 * @example restoredContext(prepareContext({ responses, questionnaire: catalog }))
 */
export function prepareContext(p: { responses: readonly ResponseToCheck[]; questionnaire: Catalog }): PortableContext {
  return portableContext(prepareCampaign(p.responses, { questionnaire: p.questionnaire }));
}

/**
 * A plaquette's PDF from its model (figures already through the gate): charts and map drawn to SVG by
 * ECharts' SSR mode, then laid out by pdfmake — the fonts are parsed once per thread (src/reports/pdf.ts).
 * A Buffer crosses threads as a plain Uint8Array: read the answer with `asBuffer` (pool.ts).
 * @example asBuffer(await runHeavy('renderPlaquette', plaquetteModel(input))).subarray(0, 5).toString() // '%PDF-'
 */
export function renderPlaquette(model: PlaquetteModel): Promise<Uint8Array> {
  return renderPdf(plaquetteDocument(model));
}

/**
 * A centre's fact sheet as PDF bytes from what `factSheetData` read through the gate (box plots, evolution).
 * @example asBuffer(await runHeavy('renderFactSheet', await factSheetData({ db, actor, structureId, year })))
 */
export function renderFactSheet(input: FactSheetInput): Promise<Uint8Array> {
  return renderPdf(factSheetDocument(input));
}

export interface BuildReleaseInput {
  /** The validated and locked responses published now, and the directory's places (the population's frame). */
  records: readonly AggregationRecord[]; frame: readonly TerritoryPlace[];
  /** The records of the year's earlier releases, oldest first. */
  earlier: readonly (readonly AggregationRecord[])[];
  indicators: readonly string[];
}

/**
 * A release's fixed table and its exact audit (the CPU-heavy half of `releaseCampaign`, 1.5–2.5 s at demo
 * scale 1): the population prepared from the records, the table published through the gate against the
 * earlier releases (cells held back), then audited by linear programming (HiGHS, loaded once per thread).
 * @example const { table, audit } = await buildRelease({ records, frame, earlier: [], indicators: releaseIndicators });
 */
export async function buildRelease(p: BuildReleaseInput): Promise<{ table: ReleaseTable; audit: ReleaseAudit }> {
  const population = preparePopulation(p.records, p.frame);
  const table = publishRelease(population, p.earlier.map((records) => preparePopulation(records)), p.indicators);
  const audit = auditRelease(await lpSolver(), population, table);
  return { table, audit };
}

/** The tasks by name, as the pool runs them. */
export const heavyTasks = { analyseExternalFile, checkResponses, prepareContext, renderPlaquette, renderFactSheet, buildRelease };
export type HeavyTasks = typeof heavyTasks;
