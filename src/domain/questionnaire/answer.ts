/**
 * Type and range checks of one answer against its catalog entry, with French messages naming the
 * question. Used for each autosaved field and by `validateResponse`.
 */
import type { Catalog, CatalogQuestion, Finding } from './types';

/** Longest accepted free text, in characters. */
export const maxTextLength = 5000;

const numberFormat = new Intl.NumberFormat('fr-FR');
const show = (bound: number | string): string => (typeof bound === 'number' ? numberFormat.format(bound) : bound);
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The value to store for an answer: an empty string given to a number, choice, date or yes/no question
 * (a cleared field) is stored as no answer (null), never as the text ''. Free text keeps what was typed.
 * @example storedAnswerValue(catalog, 'participation.benevoles', '') // null
 */
export function storedAnswerValue(catalog: Catalog, code: string, value: unknown): unknown {
  const question = catalog.questions[code];
  return value === '' && question && question.unit !== 'text' ? null : value;
}

/** True for the values that mean "not answered". @example isEmptyAnswer('') // true */
export function isEmptyAnswer(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function finding(rule: string, question: CatalogQuestion, text: string): Finding {
  return { rule, level: 'error', message: `« ${question.label} » : ${text}`, questions: [question.code] };
}

function checkRange(question: CatalogQuestion, value: number | string): Finding[] {
  const { min, max } = question;
  const below = min !== undefined && value < min;
  const above = max !== undefined && value > max;
  if (!below && !above) return [];
  const text = min !== undefined && max !== undefined ? `la valeur doit être comprise entre ${show(min)} et ${show(max)}.`
    : below ? `la valeur doit être au moins ${show(min!)}.` : `la valeur doit être au plus ${show(max!)}.`;
  return [finding('answer.range', question, text)];
}

function checkNumber(question: CatalogQuestion, value: unknown): Finding[] {
  if (typeof value !== 'number' || !Number.isFinite(value)) return [finding('answer.type', question, 'un nombre est attendu.')];
  if (question.unit === 'count' && !Number.isInteger(value)) return [finding('answer.type', question, 'un nombre entier est attendu.')];
  return checkRange(question, value);
}

function checkDate(question: CatalogQuestion, value: unknown): Finding[] {
  const match = typeof value === 'string' ? isoDate.exec(value) : null;
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.getUTCDate() !== Number(match[3]) || date.getUTCMonth() !== Number(match[2]) - 1) {
    return [finding('answer.type', question, 'une date au format AAAA-MM-JJ est attendue.')];
  }
  return checkRange(question, value as string);
}

function checkText(question: CatalogQuestion, value: unknown): Finding[] {
  if (typeof value !== 'string') return [finding('answer.type', question, 'un texte est attendu.')];
  if (value.length > maxTextLength) return [finding('answer.range', question, `le texte dépasse ${numberFormat.format(maxTextLength)} caractères.`)];
  return (question.patterns ?? []).filter((p) => !new RegExp(p.regex).test(value)).map((p) => finding('answer.format', question, p.message));
}

function checkChoice(question: CatalogQuestion, value: unknown): Finding[] {
  const choices = question.choices ?? [];
  if (typeof value === 'string' && choices.some((c) => c.value === value)) return [];
  const offered = choices.map((c) => c.label).join(', ');
  return [finding('answer.choice', question, `« ${String(value)} » ne fait pas partie des choix proposés (${offered}).`)];
}

/**
 * Checks the type and range of one answer (an empty answer is always accepted here; requiredness is
 * checked on the whole response). Returns the findings, all errors, empty when the answer is fine.
 *
 * @example
 * validateAnswer(catalog, 'rh.temps_partiel_part', 140);
 * // [{ rule: 'answer.range', level: 'error', message: '« Part des salariés à temps partiel (%) » : la valeur doit être comprise entre 0 et 100.', … }]
 */
export function validateAnswer(catalog: Catalog, code: string, value: unknown): Finding[] {
  const question = catalog.questions[code];
  if (!question) {
    return [{ rule: 'answer.unknown_code', level: 'error', message: `« ${code} » n’est pas une question du questionnaire ${catalog.year}.`, questions: [code] }];
  }
  if (question.derived) return [finding('answer.derived', question, 'cette valeur est calculée et ne peut pas être saisie.')];
  if (isEmptyAnswer(value)) return [];
  switch (question.unit) {
    case 'count': case 'fte': case 'euros': case 'share': return checkNumber(question, value);
    case 'yesno': return typeof value === 'boolean' ? [] : [finding('answer.type', question, 'oui ou non est attendu.')];
    case 'choice': return checkChoice(question, value);
    case 'date': return checkDate(question, value);
    case 'text': return checkText(question, value);
  }
}
