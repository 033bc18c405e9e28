/**
 * Columns of an external file → roles, fields and indicators. A mapping is guessed from the headers and
 * the values (what ELISFA, CAF or INSEE files usually call things), then shown to the person importing,
 * who corrects it; `checkMapping` says what is wrong with a mapping for a given header.
 */
import type { AnswerTable } from '../interchange/answerTable';
import { comparableIndicator } from './indicators';
import { normaliseText } from './names';
import { parseFrenchNumber } from './numbers';
import { columnRoles, type ColumnMapping, type DatasetMapping, type FileProblem } from './types';

/** Usual headers of value columns, normalised, with the field and indicator they mean. */
const knownValues: [RegExp, string, string | undefined][] = [
  [/^(effectif|effectifs|nombre de salaries|salaries|effectif salarie|effectif total)\b/, 'effectif_total', 'rh.effectif.total'],
  [/^(etp|equivalent temps plein|equivalents temps plein)\b/, 'etp_total', 'rh.etp.total'],
  [/^(cdi|salaries en cdi|contrats? a duree indeterminee)\b/, 'cdi', 'rh.contrat.cdi'],
  [/^(cdd|salaries en cdd|contrats? a duree determinee)\b/, 'cdd', 'rh.contrat.cdd'],
  [/^(contrats? aides?|emplois aides)\b/, 'contrats_aides', 'rh.contrat.aides'],
  [/^(apprentis|apprentissage)\b/, 'apprentis', 'rh.contrat.apprentis'],
  [/^(masse salariale)\b/, 'masse_salariale', 'rh.masse_salariale'],
  [/^(adherents)\b/, 'adherents', 'participation.adherents'],
  [/^(benevoles)\b/, 'benevoles', 'participation.benevoles'],
  [/^(total des produits|produits)\b/, 'produits', 'finances.produits'],
];

/**
 * A field name from a header: lower case ASCII, underscores.
 * @example fieldName('Contrats aidés') // 'contrats_aides'
 */
export function fieldName(header: string): string {
  const f = normaliseText(header).replace(/ /g, '_').slice(0, 40);
  return /^[a-z]/.test(f) ? f : `c_${f}`;
}

/**
 * The likely mapping of a table: identification columns by their header, value columns as numbers when
 * most of their cells read as numbers, with their usual field and indicator.
 * @example guessMapping(table).columns.find((c) => c.role === 'siret')?.column // 'SIRET'
 */
export function guessMapping(table: AnswerTable): DatasetMapping {
  const taken = new Set<string>();
  const columns = table.columns.map((column, index): ColumnMapping => {
    const n = normaliseText(column);
    const once = (role: ColumnMapping['role']): ColumnMapping => {
      if (taken.has(role)) return { column, role: 'ignore' };
      taken.add(role);
      return { column, role };
    };
    if (!n) return { column, role: 'ignore' };
    if (/\bsiret\b/.test(n)) return once('siret');
    if (/^(nom|raison sociale|denomination|structure|etablissement|nom de la structure|nom du centre)\b/.test(n)) return once('name');
    if (/^(commune|ville|localite|code commune|commune insee)\b/.test(n)) return once('commune');
    if (/^(annee|exercice|millesime)\b/.test(n)) return once('year');
    const cells = table.rows.map((r) => r.cells[index]).filter((c) => c !== null && String(c).trim() !== '');
    const numeric = cells.filter((c) => parseFrenchNumber(c)?.ok).length;
    const known = knownValues.find(([re]) => re.test(n));
    const asCode = comparableIndicator(column.trim());
    if (cells.length > 0 && numeric / cells.length >= 0.8) {
      const field = known?.[1] ?? fieldName(column);
      const indicator = asCode?.code ?? known?.[2];
      return { column, role: 'number', field, ...(indicator ? { indicator } : {}) };
    }
    return { column, role: 'text', field: /convention|idcc/.test(n) ? 'convention' : fieldName(column) };
  });
  return { columns };
}

const letters = (index: number): string => (index < 26 ? '' : letters(Math.floor(index / 26) - 1)) + String.fromCharCode(65 + (index % 26));
export { letters as columnLetters };

/**
 * Problems of a mapping against a file's header (all on line 1): mapped columns missing from the file,
 * no way to identify rows, bad field names or indicators, a field given twice.
 * @example checkMapping(['SIRET', 'ETP'], { columns: [{ column: 'Effectif', role: 'number', field: 'effectif' }] })[0].kind // 'missing_column'
 */
export function checkMapping(header: readonly string[], mapping: DatasetMapping): FileProblem[] {
  const problems: FileProblem[] = [];
  const at = (column: string, kind: FileProblem['kind'], message: string) => {
    const i = header.indexOf(column);
    problems.push({ line: 1, column, cell: i >= 0 ? `${letters(i)}1` : '1', kind, message });
  };
  const fields = new Set<string>();
  const roles = new Map<string, number>();
  for (const c of mapping.columns) {
    if (!(columnRoles as readonly string[]).includes(c.role)) { at(c.column, 'unreadable', `Rôle de colonne inconnu « ${String(c.role)} ».`); continue; }
    if (c.role === 'ignore') continue;
    if (!header.includes(c.column)) { at(c.column, 'missing_column', `Colonne « ${c.column} » absente du fichier (attendue par la correspondance des colonnes).`); continue; }
    roles.set(c.role, (roles.get(c.role) ?? 0) + 1);
    if (c.role === 'number' || c.role === 'text') {
      if (!c.field || !/^[a-z][a-z0-9_]{0,39}$/.test(c.field)) { at(c.column, 'unreadable', `Nom de champ invalide pour « ${c.column} » : lettres minuscules, chiffres et « _ », commençant par une lettre.`); continue; }
      if (fields.has(c.field)) at(c.column, 'duplicate', `Le champ « ${c.field} » est donné par deux colonnes.`);
      fields.add(c.field);
      if (c.indicator && (c.role !== 'number' || !comparableIndicator(c.indicator))) at(c.column, 'unreadable', `« ${c.indicator} » n’est pas un indicateur chiffré de l’observatoire.`);
    }
  }
  for (const role of ['siret', 'name', 'commune', 'year'] as const) if ((roles.get(role) ?? 0) > 1) at('', 'duplicate', `Plusieurs colonnes ont le rôle « ${role} » : une seule est permise.`);
  if (!roles.has('siret') && !roles.has('name')) at('', 'missing_column', 'Aucune colonne n’identifie les structures : il faut une colonne SIRET, ou un nom (avec la commune).');
  if (roles.has('name') && !roles.has('siret') && !roles.has('commune')) at('', 'missing_column', 'Sans SIRET, la commune est nécessaire pour rapprocher les structures par leur nom.');
  if (fields.size === 0) at('', 'missing_column', 'Aucune colonne de valeurs : indiquez au moins une colonne chiffrée ou texte à importer.');
  return problems;
}
