/**
 * Reads and checks a directory table (see columns.ts): every problem with its row, column and cell, in
 * French. Pure: the official geography comes in as a lookup, so the command line checks a file before it
 * opens the database.
 */
import type { AnswerTable, RawCell } from '../interchange/answerTable';
import { isValidSiret } from '../siret';
import { columnTitle, directoryColumns, listSeparator, managementModes, requiredColumns, type ManagementMode } from './columns';

export interface DirectoryProblem {
  /** Spreadsheet row (the header is row 1). */
  row: number;
  /** Column name as in the file, '' for a problem of the whole row. */
  column: string;
  /** Spreadsheet reference (`F12`), or the row alone. */
  cell: string;
  message: string;
}

export type ApprovalKind = 'animation_globale' | 'animation_collective_familles' | 'evs';

export interface DirectoryApproval { kind: ApprovalKind; startsOn: string; endsOn: string | null }

/** One structure as the file describes it. */
export interface DirectoryEntry {
  row: number;
  siret: string;
  name: string;
  kind: 'CS' | 'EVS';
  address: string | null;
  postalCode: string | null;
  communeCode: string;
  departementCode: string;
  regionCode: string;
  approvals: DirectoryApproval[];
  management: ManagementMode;
  federationMember: boolean;
  qpvCodes: string[];
  email: string | null;
  takesOver: string[];
}

/** What the parser needs of a commune of the official geography. */
export interface CommunePlace { departementCode: string; regionCode: string; postalCode?: string | null }

export const letters = (index: number): string => (index < 26 ? '' : letters(Math.floor(index / 26) - 1)) + String.fromCharCode(65 + (index % 26));

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const QPV = /^Q[NP][0-9A-Z]{5,8}$/;
const yes = new Set(['oui', 'o', 'vrai', 'true', '1', 'x']);
const no = new Set(['non', 'n', 'faux', 'false', '0', '']);

/**
 * A date cell as ISO `AAAA-MM-JJ`: ISO or French `JJ/MM/AAAA` text, or a workbook's date; null when empty,
 * undefined when unreadable or not a real day.
 * @example readDate('31/12/2026') // '2026-12-31'
 */
export function readDate(raw: RawCell): string | null | undefined {
  if (raw === null || String(raw).trim() === '') return null;
  const text = String(raw).trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(text);
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!iso && !fr) return undefined;
  const [y, mo, d] = iso ? [iso[1], iso[2], iso[3]] : [fr![3], fr![2], fr![1]];
  const day = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? undefined : day;
}

const text = (raw: RawCell): string => (raw === null ? '' : String(raw)).replace(/[\u00a0\u202f]/g, ' ').trim();
const siretText = (raw: RawCell): string => text(raw).replace(/\s/g, '');

/**
 * Checks the header and every row of a directory table; entries are returned only for rows without problems.
 * @example const { entries, problems } = parseDirectory(await readDirectoryTable(bytes), (code) => communes.get(code));
 * problems[0]; // { row: 4, column: 'siret', cell: 'A4', message: 'SIRET invalide « 123 » : …' }
 */
export function parseDirectory(table: AnswerTable, communeOf: (code: string) => CommunePlace | undefined): { entries: DirectoryEntry[]; problems: DirectoryProblem[] } {
  const problems: DirectoryProblem[] = [];
  const index = new Map<string, number>();
  const known = new Set<string>(directoryColumns.map((c) => c.name));
  table.columns.forEach((name, i) => {
    const key = name.toLowerCase();
    const cell = `${letters(i)}1`;
    if (!key) return;
    if (!known.has(key)) problems.push({ row: 1, column: name, cell, message: `Colonne « ${name} » inconnue : les colonnes sont ${[...known].join(', ')} (voir le modèle).` });
    else if (index.has(key)) problems.push({ row: 1, column: name, cell, message: `La colonne « ${name} » apparaît deux fois.` });
    else index.set(key, i);
  });
  for (const name of requiredColumns) {
    if (!index.has(name)) problems.push({ row: 1, column: name, cell: '1', message: `Colonne obligatoire absente : « ${name} » (${columnTitle(name)}).` });
  }
  if (problems.length > 0) return { entries: [], problems };

  const entries: DirectoryEntry[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const before = problems.length;
    const get = (name: string): RawCell => (index.has(name) ? cells[index.get(name)!] ?? null : null);
    const problem = (name: string, message: string) => problems.push({ row, column: name, cell: index.has(name) ? `${letters(index.get(name)!)}${row}` : String(row), message: `${columnTitle(name)} : ${message}` });

    const siret = siretText(get('siret'));
    if (!siret) problem('siret', 'valeur obligatoire.');
    else if (!isValidSiret(siret)) problem('siret', `SIRET invalide « ${siret} » : 14 chiffres dont le dernier est une clé de contrôle (Luhn).`);
    else if (firstRowOf.has(siret)) problem('siret', `SIRET ${siret} déjà présent ligne ${firstRowOf.get(siret)} : une seule ligne par structure.`);
    else firstRowOf.set(siret, row);

    const name = text(get('nom'));
    if (!name) problem('nom', 'valeur obligatoire.');
    else if (name.length > 300) problem('nom', '300 caractères au plus.');

    const kindText = text(get('type')).toUpperCase();
    const kind = kindText === 'CS' || kindText === 'EVS' ? kindText : null;
    if (!kind) problem('type', kindText ? `« ${text(get('type'))} » : CS ou EVS attendu.` : 'valeur obligatoire (CS ou EVS).');

    const communeCode = text(get('code_commune')).toUpperCase().padStart(5, '0');
    const commune = /^\d[\dAB]\d{3}$/.test(communeCode) ? communeOf(communeCode) : undefined;
    if (!text(get('code_commune'))) problem('code_commune', 'valeur obligatoire (code INSEE à 5 caractères).');
    else if (!commune) problem('code_commune', `« ${text(get('code_commune'))} » n’est pas une commune du Code officiel géographique en vigueur (code INSEE, pas le code postal).`);

    const postalCode = text(get('code_postal')) || null;
    if (postalCode && !/^\d{5}$/.test(postalCode)) problem('code_postal', `« ${postalCode} » : 5 chiffres attendus.`);

    const approvals: DirectoryApproval[] = [];
    const period = (start: string, end: string, kindOf: ApprovalKind, required: boolean) => {
      const s = readDate(get(start));
      const e = readDate(get(end));
      if (s === undefined) problem(start, `date illisible « ${text(get(start))} » (AAAA-MM-JJ ou JJ/MM/AAAA).`);
      if (e === undefined) problem(end, `date illisible « ${text(get(end))} » (AAAA-MM-JJ ou JJ/MM/AAAA).`);
      if (s === null && required) problem(start, 'valeur obligatoire.');
      if (s === null && e) problem(start, 'une fin d’agrément sans début.');
      if (s && e && e < s) problem(end, `la fin (${e}) précède le début (${s}).`);
      if (s && e !== undefined) approvals.push({ kind: kindOf, startsOn: s, endsOn: e });
    };
    period('agrement_debut', 'agrement_fin', kind === 'EVS' ? 'evs' : 'animation_globale', true);
    if (kind === 'EVS' && (text(get('familles_debut')) || text(get('familles_fin')))) problem('familles_debut', 'l’agrément animation collective familles est réservé aux centres sociaux.');
    else period('familles_debut', 'familles_fin', 'animation_collective_familles', false);

    const managementText = text(get('gestion')).toLowerCase();
    const management = (managementModes as readonly string[]).includes(managementText) ? managementText as ManagementMode : null;
    if (!management) problem('gestion', managementText ? `« ${text(get('gestion'))} » : ${managementModes.join(', ')} attendu.` : `valeur obligatoire (${managementModes.join(', ')}).`);

    const federation = text(get('federation')).toLowerCase();
    if (!yes.has(federation) && !no.has(federation)) problem('federation', `« ${text(get('federation'))} » : oui ou non attendu.`);

    const qpvCodes = text(get('qpv')).toUpperCase().split(listSeparator).filter(Boolean);
    for (const q of qpvCodes) if (!QPV.test(q)) problem('qpv', `« ${q} » n’est pas un code de quartier prioritaire (QN… ou QP…).`);

    const email = text(get('courriel_direction')).toLowerCase() || null;
    if (email && !EMAIL.test(email)) problem('courriel_direction', `« ${email} » n’est pas une adresse e-mail.`);

    const takesOver = [...new Set(siretText(get('sirets_repris')) ? text(get('sirets_repris')).split(listSeparator).filter(Boolean) : [])];
    for (const t of takesOver) {
      if (!isValidSiret(t)) problem('sirets_repris', `SIRET invalide « ${t} ».`);
      else if (t === siret) problem('sirets_repris', 'une structure ne se reprend pas elle-même.');
    }

    if (problems.length > before || !kind || !commune || !management) continue;
    entries.push({
      row, siret, name, kind, address: text(get('adresse')) || null, postalCode: postalCode ?? commune.postalCode ?? null,
      communeCode, departementCode: commune.departementCode, regionCode: commune.regionCode,
      approvals, management, federationMember: yes.has(federation), qpvCodes: [...new Set(qpvCodes)], email, takesOver,
    });
  }
  return { entries, problems };
}
