/**
 * The concordance report as one flat table (CSV/XLSX): one line per finding, its section first, so a
 * spreadsheet filter shows each part. Published cells keep their three states: a value, « secret (règle) »
 * or « sans donnée ».
 */
import type { PublishedCell } from '../disclosure';
import type { RawCell } from '../interchange/answerTable';
import type { ConcordanceReport } from './concordance';

export const concordanceColumns = ['section', 'indicateur', 'territoire', 'structure', 'ligne_fichier', 'valeur_externe', 'valeur_observatoire', 'ecart', 'ecart_relatif', 'n', 'commentaire'];

const cellValue = (c: PublishedCell): RawCell => (c.state === 'value' ? c.value : c.state === 'suppressed' ? `secret (${c.rule})` : 'sans donnée');
const round = (x: number | null, d = 4) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

/**
 * @example concordanceRows(report)[0][0] // 'correlation'
 */
export function concordanceRows(report: ConcordanceReport): RawCell[][] {
  const out: RawCell[][] = [];
  for (const i of report.indicators) {
    out.push(['correlation', i.indicator, '', '', null, null, null, null, null, i.pairs, `Pearson ${round(i.pearson, 3) ?? '—'} ; Spearman ${round(i.spearman, 3) ?? '—'} ; ${i.beyondTolerance} écart(s) au-delà de la tolérance`]);
  }
  for (const a of report.aggregates) {
    const n = a.external.state === 'value' ? a.external.n : null;
    out.push(['territoire', a.indicator, `${a.territory.level}:${a.territory.code}`, '', null, cellValue(a.external), cellValue(a.observatory),
      a.difference ? round(a.difference.absolute) : null, a.difference ? round(a.difference.relative) : null, n, '']);
  }
  for (const d of report.differences) {
    out.push(['structure', d.indicator, `departement:${d.departementCode}`, d.name, d.line, d.external, d.observed, d.absolute, round(d.relative), null, '']);
  }
  for (const u of report.unmatched.external) out.push(['non_rapproche_fichier', '', '', u.name, u.line, null, null, null, null, null, `${u.siret ?? ''} ${u.commune} (${u.method})`.trim()]);
  for (const u of report.unmatched.observatory) out.push(['absent_du_fichier', '', `departement:${u.departementCode}`, u.name, null, null, null, null, null, null, '']);
  return out;
}
