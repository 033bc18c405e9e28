import { describe, expect, it } from 'vitest';
import { actionSheetThemeCodes, normalizeKeywords, publishProblems, themeLabel } from './actionSheets';
import { actionFields } from './indicators';

describe('fiches actions (domain)', () => {
  it('themes are the questionnaire’s fields of action plus transverse ones, codes unique', () => {
    for (const [code] of actionFields) expect(actionSheetThemeCodes).toContain(code);
    expect(new Set(actionSheetThemeCodes).size).toBe(actionSheetThemeCodes.length);
    expect(themeLabel('ecologie')).toBe('Transition écologique');
    expect(themeLabel('inconnu')).toBe('inconnu');
  });

  it('keywords are trimmed, lower-cased (French), deduplicated and capped at 12', () => {
    expect(normalizeKeywords([' Jardin ', 'jardin', 'ÉCOLOGIE', '', '  deux   mots '])).toEqual(['jardin', 'écologie', 'deux mots']);
    expect(normalizeKeywords(Array.from({ length: 20 }, (_, i) => `m${i}`))).toHaveLength(12);
  });

  it('a fiche is published only with a title, a theme and a description', () => {
    expect(publishProblems({ title: 'x', themes: [], summary: '' })).toEqual(['un titre', 'au moins un thème', 'une description de l’action']);
    expect(publishProblems({ title: 'Jardin', themes: ['ecologie'], summary: 'Un jardin partagé au pied des immeubles.' })).toEqual([]);
  });
});
