/** French number formatting for the reasons given to people ("12,5", "1 234 567 €", "+200 %"). */

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * A number as a French reader writes it: integers grouped by thousands, decimals with a comma.
 * @example formatNumber(12.5) // '12,5'
 */
export function formatNumber(x: number): string {
  return Number.isInteger(x) ? integer.format(x) : Math.abs(x) >= 100 ? integer.format(x) : decimal.format(x);
}

/** @example formatEuros(1234567) // '1 234 567 €' */
export function formatEuros(x: number): string {
  return `${integer.format(x)} €`;
}

/** A value in its unit: euros get a € sign, shares a % sign. */
export function formatValue(x: number, unit: string | undefined): string {
  if (unit === 'euros') return formatEuros(x);
  if (unit === 'share') return `${formatNumber(x)} %`;
  return formatNumber(x);
}

/** A signed change as a percentage. @example formatChange(2) // '+200 %' */
export function formatChange(ratio: number): string {
  const pct = (ratio - 1) * 100;
  return `${pct >= 0 ? '+' : '−'}${Math.abs(pct) >= 10 ? integer.format(Math.abs(pct)) : oneDecimal.format(Math.abs(pct))} %`;
}

/** A proportion (0.42) as a percentage ('42 %'). */
export function formatShare(p: number): string {
  return `${Math.abs(p) >= 0.1 ? integer.format(p * 100) : oneDecimal.format(p * 100)} %`;
}
