import type { Table } from '../../reports/table/table';
import type { TableSchema } from '../../domain/tableSchema';

// The schema of a table is pure and shared with the directory's template: it lives in the domain.
export { tableSchema, type TableSchema } from '../../domain/tableSchema';

/** Does a CSV text value fit a Table Schema field? (missing values always fit unless required). */
export function fitsField(raw: string, f: TableSchema['fields'][number]): string | null {
  const c = f.constraints ?? {};
  if (raw === '') return c.required ? 'valeur requise manquante' : null;
  switch (f.type) {
    case 'integer': if (!/^-?\d+$/.test(raw)) return `« ${raw} » n’est pas un entier`; break;
    case 'number': if (!/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(raw)) return `« ${raw} » n’est pas un nombre`; break;
    case 'boolean': if (!['true', 'false'].includes(raw)) return `« ${raw} » n’est pas un booléen`; break;
    case 'date': if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return `« ${raw} » n’est pas une date`; break;
  }
  if (Array.isArray(c.enum) && !c.enum.includes(raw)) return `« ${raw} » hors de la liste`;
  if (typeof c.pattern === 'string' && !new RegExp(`^(?:${c.pattern})$`).test(raw)) return `« ${raw} » ne suit pas le motif`;
  if (typeof c.minimum === 'number' && Number(raw) < c.minimum) return `« ${raw} » sous le minimum`;
  if (typeof c.maximum === 'number' && Number(raw) > c.maximum) return `« ${raw} » au-dessus du maximum`;
  return null;
}

export type { Table };
