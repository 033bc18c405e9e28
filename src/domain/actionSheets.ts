import { actionFields } from './indicators';

/**
 * "Fiches actions": a structure tells one of its actions to peers, partners and the public. Themes are the
 * questionnaire's fields of action plus a few transverse ones, so a fiche and the figures speak the same words.
 */
export const actionSheetThemes: readonly (readonly [string, string])[] = [
  ...actionFields,
  ['participation', 'Participation des habitants'],
  ['gouvernance', 'Vie associative et gouvernance'],
  ['partenariat', 'Partenariats et réseaux'],
  ['mobilite', 'Mobilité'],
  ['alimentation', 'Alimentation'],
];
export const actionSheetThemeCodes = actionSheetThemes.map(([c]) => c);
export const themeLabel = (code: string) => actionSheetThemes.find(([c]) => c === code)?.[1] ?? code;

export const actionSheetStates = ['draft', 'published'] as const;
export type ActionSheetState = (typeof actionSheetStates)[number];

/** The text fields of a fiche in the API's names, in reading order, with their French titles (form, page, exports). */
export const actionSheetTextFields = [
  ['summary', 'L’action en quelques mots'],
  ['audience', 'Public concerné'],
  ['partners', 'Partenaires'],
  ['resources', 'Moyens mobilisés'],
  ['resultsTerritory', 'Résultats pour le territoire'],
  ['resultsCentre', 'Résultats pour le centre'],
  ['resultsInhabitants', 'Résultats pour les habitants'],
  ['limits', 'Limites et difficultés'],
  ['nextSteps', 'Perspectives'],
] as const;
export type ActionSheetTextField = (typeof actionSheetTextFields)[number][0];

/** A fiche's content in the database's names, as the use cases take it. */
export interface ActionSheetContent {
  title: string;
  themes: string[];
  keywords: string[];
  summary: string; audience: string; partners: string; resources: string;
  results_territory: string; results_centre: string; results_inhabitants: string; limits: string; next_steps: string;
}

/**
 * Keywords as people type them, cleaned: trimmed, lower case, no duplicates, at most 12.
 * @example normalizeKeywords([' Jardin ', 'jardin', 'Écologie']) // ['jardin', 'écologie']
 */
export function normalizeKeywords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const k = w.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');
    if (k && !out.includes(k)) out.push(k);
  }
  return out.slice(0, 12);
}

/**
 * What a fiche needs before it is published: a title, a theme and something said about the action.
 * @example publishProblems({ title: 'x', themes: [], summary: '' }) // ['au moins un thème', 'une description de l’action']
 */
export function publishProblems(c: Pick<ActionSheetContent, 'title' | 'themes' | 'summary'>): string[] {
  const out: string[] = [];
  if (c.title.trim().length < 3) out.push('un titre');
  if (c.themes.length === 0) out.push('au moins un thème');
  if (c.summary.trim().length < 20) out.push('une description de l’action');
  return out;
}
