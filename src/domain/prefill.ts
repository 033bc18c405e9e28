import type { Catalog } from './questionnaire/types';

/**
 * Which of last year's answers to carry over: codes this year's questionnaire still asks with the same
 * meaning (a code whose meaning changed has a new code, so it is not carried), never computed totals
 * nor the yearly theme block.
 * @example prefillFrom(catalog, { 'participation.benevoles': 40, 'theme.2024.x': 3 }) // { 'participation.benevoles': 40 }
 */
export function prefillFrom(catalog: Catalog, previous: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [code, value] of Object.entries(previous)) {
    const q = catalog.questions[code];
    if (!q || q.derived || q.section === 'theme' || value === null || value === undefined) continue;
    out[code] = value;
  }
  return out;
}
