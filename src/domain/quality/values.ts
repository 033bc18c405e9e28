import { coreIndicator } from '../indicators';
import { formatValue } from './format';
import type { AnswerMap } from './types';

/** The answer as a number, or null when absent or not numeric (yes/no counts as 1/0). */
export function num(a: AnswerMap, code: string): number | null {
  const v = a[code];
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

/** Sum of several answers, or null as soon as one is missing. */
export function sumOf(a: AnswerMap, codes: readonly string[]): number | null {
  let s = 0;
  for (const c of codes) {
    const v = num(a, c);
    if (v === null) return null;
    s += v;
  }
  return s;
}

/** The unit of a code from the core catalog (undefined for local questions). */
export function unitOf(code: string): string | undefined {
  return coreIndicator(code)?.unit;
}

/** A value formatted in the unit of its code. */
export function show(code: string, x: number): string {
  return formatValue(x, unitOf(code));
}

/** The catalog label of a code, lower-cased for use inside a sentence. */
export function labelOf(code: string): string {
  const l = coreIndicator(code)?.label ?? code;
  return l;
}

/** Whether the answer is given (not absent, null or an empty text). */
export function isAnswered(a: AnswerMap, code: string): boolean {
  const v = a[code];
  return v !== undefined && v !== null && v !== '';
}
