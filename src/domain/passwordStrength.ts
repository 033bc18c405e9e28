// Named imports: Node reads these packages' CommonJS files (their exports are found by name) and Vite their
// ES files, which have no default export — a default import worked in one and not the other.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as frenchDictionary, translations as frenchTranslations } from '@zxcvbn-ts/language-fr';
import { AppError } from './errors';

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's scale: 0 (guessed at once) to 4; 3 resists an online attack and a slow-hash offline one for a while. */
export const MIN_PASSWORD_SCORE = 3;

/** Words of the service itself, which anybody would try first. */
const SERVICE_WORDS = ['senacs', 'observatoire', 'centre social', 'centresocial', 'espace de vie sociale', 'caf', 'federation'];

// Built once, on first use: ranking the French and common dictionaries takes a moment.
let checker: ZxcvbnFactory | undefined;
const zxcvbn = () => (checker ??= new ZxcvbnFactory({
  translations: frenchTranslations,
  graphs: adjacencyGraphs,
  dictionary: { ...commonDictionary, ...frenchDictionary },
  // Levenshtein matching costs ~200 ms per random password (against ~15 ms without) for little gain.
  useLevenshteinDistance: false,
}));

/** The person's own words (name, parts of the e-mail address) count as easy to guess. */
function personalWords(inputs: readonly (string | undefined)[]): string[] {
  const words = new Set<string>(SERVICE_WORDS);
  for (const input of inputs) {
    if (!input) continue;
    const text = input.toLowerCase();
    words.add(text);
    for (const part of text.split(/[\s@._+-]+/)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/**
 * Why a password someone chooses is refused, in French (with zxcvbn's French advice), or undefined when
 * it is strong enough: 12 characters at least and a zxcvbn score of 3 out of 4.
 * @example passwordWeakness('aaaaaaaaaaaa') // 'Ce mot de passe est trop facile à deviner … répétés …'
 * @example passwordWeakness('framboise girafe clavier 42') // undefined
 */
export function passwordWeakness(password: string, personal: readonly (string | undefined)[] = []): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  const result = zxcvbn().check(password, personalWords(personal));
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter((s): s is string => !!s).map((s) => s.replace(/\.?$/, '.'));
  if (advice.length === 0) advice.push('Allongez-le ou ajoutez des mots peu courants.');
  return `Ce mot de passe est trop facile à deviner (robustesse ${result.score} sur 4, il en faut ${MIN_PASSWORD_SCORE}). ${advice.join(' ')} `
    + 'Une phrase de quatre ou cinq mots sans lien entre eux est à la fois sûre et facile à retenir.';
}

/**
 * Throws `validation_failed` with the French reason when a chosen password is too weak.
 * @example assertStrongPassword(password, [email, name]);
 */
export function assertStrongPassword(password: string, personal: readonly (string | undefined)[] = []): void {
  const weakness = passwordWeakness(password, personal);
  if (weakness) throw new AppError('validation_failed', weakness);
}
