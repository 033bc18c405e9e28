import type { PublishedCell, SuppressionRule } from '../../domain/disclosure';

/**
 * A table as users see it, ready for CSV or XLSX: typed columns, plain rows. Built by presenters from the
 * gate's output (see figures.ts); the writers never compute anything.
 */
export const columnTypes = ['string', 'integer', 'number', 'boolean', 'date'] as const;
export type ColumnType = (typeof columnTypes)[number];

export interface TableColumn {
  /** Stable machine name (CSV header, Table Schema `name`). */
  name: string;
  /** French header shown in XLSX and described in the schema. */
  title: string;
  type: ColumnType;
  description?: string;
  unit?: string;
  /** Table Schema constraints (required, enum, pattern, minimum…), checked by the open data tests. */
  constraints?: Record<string, unknown>;
}

export type TableValue = string | number | boolean | null;
export type TableRow = Record<string, TableValue>;

export interface Table {
  /** Sheet name and file title. */
  title: string;
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
  /** Lines printed under the table in XLSX (source, secrecy rules). */
  notes?: readonly string[];
}

/** French words of the three cell states, as written in every export's status column. */
export const cellStatusLabels: Record<'value' | 'no_data', string> & Record<`suppressed:${SuppressionRule}`, string> = {
  value: 'publié',
  no_data: 'sans données',
  'suppressed:min_size': 'secret (effectif trop faible)',
  'suppressed:dominance': 'secret (dominance)',
  'suppressed:complement': 'secret (complémentaire)',
  'suppressed:secondary': 'secret (secret secondaire)',
  'suppressed:group': 'secret (réponse unanime)',
  'suppressed:release': 'secret (changement depuis la version précédente)',
};

/**
 * The status word of a published cell: value, suppressed with its rule, or no data.
 * @example cellStatus({ state: 'suppressed', rule: 'min_size' }) // 'secret (effectif trop faible)'
 */
export function cellStatus(cell: PublishedCell): string {
  if (cell.state === 'value') return cellStatusLabels.value;
  if (cell.state === 'no_data') return cellStatusLabels.no_data;
  return cellStatusLabels[`suppressed:${cell.rule}`];
}

/**
 * The value, size and status columns of a published cell: only a value cell carries numbers, so a
 * suppressed cell and a cell without data both leave `valeur` empty and differ by `statut`.
 * @example cellColumns({ state: 'value', value: 3.5, n: 12 }) // { valeur: 3.5, effectif: 12, statut: 'publié' }
 */
export function cellColumns(cell: PublishedCell): { valeur: number | null; effectif: number | null; statut: string } {
  return cell.state === 'value'
    ? { valeur: cell.value, effectif: cell.n, statut: cellStatus(cell) }
    : { valeur: null, effectif: null, statut: cellStatus(cell) };
}

/** The three columns that carry a published cell, described once for every table and schema. */
export const cellColumnDefs: readonly TableColumn[] = [
  { name: 'valeur', title: 'Valeur', type: 'number', description: 'Valeur publiée ; vide lorsque la case est couverte par le secret statistique ou sans données (voir « statut »).' },
  { name: 'effectif', title: 'Structures', type: 'integer', description: 'Nombre de structures ayant contribué à la valeur (vide si la case n’est pas publiée).', unit: 'structures' },
  { name: 'statut', title: 'Statut', type: 'string', description: '« publié », « sans données » ou « secret (règle) » : la règle de confidentialité qui a retenu la case.' },
];

/**
 * A file name safe in a Content-Disposition header: ASCII letters, digits and dashes.
 * @example fileSlug('Centre social l’Escale') // 'centre-social-l-escale'
 */
export function fileSlug(s: string, max = 80): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, max) || 'export';
}
