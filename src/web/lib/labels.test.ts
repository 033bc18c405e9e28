import { describe, expect, it } from 'vitest';
import { plural, pluralWord } from './labels';

describe('French plurals through Intl.PluralRules', () => {
  it('0 and 1 (and 1,5) are singular, 2 and more plural, numbers written the French way', () => {
    expect(plural(0, 'ligne', 'lignes')).toBe('0 ligne');
    expect(plural(1, 'ligne', 'lignes')).toBe('1 ligne');
    expect(pluralWord(1.5, 'ligne', 'lignes')).toBe('ligne');
    expect(plural(2, 'ligne', 'lignes')).toBe('2 lignes');
    expect(plural(1_000_000, 'ligne', 'lignes')).toBe('1\u202f000\u202f000 lignes');
  });
});
