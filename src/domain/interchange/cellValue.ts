/**
 * Turns a cell of an answer table into the answer value an autosave would send, and back. Conversion is
 * lenient on form (French decimal comma, « oui »/« non », choice labels) and strict on nothing: the value
 * is then checked by `validateAnswer`, like a save from the page.
 */
import type { CatalogQuestion } from '../questionnaire/types';
import type { RawCell } from './answerTable';

const yes = new Set(['oui', 'o', 'vrai', 'true', '1', 'yes']);
const no = new Set(['non', 'n', 'faux', 'false', '0', 'no']);
const decimal = /^-?\d+(?:[.,]\d+)?$/;

/**
 * The answer value of a cell, or `undefined` for an empty cell (left unanswered, never erased).
 *
 * @example
 * cellToValue(fteQuestion, '2,5');      // 2.5
 * cellToValue(yesNoQuestion, 'Oui');    // true
 * cellToValue(countQuestion, 'beaucoup'); // 'beaucoup' (refused afterwards by validateAnswer)
 */
export function cellToValue(question: CatalogQuestion | undefined, cell: RawCell): unknown {
  if (cell === null) return undefined;
  const text = typeof cell === 'string' ? cell.trim() : cell;
  if (text === '') return undefined;
  if (!question || question.derived) return text;
  switch (question.unit) {
    case 'count': case 'fte': case 'euros': case 'share': {
      if (typeof text !== 'string') return text;
      const compact = text.replace(/[\s\u00a0\u202f]/g, '');
      return decimal.test(compact) ? Number(compact.replace(',', '.')) : text;
    }
    case 'yesno': {
      if (typeof text !== 'string') return typeof text === 'number' ? (text === 1 ? true : text === 0 ? false : text) : text;
      const word = text.toLowerCase();
      return yes.has(word) ? true : no.has(word) ? false : text;
    }
    case 'choice': {
      const given = String(text);
      const byLabel = question.choices?.find((c) => c.value !== given && c.label.toLowerCase() === given.toLowerCase());
      return byLabel ? byLabel.value : given;
    }
    default:
      return String(text);
  }
}

/**
 * The cell written for an answer value: yes/no as « oui »/« non », numbers as numbers, the rest as text.
 * @example valueToCell(yesNoQuestion, true); // 'oui'
 */
export function valueToCell(question: CatalogQuestion | undefined, value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  // Answers are scalars today; keep anything else readable rather than lose it.
  return question ? JSON.stringify(value) : String(value);
}
