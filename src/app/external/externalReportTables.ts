/**
 * The concordance report as export tables (src/reports/table writers): one flat table for CSV (a
 * `section` column says which part each line belongs to), one sheet per part for XLSX. Territory totals
 * keep the gate's three cell states in `valeur` / `effectif` / `statut` columns, like every export.
 */
import type { ConcordanceReport } from '../../domain/external/concordance';
import { toCsv } from '../../reports/table/csv';
import { cellColumns, type Table, type TableColumn, type TableRow } from '../../reports/table/table';
import { toXlsx } from '../../reports/table/xlsx';

const col = (name: string, title: string, type: TableColumn['type'] = 'string', description?: string): TableColumn => ({ name, title, type, ...(description ? { description } : {}) });
const round = (x: number | null, d = 4) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);
const territory = (t: { level: string; code: string }) => (t.level === 'nation' ? 'France' : `${t.level === 'region' ? 'région' : 'département'} ${t.code}`);

const correlationColumns = [col('indicateur', 'Indicateur'), col('champ', 'Champ du fichier'), col('paires', 'Paires', 'integer'), col('pearson', 'Pearson', 'number'), col('spearman', 'Spearman', 'number'), col('ecarts', 'Écarts au-delà de la tolérance', 'integer')];
const territoryColumns = [col('indicateur', 'Indicateur'), col('territoire', 'Territoire'),
  col('valeur_externe', 'Fichier externe', 'number'), col('effectif_externe', 'Structures (fichier)', 'integer'), col('statut_externe', 'Statut (fichier)'),
  col('valeur_observatoire', 'Observatoire', 'number'), col('effectif_observatoire', 'Structures (observatoire)', 'integer'), col('statut_observatoire', 'Statut (observatoire)'),
  col('ecart', 'Écart', 'number'), col('ecart_relatif', 'Écart relatif', 'number')];
const structureColumns = [col('indicateur', 'Indicateur'), col('structure', 'Structure'), col('departement', 'Département'), col('ligne_fichier', 'Ligne du fichier', 'integer'),
  col('valeur_externe', 'Fichier externe', 'number'), col('valeur_observatoire', 'Observatoire', 'number'), col('ecart', 'Écart', 'number'), col('ecart_relatif', 'Écart relatif', 'number')];
const unmatchedColumns = [col('cote', 'Côté'), col('structure', 'Structure ou ligne'), col('departement', 'Département'), col('ligne_fichier', 'Ligne du fichier', 'integer'), col('siret', 'SIRET'), col('commune', 'Commune'), col('etat', 'État du rapprochement')];

/**
 * The report's parts as tables.
 * @example concordanceTables(report)[1].title // 'Totaux par territoire'
 */
export function concordanceTables(r: ConcordanceReport): Table[] {
  const notes = [`Tolérance : écart absolu au-delà de ${r.tolerance.absolute} et relatif au-delà de ${Math.round(r.tolerance.relative * 1000) / 10} %.`,
    'Totaux par territoire publiés par le contrôle du secret statistique : une case retenue reste vide avec son statut.'];
  return [
    { title: 'Corrélations', columns: correlationColumns, notes, rows: r.indicators.map((i) => ({ indicateur: i.indicator, champ: i.field, paires: i.pairs, pearson: round(i.pearson), spearman: round(i.spearman), ecarts: i.beyondTolerance })) },
    { title: 'Totaux par territoire', columns: territoryColumns, notes, rows: r.aggregates.map((a) => {
      const e = cellColumns(a.external), o = cellColumns(a.observatory);
      return { indicateur: a.indicator, territoire: territory(a.territory), valeur_externe: e.valeur, effectif_externe: e.effectif, statut_externe: e.statut,
        valeur_observatoire: o.valeur, effectif_observatoire: o.effectif, statut_observatoire: o.statut,
        ecart: a.difference ? round(a.difference.absolute) : null, ecart_relatif: a.difference ? round(a.difference.relative) : null };
    }) },
    { title: 'Écarts par structure', columns: structureColumns, notes, rows: r.differences.map((d) => ({ indicateur: d.indicator, structure: d.name, departement: d.departementCode, ligne_fichier: d.line,
      valeur_externe: d.external, valeur_observatoire: d.observed, ecart: d.absolute, ecart_relatif: round(d.relative) })) },
    { title: 'Non rapprochés', columns: unmatchedColumns, notes, rows: [
      ...r.unmatched.external.map((u): TableRow => ({ cote: 'fichier', structure: u.name, departement: null, ligne_fichier: u.line, siret: u.siret, commune: u.commune, etat: u.method })),
      ...r.unmatched.observatory.map((u): TableRow => ({ cote: 'observatoire', structure: u.name, departement: u.departementCode, ligne_fichier: null, siret: null, commune: null, etat: 'absente du fichier' })),
    ] },
  ];
}

/** Columns of the flat CSV: every part's columns once, plus the section. */
const flatColumns: TableColumn[] = [col('section', 'Partie'), ...[...correlationColumns, ...territoryColumns, ...structureColumns, ...unmatchedColumns]
  .filter((c, i, all) => all.findIndex((x) => x.name === c.name) === i)];

/**
 * The report as a file: CSV (one flat table, `;` and decimal comma) or XLSX (one sheet per part).
 * @example await writeFile('concordance.xlsx', await concordanceFile(report, 'xlsx'));
 */
export async function concordanceFile(r: ConcordanceReport, format: 'csv' | 'xlsx'): Promise<Uint8Array> {
  const tables = concordanceTables(r);
  if (format === 'xlsx') return new Uint8Array(await toXlsx(tables));
  const rows = tables.flatMap((t) => t.rows.map((row) => ({ section: t.title, ...row })));
  return new TextEncoder().encode(toCsv({ title: 'Concordance', columns: flatColumns, rows }));
}
