/**
 * The questionnaire a structure sees: the national version plus the local questions of its region and
 * département, on a last page « Questions locales ».
 */
import { AppError } from '../errors';
import { loadVersion, type QuestionnaireVersion } from '../questionnaire/catalog';
import type { DefinitionElement, QuestionnaireDefinition } from '../questionnaire/types';

/** Name of the page that holds local questions. */
export const localPageName = 'questions_locales';

/**
 * The national definition with the given local elements appended on their own page; the national
 * definition itself when there are none (so its loaded version and cache are shared).
 *
 * @example
 * const merged = withLocalQuestions(national, [{ type: 'boolean', name: 'local.69.jardins', … }]);
 * merged.pages.at(-1).title; // 'Questions locales'
 */
export function withLocalQuestions(national: QuestionnaireDefinition, elements: readonly DefinitionElement[]): QuestionnaireDefinition {
  if (elements.length === 0) return national;
  return {
    ...national,
    pages: [...national.pages, {
      name: localPageName, title: 'Questions locales',
      description: 'Questions ajoutées par votre département ou votre région pour cette campagne.',
      elements: [...elements],
    }],
  };
}

/**
 * Loads the national definition with a territory's local questions, turning any defect (unknown unit,
 * unknown code in a rule, duplicate rule id…) into one French refusal.
 *
 * @example
 * checkLocalQuestions(national, [element]); // the merged version, or throws AppError('validation_failed')
 */
export function checkLocalQuestions(national: QuestionnaireDefinition, elements: readonly DefinitionElement[]): QuestionnaireVersion {
  try {
    return loadVersion(withLocalQuestions(national, elements));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const defects = Array.isArray(error.details) ? (error.details as string[]) : [error.message];
    throw new AppError('validation_failed', `Question locale refusée : ${defects.join(' ; ')}`, defects);
  }
}
