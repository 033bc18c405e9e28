/**
 * A small checker of the Frictionless specifications for the tests (the npm validators, tableschema-js and
 * datapackage-js, are unmaintained): a Table Schema descriptor, a CSV file against its schema (types,
 * constraints, missing values, primary key), and a Data Package descriptor (required properties, names,
 * resource paths, schemas). Each returns the problems found, in French; empty when valid.
 */
import Papa from 'papaparse';

type Field = { name: string; type: string; format?: string; constraints?: Record<string, unknown>; [k: string]: unknown };
export interface SchemaDescriptor { fields: Field[]; missingValues?: string[]; primaryKey?: string[] | string }

const fieldTypes = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'time', 'datetime', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any'];
const constraintKeys: Record<string, string[]> = {
  string: ['required', 'unique', 'enum', 'pattern', 'minLength', 'maxLength'],
  number: ['required', 'unique', 'enum', 'minimum', 'maximum'], integer: ['required', 'unique', 'enum', 'minimum', 'maximum'],
  boolean: ['required', 'enum'], date: ['required', 'unique', 'enum', 'minimum', 'maximum'],
};
/** Package and resource names: lower-case letters, digits, `-`, `_`, `.` (Data Package v1). */
const namePattern = /^[a-z0-9._-]+$/;

/**
 * Problems of a Table Schema descriptor.
 * @example checkTableSchema({ fields: [{ name: 'a', type: 'text' }] }) // ['champ a : type « text » inconnu']
 */
export function checkTableSchema(schema: SchemaDescriptor): string[] {
  const problems: string[] = [];
  if (!Array.isArray(schema.fields) || schema.fields.length === 0) return ['« fields » absent ou vide'];
  const names = schema.fields.map((f) => f.name);
  if (new Set(names).size !== names.length) problems.push('noms de champs en double');
  for (const f of schema.fields) {
    if (typeof f.name !== 'string' || !f.name) problems.push('champ sans nom');
    if (!fieldTypes.includes(f.type)) problems.push(`champ ${f.name} : type « ${f.type} » inconnu`);
    for (const key of Object.keys(f.constraints ?? {})) if (!(constraintKeys[f.type] ?? []).includes(key)) problems.push(`champ ${f.name} : contrainte « ${key} » invalide pour le type ${f.type}`);
    const e = f.constraints?.enum;
    if (e !== undefined && (!Array.isArray(e) || e.length === 0)) problems.push(`champ ${f.name} : enum doit être une liste non vide`);
  }
  if (schema.missingValues !== undefined && !(Array.isArray(schema.missingValues) && schema.missingValues.every((v) => typeof v === 'string'))) problems.push('missingValues doit être une liste de textes');
  const key = typeof schema.primaryKey === 'string' ? [schema.primaryKey] : schema.primaryKey ?? [];
  for (const k of key) if (!names.includes(k)) problems.push(`clé primaire : champ ${k} absent`);
  return problems;
}

/** The typed value of a CSV cell, or an error text. */
function cast(raw: string, f: Field): { value: unknown } | { error: string } {
  switch (f.type) {
    case 'integer': return /^[-+]?\d+$/.test(raw) ? { value: Number(raw) } : { error: `« ${raw} » n’est pas un entier` };
    case 'number': return /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(raw) || ['NaN', 'INF', '-INF'].includes(raw) ? { value: Number(raw) } : { error: `« ${raw} » n’est pas un nombre` };
    case 'boolean': return ['true', 'True', 'TRUE', '1'].includes(raw) ? { value: true } : ['false', 'False', 'FALSE', '0'].includes(raw) ? { value: false } : { error: `« ${raw} » n’est pas un booléen` };
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
      const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
      return d && d.getUTCDate() === +m![3] ? { value: raw } : { error: `« ${raw} » n’est pas une date AAAA-MM-JJ` };
    }
    default: return { value: raw };
  }
}

/**
 * Problems of a CSV file against its Table Schema: header, every cell's type and constraints (a missing
 * value passes unless required), unique fields and primary key.
 * @example checkCsv('a\n1\n', { fields: [{ name: 'a', type: 'integer' }] }) // []
 */
export function checkCsv(csv: string, schema: SchemaDescriptor): string[] {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const problems = parsed.errors.map((e) => `CSV ligne ${(e.row ?? 0) + 1} : ${e.message}`);
  const [header, ...rows] = parsed.data;
  const names = schema.fields.map((f) => f.name);
  if (JSON.stringify(header) !== JSON.stringify(names)) problems.push(`en-tête ${JSON.stringify(header)} ≠ champs ${JSON.stringify(names)}`);
  const missing = new Set(schema.missingValues ?? ['']);
  const seen = schema.fields.map(() => new Set<string>());
  const keys = new Set<string>();
  const keyFields = (typeof schema.primaryKey === 'string' ? [schema.primaryKey] : schema.primaryKey ?? []).map((k) => names.indexOf(k));
  rows.forEach((row, r) => {
    const line = r + 2;
    if (row.length !== names.length) problems.push(`ligne ${line} : ${row.length} cellules pour ${names.length} champs`);
    schema.fields.forEach((f, i) => {
      const raw = row[i] ?? '';
      const c = f.constraints ?? {};
      if (missing.has(raw)) { if (c.required) problems.push(`ligne ${line}, ${f.name} : valeur requise manquante`); return; }
      const typed = cast(raw, f);
      if ('error' in typed) return void problems.push(`ligne ${line}, ${f.name} : ${typed.error}`);
      const v = typed.value;
      if (Array.isArray(c.enum) && !c.enum.map(String).includes(raw)) problems.push(`ligne ${line}, ${f.name} : « ${raw} » hors de la liste`);
      if (typeof c.pattern === 'string' && !new RegExp(`^(?:${c.pattern})$`).test(raw)) problems.push(`ligne ${line}, ${f.name} : « ${raw} » ne suit pas le motif ${c.pattern}`);
      if (c.minimum !== undefined && (v as number | string) < (c.minimum as number | string)) problems.push(`ligne ${line}, ${f.name} : ${raw} sous le minimum ${String(c.minimum)}`);
      if (c.maximum !== undefined && (v as number | string) > (c.maximum as number | string)) problems.push(`ligne ${line}, ${f.name} : ${raw} au-dessus du maximum ${String(c.maximum)}`);
      if (typeof c.minLength === 'number' && raw.length < c.minLength) problems.push(`ligne ${line}, ${f.name} : trop court`);
      if (typeof c.maxLength === 'number' && raw.length > c.maxLength) problems.push(`ligne ${line}, ${f.name} : trop long`);
      if (c.unique) { if (seen[i].has(raw)) problems.push(`ligne ${line}, ${f.name} : « ${raw} » en double`); seen[i].add(raw); }
    });
    if (keyFields.length > 0) {
      const key = keyFields.map((i) => row[i]).join('\u0000');
      if (keys.has(key)) problems.push(`ligne ${line} : clé primaire en double`);
      keys.add(key);
    }
  });
  return problems;
}

interface PackageDescriptor { name?: unknown; resources?: unknown; licenses?: unknown; profile?: unknown; [k: string]: unknown }

/**
 * Problems of a Data Package descriptor: `resources` required and non-empty, each with a unique valid
 * `name` and a `path` (relative POSIX, no `..`) or `data`; a tabular package's resources carry a schema
 * (an object or the path of one among `schemaPaths`); licences with a name or a path.
 * @example checkDataPackage({ resources: [] }) // ['« resources » doit être une liste non vide']
 */
export function checkDataPackage(dp: PackageDescriptor, schemaPaths: readonly string[] = []): string[] {
  const problems: string[] = [];
  if (dp.name !== undefined && (typeof dp.name !== 'string' || !namePattern.test(dp.name))) problems.push(`nom de paquet « ${String(dp.name)} » invalide`);
  if (!Array.isArray(dp.resources) || dp.resources.length === 0) return [...problems, '« resources » doit être une liste non vide'];
  const names = new Set<string>();
  for (const r of dp.resources as Record<string, unknown>[]) {
    const name = String(r.name ?? '');
    if (!namePattern.test(name)) problems.push(`ressource « ${name} » : nom invalide ou absent`);
    if (names.has(name)) problems.push(`ressource « ${name} » en double`);
    names.add(name);
    const paths = r.path === undefined ? [] : Array.isArray(r.path) ? r.path : [r.path];
    if (paths.length === 0 && r.data === undefined) problems.push(`ressource « ${name} » : ni « path » ni « data »`);
    for (const p of paths) if (typeof p !== 'string' || p.startsWith('/') || p.split('/').includes('..') || p.includes('\\')) problems.push(`ressource « ${name} » : chemin « ${String(p)} » invalide`);
    if (dp.profile === 'tabular-data-package' || r.profile === 'tabular-data-resource') {
      if (typeof r.schema === 'string') { if (!schemaPaths.includes(r.schema)) problems.push(`ressource « ${name} » : schéma « ${r.schema} » introuvable`); }
      else if (typeof r.schema === 'object' && r.schema) problems.push(...checkTableSchema(r.schema as SchemaDescriptor).map((x) => `ressource « ${name} » : ${x}`));
      else problems.push(`ressource « ${name} » : schéma absent (paquet tabulaire)`);
    }
  }
  if (dp.licenses !== undefined) {
    if (!Array.isArray(dp.licenses)) problems.push('« licenses » doit être une liste');
    else for (const l of dp.licenses as Record<string, unknown>[]) if (!l.name && !l.path) problems.push('licence sans « name » ni « path »');
  }
  return problems;
}
