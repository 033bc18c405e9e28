/** Shapes of the external data API, as the pages read them (see src/app/importExternal.ts, externalReport.ts). */
export type PublishedCell = { state: 'value'; value: number; n: number } | { state: 'suppressed'; rule: string } | { state: 'no_data' };
export const roles = ['siret', 'name', 'commune', 'year', 'number', 'text', 'ignore'] as const;
export type Role = (typeof roles)[number];
export interface ColumnMapping { column: string; role: Role; field?: string; indicator?: string }
export interface Mapping { columns: ColumnMapping[] }
export interface Candidate { structureId: number; name: string; commune: string; score: number }
export interface FileProblem { line: number; column: string; cell: string; kind: string; message: string }
export interface ImportReport {
  dataset: string; year: number; format: string | null; encoding: string | null; columns: string[]; mapping: Mapping | null;
  counts: { rows: number; siret: number; name: number; proposals: number; unknown: number };
  problems: FileProblem[]; notes: { line: number; message: string }[];
  proposals: { line: number; name: string; commune: string; siret: string | null; candidates: Candidate[] }[];
  stored: boolean; unchanged: boolean; dryRun: boolean; rechecked: number;
}
export interface DatasetList {
  canImport: boolean;
  datasets: { id: number; name: string; year: number; source: string; licence: string; rows: number; matched: number; proposals: number }[];
  indicators: { code: string; label: string; unit: string }[];
}
export interface Territory { level: 'nation' | 'region' | 'departement'; code: string }
export interface Report {
  dataset: { name: string; year: number; source: string; licence: string; rows: number };
  scope: 'all' | 'territory';
  tolerance: { absolute: number; relative: number };
  indicators: { field: string; indicator: string; label: string; pairs: number; beyondTolerance: number; pearson: number | null; spearman: number | null }[];
  differences: { structureId: number; name: string; departementCode: string; line: number; indicator: string; external: number; observed: number; absolute: number; relative: number | null }[];
  aggregates: { indicator: string; territory: Territory; external: PublishedCell; observatory: PublishedCell; difference: { absolute: number; relative: number | null } | null }[];
  unmatched: { external: { line: number; siret: string | null; name: string; commune: string; method: string }[]; observatory: { structureId: number; name: string; departementCode: string }[] };
  hiddenStructures: number;
}
/** A row of an imported data set matching could only propose, and its decision (src/app/externalProposals.ts). */
export interface ReviewedRow {
  line: number; siret: string | null; name: string; commune: string;
  state: 'proposal' | 'confirmed' | 'rejected';
  structure: { id: number; name: string; commune: string } | null;
  candidates: Candidate[];
}
