/** Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/) of one table file. */
export interface TableSchema {
  fields: { name: string; type: string; title: string; description: string; unit?: string; format?: string; constraints?: Record<string, unknown> }[];
  missingValues: string[];
  primaryKey?: string[];
}

/** A column as a schema describes it (the reports' table columns and the directory's columns both fit). */
export interface SchemaColumn {
  name: string; title: string; type: string; description?: string; unit?: string; constraints?: Record<string, unknown>;
}

/**
 * The Table Schema of a table: every column with its type, French title and description, unit (a custom
 * property, also said in the description) and constraints; an empty field is the only missing value.
 * Shared by the open data files (src/reports/opendata) and the directory file's template (directory/template.ts).
 * @example tableSchema([{ name: 'id', title: 'Identifiant', type: 'integer' }], ['id']).fields[0].name // 'id'
 */
export function tableSchema(columns: readonly SchemaColumn[], primaryKey?: string[]): TableSchema {
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
