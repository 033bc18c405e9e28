import type { Table, TableColumn } from '../../reports/table/table';

/** Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/) of one open data file. */
export interface TableSchema {
  fields: { name: string; type: string; title: string; description: string; unit?: string; format?: string; constraints?: Record<string, unknown> }[];
  missingValues: string[];
  primaryKey?: string[];
}

/**
 * The Table Schema of a table: every column with its type, French title and description, unit (a custom
 * property, also said in the description) and constraints; an empty field is the only missing value.
 * @example tableSchema(directoryTable([])).fields[0].name // 'id'
 */
export function tableSchema(columns: readonly TableColumn[], primaryKey?: string[]): TableSchema {
  return {
    fields: columns.map((c) => ({
      name: c.name, type: c.type, title: c.title,
      description: c.description ?? c.title,
      ...(c.type === 'date' ? { format: 'default' } : {}),
      ...(c.unit ? { unit: c.unit } : {}),
      ...(c.constraints ? { constraints: c.constraints } : {}),
    })),
    missingValues: [''],
    ...(primaryKey ? { primaryKey } : {}),
  };
}

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
