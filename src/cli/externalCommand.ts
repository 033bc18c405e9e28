import { parseArgs } from 'node:util';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Database$ } from '../db/connection';
import { actorByEmail } from '../app/accounts/actorByEmail';
import { externalExample } from '../app/external/externalExample';
import { externalReport } from '../app/external/externalReport';
import { importExternal } from '../app/external/importExternal';
import { concordanceFile } from '../app/external/externalReportTables';
import { columnRoles, type DatasetMapping } from '../domain/external/types';
import { AppError } from '../domain/errors';
import { tableFormatOf, yearOption } from './options';
import { progressPrinter } from './progress';
import { plural, pluralWord } from '../domain/labels';

const usage = `Usage :
  senacs external example --year AAAA --out elisfa.csv|elisfa.xlsx
  senacs external import fichier.csv|fichier.xlsx --dataset NOM --year AAAA [--mapping colonnes.json] [--dry-run] [--accept-proposals] [--source TEXTE] [--licence TEXTE]
  senacs external report --dataset NOM --year AAAA [--out rapport.csv|rapport.xlsx] [--tolerance-abs N] [--tolerance-rel N] [--as email]`;


function numberOf(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(',', '.'));
  if (!Number.isFinite(n) || n < 0) throw new AppError('bad_request', `--${name} attend un nombre positif.`);
  return n;
}

async function readMapping(file: string): Promise<DatasetMapping> {
  const text = await readFile(file, 'utf8').catch(() => { throw new AppError('not_found', `Fichier de correspondance introuvable : ${file}`); });
  let json: unknown;
  try { json = JSON.parse(text); } catch { throw new AppError('bad_request', `${file} n’est pas un JSON lisible.`); }
  const columns = (json as { columns?: unknown }).columns;
  if (!Array.isArray(columns) || !columns.every((c) => c && typeof c.column === 'string' && (columnRoles as readonly string[]).includes(c.role))) {
    throw new AppError('bad_request', `${file} : attendu { "columns": [{ "column": "ETP", "role": "number", "field": "etp_total", "indicator": "rh.etp.total" }, …] } (rôles : ${columnRoles.join(', ')}).`);
  }
  return { columns } as DatasetMapping;
}

/**
 * `senacs external example|import|report`: external data sets (ELISFA, CAF, INSEE…) and their concordance
 * with the observatory. Returns the exit code (1 when a file has problems: nothing was stored).
 * @example await externalCommand(['import', 'elisfa.csv', '--dataset', 'elisfa', '--year', '2024'], open);
 */
export async function externalCommand(args: string[], open: () => Promise<Database$>, print: (line: string) => void = console.log): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: {
    year: { type: 'string' }, out: { type: 'string' }, dataset: { type: 'string' }, mapping: { type: 'string' }, 'dry-run': { type: 'boolean' },
    'accept-proposals': { type: 'boolean' }, source: { type: 'string' }, licence: { type: 'string' }, as: { type: 'string' },
    'tolerance-abs': { type: 'string' }, 'tolerance-rel': { type: 'string' },
  } });
  if (sub !== 'example' && sub !== 'import' && sub !== 'report') throw new AppError('bad_request', usage);
  const year = yearOption(values.year, usage);
  if (sub === 'example') {
    if (!values.out) throw new AppError('bad_request', usage);
    const format = tableFormatOf(values.out);
    const database = await open();
    try {
      const bytes = await externalExample({ db: database.db, year, format });
      await writeFile(values.out, bytes);
      print(`Exemple ELISFA ${year} écrit dans ${values.out}. Essayez : senacs external import ${values.out} --dataset elisfa --year ${year}`);
      return 0;
    } finally { await database.close(); }
  }
  if (!values.dataset) throw new AppError('bad_request', `--dataset est requis.\n${usage}`);
  if (sub === 'import') {
    const file = positionals[0];
    if (!file) throw new AppError('bad_request', usage);
    const format = tableFormatOf(file);
    const bytes = new Uint8Array(await readFile(file).catch(() => { throw new AppError('not_found', `Fichier introuvable : ${file}`); }));
    const mapping = values.mapping ? await readMapping(values.mapping) : undefined;
    const database = await open();
    try {
      const progress = progressPrinter();
      const r = await importExternal({
        db: database.db, actor: null, dataset: values.dataset, year, bytes, format, mapping, fileName: basename(file),
        source: values.source, licence: values.licence, dryRun: values['dry-run'] ?? false, acceptProposals: values['accept-proposals'] ?? false,
        onProgress: (done, total, step) => { if (total > 0) progress(step, done, total); },
      });
      print(`${plural(r.counts.rows, 'ligne', 'lignes')}${r.encoding ? `, encodage ${r.encoding}` : ''} : ${r.counts.siret} ${pluralWord(r.counts.siret, 'rapprochée', 'rapprochées')} par SIRET, ${r.counts.name} par le nom, ${plural(r.counts.proposals, 'proposition', 'propositions')} à confirmer.`);
      if (r.mapping && (values['dry-run'] || !values.mapping)) {
        print('Correspondance des colonnes :');
        for (const c of r.mapping.columns) print(`  ${c.column} → ${c.role}${c.field ? ` ${c.field}` : ''}${c.indicator ? ` (${c.indicator})` : ''}`);
      }
      for (const n of r.notes.slice(0, 20)) print(`  ligne ${n.line} : ${n.message}`);
      for (const p of r.proposals.slice(0, 20)) print(`  ligne ${p.line} : « ${p.name} » → proposé « ${p.candidates[0]?.name} » (${p.candidates[0]?.commune}, ${Math.round((p.candidates[0]?.score ?? 0) * 100)} %)`);
      for (const p of r.problems) print(`  ligne ${p.line}${p.column ? `, colonne ${p.column}` : ''} (${p.cell}) : ${p.message}`);
      if (r.problems.length > 0) print(`Import refusé : ${plural(r.problems.length, 'problème', 'problèmes')}, rien n’a été enregistré.`);
      else if (r.unchanged) print('Ce fichier est déjà le jeu de données importé (même empreinte, même correspondance) : rien n’a changé.');
      else if (r.stored) print(`Importé : jeu « ${r.dataset} » ${r.year}${r.rechecked ? ` ; ${plural(r.rechecked, 'réponse', 'réponses')} de la campagne ${r.year} ${pluralWord(r.rechecked, 'recontrôlée', 'recontrôlées')}` : ''}.${r.counts.proposals && !values['accept-proposals'] ? ' Les propositions restent à confirmer : page de concordance du jeu (« Rapprochements à confirmer »), ou --accept-proposals.' : ''}`);
      else print('Vérification seulement (--dry-run) : aucun problème, rien n’a été enregistré.');
      return r.problems.length > 0 ? 1 : 0;
    } finally { await database.close(); }
  }
  const database = await open();
  try {
    const actor = values.as ? await actorByEmail(database.db, values.as) : null;
    const r = await externalReport({ db: database.db, actor, dataset: values.dataset, year, tolerance: {
      ...(values['tolerance-abs'] !== undefined ? { absolute: numberOf(values['tolerance-abs'], 'tolerance-abs') } : {}),
      ...(values['tolerance-rel'] !== undefined ? { relative: numberOf(values['tolerance-rel'], 'tolerance-rel') } : {}),
    } });
    const pct = (x: number | null) => (x === null ? '—' : x.toFixed(3));
    print(`Concordance « ${r.dataset.name} » ${r.dataset.year} (${r.dataset.rows} lignes ; tolérance ${r.tolerance.absolute} et ${Math.round(r.tolerance.relative * 100)} %)`);
    for (const i of r.indicators) print(`  ${i.indicator.padEnd(20)} ${String(i.pairs).padStart(5)} paires  Pearson ${pct(i.pearson)}  Spearman ${pct(i.spearman)}  ${plural(i.beyondTolerance, 'écart', 'écarts')}`);
    print(`  Lignes du fichier non rapprochées : ${r.unmatched.external.length} ; structures répondantes absentes du fichier : ${r.unmatched.observatory.length}.`);
    if (values.out) {
      const format = tableFormatOf(values.out);
      await writeFile(values.out, await concordanceFile(r, format));
      print(`Rapport écrit dans ${values.out}.`);
    }
    return 0;
  } finally { await database.close(); }
}
