/**
 * Shared look of every Senacs chart (web pages, PDF plaquettes, server-side SVG): one accessible palette
 * (Okabe–Ito, distinguishable with the common colour-vision deficiencies, each colour ≥ 3:1 on white for
 * graphical objects), the app's system font, and French number formatting. Pure data, no ECharts import,
 * so builders can use it in the browser and on the server alike.
 */

/** Okabe–Ito colours, darkened where needed for 3:1 on white. */
export const palette = {
  blue: '#0072B2',
  vermillion: '#C04A00',
  green: '#007A5A',
  purple: '#8E4F86',
  orange: '#A66A00',
  sky: '#2B7FB8',
  black: '#1E1E1E',
} as const;

/** Series colours in order, when a chart has several series of the same rank. */
export const seriesColours: readonly string[] = [palette.blue, palette.vermillion, palette.green, palette.purple, palette.orange, palette.black];

/** Roles of colours across charts, so "the structure" and "its peers" look the same everywhere. */
export const chartColours = {
  /** The structure itself (marker, own line). */
  self: palette.vermillion,
  /** The peer group (box, median line). */
  group: palette.blue,
  /** Inside of the interquartile box or band: light, text stays readable on it. */
  groupFill: '#D6E6F2',
  /** Withheld or missing: neutral, never a colour that reads as a value. */
  withheld: '#5F6670',
  text: '#1E1E1E',
  muted: '#4A4F57',
  grid: '#C9CED6',
  background: '#FFFFFF',
} as const;

/**
 * The app's font stack (see src/web/styles.css); PDFs may override with an embedded font. Names quoted with
 * single quotes: ECharts' server-side SVG writes the family unescaped inside a double-quoted attribute.
 */
export const chartFont = {
  family: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  size: 13,
  smallSize: 12,
} as const;

/** Base text style for ECharts options. */
export const textStyle = { fontFamily: chartFont.family, fontSize: chartFont.size, color: chartColours.text } as const;

const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const euroFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** Units as the indicators name them (src/domain/indicators.ts). */
export type ChartUnit = 'count' | 'fte' | 'euros' | 'share' | 'yesno' | string;

/**
 * A number in French for a unit: "12 500 €", "3,5 ETP", "42 %".
 * @example formatValue(12500, 'euros') // '12 500 €' (narrow no-break spaces)
 * @example formatValue(0.42, 'yesno') // '42 %'
 */
export function formatValue(value: number, unit: ChartUnit): string {
  if (unit === 'euros') return `${euroFormat.format(value)} €`;
  if (unit === 'fte') return `${numberFormat.format(value)} ETP`;
  if (unit === 'yesno') return `${numberFormat.format(value * 100)} %`;
  if (unit === 'share') return `${numberFormat.format(value <= 1 ? value * 100 : value)} %`;
  return numberFormat.format(value);
}

/** Short axis labels: "1,2 M€", "350 k€", "12 k". */
export function formatAxis(value: number, unit: ChartUnit): string {
  const a = Math.abs(value);
  const suffix = unit === 'euros' ? '€' : '';
  if (a >= 1_000_000) return `${numberFormat.format(value / 1_000_000)} M${suffix}`;
  if (a >= 10_000) return `${numberFormat.format(value / 1_000)} k${suffix}`;
  return unit === 'euros' ? `${euroFormat.format(value)} €` : formatValue(value, unit);
}

/** French words for the disclosure rules, for labels, tables and tooltips. */
export const withheldLabel: Record<string, string> = {
  min_size: 'secret statistique (trop peu de structures)',
  dominance: 'secret statistique (une structure pèse trop)',
  complement: 'secret statistique (groupe complémentaire trop petit)',
  secondary: 'secret statistique (protection d’une autre case)',
  group: 'secret statistique (réponse unanime)',
  release: 'secret statistique (changement limité depuis la version précédente)',
};

/** A published cell, as the disclosure gate gives it (kept structural so this file imports nothing). */
export type ChartCell = { state: 'value'; value: number; n: number } | { state: 'suppressed'; rule: string } | { state: 'no_data' };

/**
 * How a non-value cell reads in French.
 * @example cellText({ state: 'no_data' }) // 'pas de données'
 */
export function cellText(cell: ChartCell | undefined, unit: ChartUnit = 'count'): string {
  if (!cell || cell.state === 'no_data') return 'pas de données';
  if (cell.state === 'suppressed') return withheldLabel[cell.rule] ?? 'secret statistique';
  return formatValue(cell.value, unit);
}
