import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidSiret, withLuhnDigit } from './siret';

describe('SIRET', () => {
  it('accepts a real SIRET and refuses a typo', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('73282932000075')).toBe(false);
  });
  it('refuses anything but 14 digits', () => {
    for (const v of ['', '7328293200007', '732829320000744', '7328293200007a', ' 73282932000074']) {
      expect(isValidSiret(v)).toBe(false);
    }
  });
  it('completes any 13 digits into a valid SIRET, and one changed digit breaks it', () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-8]\d{12}$/), fc.integer({ min: 0, max: 12 }), (s, i) => {
      const full = withLuhnDigit(s);
      expect(isValidSiret(full)).toBe(true);
      const changed = full.slice(0, i) + ((Number(full[i]) + 1) % 10) + full.slice(i + 1);
      expect(isValidSiret(changed)).toBe(false);
    }));
  });
});
