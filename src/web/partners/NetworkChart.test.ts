import { describe, expect, it } from 'vitest';
import { palette } from '../../domain/charts/theme';
import { categoryStyles } from './NetworkChart';

describe('partner network categories', () => {
  it('never share both shape and colour, never use a second blue, and draw structures as squares', () => {
    const partners = ['CAF', 'Commune', 'Intercommunalité', 'Entreprises', 'Autre partenaire', 'Établissements scolaires', 'Associations', 'Bailleurs sociaux', 'Département', 'État', 'Mission locale'];
    const styles = categoryStyles(['Centre social', 'Espace de vie sociale', ...partners], new Set(['Centre social', 'Espace de vie sociale']));
    expect(new Set(styles.map((s) => `${s.symbol} ${s.colour}`)).size).toBe(styles.length);
    expect(styles.slice(0, 2).map((s) => s.symbol)).toEqual(['rect', 'rect']);
    expect(styles.slice(2).every((s) => s.symbol !== 'rect')).toBe(true);
    expect(styles.some((s) => s.colour === palette.sky)).toBe(false);
    // The two kinds of structure differ by colour, as do the first five partner types.
    expect(new Set(styles.slice(0, 2).map((s) => s.colour)).size).toBe(2);
    expect(new Set(styles.slice(2, 7).map((s) => s.colour)).size).toBe(5);
  });
});
