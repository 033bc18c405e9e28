/**
 * SIRET check: 14 digits passing the Luhn checksum. La Poste's establishments (SIREN 356000000)
 * follow another rule (digit sum multiple of 5), honoured too.
 * @example isValidSiret('73282932000074') // true
 */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith('356000000')) {
    return [...value].reduce((s, d) => s + Number(d), 0) % 5 === 0;
  }
  return luhnSum(value) % 10 === 0;
}

function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum;
}

/**
 * Completes 13 digits with the Luhn check digit (used by the demo generator).
 * @example withLuhnDigit('7328293200007') // '73282932000074'
 */
export function withLuhnDigit(first13: string): string {
  for (let d = 0; d <= 9; d++) {
    if (luhnSum(first13 + d) % 10 === 0) return first13 + d;
  }
  throw new Error('unreachable');
}
