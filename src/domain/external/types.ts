/** Vocabulary of external data sets (ELISFA, CAF, INSEE…): mapping, rows, problems. */

/** What a column of an external file is. */
export const columnRoles = ['siret', 'name', 'commune', 'year', 'number', 'text', 'ignore'] as const;
export type ColumnRole = (typeof columnRoles)[number];

/**
 * How a file's columns are read: each column (by its header) has a role; value columns get a field
 * name (what `ext('dataset', 'field')` reads) and, optionally, the observatory indicator they measure
 * (what the concordance report compares).
 */
export interface ColumnMapping {
  column: string;
  role: ColumnRole;
  /** For number and text columns: the field name, e.g. `etp_total`. */
  field?: string;
  /** For number columns: the indicator code compared, e.g. `rh.etp.total`. */
  indicator?: string;
}
export interface DatasetMapping { columns: ColumnMapping[] }

/** One problem of a file, where a spreadsheet shows it (line 1 = header). */
export interface FileProblem {
  line: number;
  /** Column header, '' for the whole line. */
  column: string;
  /** Spreadsheet reference (`D7`), or the line alone. */
  cell: string;
  kind: 'encoding' | 'missing_column' | 'malformed_number' | 'duplicate' | 'unknown_structure' | 'wrong_year' | 'unreadable';
  message: string;
}

export type ExternalValue = number | string | null;

/** A row read from the file, before matching. */
export interface ExternalRowInput {
  line: number;
  siret: string | null;
  name: string;
  commune: string;
  values: Record<string, ExternalValue>;
}

export const matchMethods = ['siret', 'name', 'proposal', 'confirmed', 'rejected', 'none'] as const;
export type MatchMethod = (typeof matchMethods)[number];
/** Methods whose match the concordance report and rules trust. */
export const trustedMethods: readonly MatchMethod[] = ['siret', 'name', 'confirmed'];

export interface MatchCandidate { structureId: number; name: string; commune: string; score: number }

export interface RowMatch {
  structureId: number | null;
  method: MatchMethod;
  score: number | null;
  candidates: MatchCandidate[];
  /** Something the importer should know although the row is usable (e.g. invalid SIRET, matched by name). */
  note?: string;
}
