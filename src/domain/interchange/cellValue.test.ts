import { describe, expect, it } from 'vitest';
import type { CatalogQuestion } from '../questionnaire/types';
import { cellToValue, valueToCell } from './cellValue';

const q = (unit: CatalogQuestion['unit'], extra: Partial<CatalogQuestion> = {}): CatalogQuestion =>
  ({ code: 'x', label: 'X', unit, aggregate: 'none', disclosure: 'count', section: 'rh', type: 'text', required: false, ...extra });

describe('cells of an answer table', () => {
  it('reads numbers with a decimal comma or spaces, and leaves what is not a number for validation to refuse', () => {
    expect(cellToValue(q('fte'), '2,5')).toBe(2.5);
    expect(cellToValue(q('euros'), '12 500')).toBe(12500);
    expect(cellToValue(q('count'), 7)).toBe(7);
    expect(cellToValue(q('count'), 'beaucoup')).toBe('beaucoup');
    expect(cellToValue(q('count'), '1e3')).toBe('1e3');
  });

  it('reads yes/no in French and English, choices by value or label, and skips empty cells', () => {
    expect([cellToValue(q('yesno'), 'Oui'), cellToValue(q('yesno'), 'non'), cellToValue(q('yesno'), 'VRAI'), cellToValue(q('yesno'), true)]).toEqual([true, false, true, true]);
    expect(cellToValue(q('yesno'), 'peut-être')).toBe('peut-être');
    const choice = q('choice', { choices: [{ value: 'urban', label: 'Urbain' }, { value: 'rural', label: 'Rural' }] });
    expect([cellToValue(choice, 'urban'), cellToValue(choice, 'urbain')]).toEqual(['urban', 'urban']);
    expect([cellToValue(q('text'), null), cellToValue(q('text'), '  ')]).toEqual([undefined, undefined]);
  });

  it('writes yes/no as oui/non and numbers as numbers', () => {
    expect([valueToCell(q('yesno'), true), valueToCell(q('yesno'), false), valueToCell(q('fte'), 1.5), valueToCell(q('text'), undefined)]).toEqual(['oui', 'non', 1.5, null]);
  });
});
