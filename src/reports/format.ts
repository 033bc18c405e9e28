import { formatValue, type ChartUnit } from '../domain/charts/theme';
import { defaultPolicy, type PublishedCell, type SuppressionRule } from '../domain/disclosure';
import type { PdfContent } from './pdf';

/**
 * How published cells read in a PDF: a value in French, « s » with a note letter naming the rule that
 * withheld it, « – » where there is no data. Roboto has no narrow no-break space (U+202F, which
 * Intl uses in French), so every text goes through `pdfSafe`.
 */

/** The note letter of each rule, shared by every table of every document. */
export const ruleLetters: Record<SuppressionRule, string> = { min_size: 'a', dominance: 'b', complement: 'c', secondary: 'd', group: 'e', release: 'f' };

/** The note of each rule, in plain French. */
export const ruleNotes: Record<SuppressionRule, string> = {
  min_size: `moins de ${defaultPolicy.minSize} structures ont répondu (${defaultPolicy.quantileMinSize} pour une médiane ou un quartile) : le chiffre désignerait presque des structures connues`,
  dominance: `les autres structures pèsent moins de ${Math.round(defaultPolicy.dominance.p * 100)} % de la plus grande : la deuxième pourrait estimer son montant (règle du p %)`,
  group: 'toutes les structures ont fait la même réponse : le chiffre dirait la réponse de chacune',
  release: `la case a changé depuis une version précédente pour moins de ${defaultPolicy.minSize} structures : la différence les révélerait`,
  complement: 'le groupe ne diffère d’un autre groupe publié que de quelques structures : la différence les révélerait',
  secondary: 'case masquée pour qu’une case voisine masquée ne puisse pas être recalculée à partir des totaux (secret secondaire)',
};

export const NO_DATA_MARK = '–';
export const SUPPRESSED_MARK = 's';

/**
 * Replaces the characters the embedded font lacks (narrow no-break space) by ones it has.
 * @example pdfSafe('12\u202f500\u00a0€') // '12\u00a0500\u00a0€'
 */
export const pdfSafe = (s: string): string => s.replace(/\u202f/g, '\u00a0');

/**
 * A number in French for a unit, safe for the embedded font.
 * @example formatNumber(12500, 'euros') // '12 500 €'
 */
export const formatNumber = (value: number, unit: ChartUnit): string => pdfSafe(formatValue(value, unit));

/**
 * A short amount: millions as « M€ », for key figures.
 * @example formatShort(12_345_678, 'euros') // '12,3 M€'
 */
export function formatShort(value: number, unit: ChartUnit): string {
  if (unit === 'euros' && Math.abs(value) >= 1_000_000) return pdfSafe(`${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(value / 1_000_000)} M€`);
  return formatNumber(unit === 'fte' || unit === 'count' ? Math.round(value * 10) / 10 : value, unit);
}

/**
 * A cell as plain text (charts, sentences): the value, « s (a) » or « – ».
 * @example cellString({ state: 'suppressed', rule: 'dominance' }, 'euros') // 's (b)'
 */
export function cellString(cell: PublishedCell | undefined, unit: ChartUnit, short = false): string {
  if (!cell || cell.state === 'no_data') return NO_DATA_MARK;
  if (cell.state === 'suppressed') return `${SUPPRESSED_MARK} (${ruleLetters[cell.rule]})`;
  return short ? formatShort(cell.value, unit) : formatNumber(cell.value, unit);
}

/**
 * A cell as pdfmake text: « s » with the rule's letter as a superscript note call.
 * @example cellContent({ state: 'no_data' }, 'count') // { text: '–' }
 */
export function cellContent(cell: PublishedCell | undefined, unit: ChartUnit, short = false): Record<string, unknown> {
  if (!cell || cell.state === 'no_data') return { text: NO_DATA_MARK, color: '#4A4F57' };
  if (cell.state === 'suppressed') return { text: [{ text: SUPPRESSED_MARK }, { text: ruleLetters[cell.rule], sup: true }], color: '#4A4F57' };
  return { text: short ? formatShort(cell.value, unit) : formatNumber(cell.value, unit) };
}

/**
 * The notes of the rules met in a document, to print under its tables.
 * @example ruleLegend(new Set(['min_size'])) // [{ text: [...] }]
 */
export function ruleLegend(rules: ReadonlySet<SuppressionRule>): PdfContent[] {
  const lines: PdfContent[] = [{ text: [{ text: SUPPRESSED_MARK, bold: true }, ' : secret statistique ; ', NO_DATA_MARK, ' : pas de données.'] }];
  for (const rule of Object.keys(ruleLetters) as SuppressionRule[]) {
    if (rules.has(rule)) lines.push({ text: [{ text: ruleLetters[rule], bold: true }, ` : ${ruleNotes[rule]}.`] });
  }
  return [{ stack: lines, fontSize: 7.5, color: '#4A4F57', margin: [0, 4, 0, 0] }];
}
