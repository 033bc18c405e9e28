/**
 * Prepares the SurveyJS element of a local question: the same question types as the national
 * questionnaire, its name and `indicator` forced to the namespaced code, the ids of its rules moved into
 * that namespace, and no reference to another territory's local questions.
 */
import { AppError } from '../errors';
import { referencedCodes } from '../questionnaire/references';
import type { DefinitionElement } from '../questionnaire/types';
import { isLocalCode, localNamespace, type LocalTerritory } from './namespace';

/** Question types a local question may use: those of the national questionnaire. */
export const localQuestionTypes = ['text', 'comment', 'boolean', 'radiogroup', 'dropdown', 'expression'] as const;

/** Longest accepted element, as JSON text. */
const maxElementLength = 20_000;
const expressionKeys = ['visibleIf', 'enableIf', 'requiredIf', 'expression'] as const;

interface ValidatorJson { type?: unknown; ruleId?: unknown; expression?: unknown; [key: string]: unknown }

function refuse(message: string): never {
  throw new AppError('validation_failed', `Question locale refusée : ${message}`);
}

function ruleIdOf(code: string, given: unknown, index: number): string {
  const suffix = typeof given === 'string' ? given.toLowerCase().split('.').pop()!.replace(/[^a-z0-9_]/g, '_') : '';
  return `${code}.${suffix || `regle_${index + 1}`}`;
}

/**
 * Checks a submitted element and returns the one to store, with `name` and `indicator` set to `code`.
 * Throws `AppError('validation_failed')` for a panel, an unknown type, or a reference to another
 * territory's local question. The full check (metadata, rules, known codes) is done by loading it, see
 * `checkLocalQuestions`.
 *
 * @example
 * prepareLocalElement({ type: 'boolean', title: 'Jardin partagé ?', unit: 'yesno', aggregate: 'share', disclosure: 'count', section: 'actions' },
 *   'local.69.jardins', { level: 'departement', code: '69' });
 * // { type: 'boolean', name: 'local.69.jardins', indicator: 'local.69.jardins', … }
 */
export function prepareLocalElement(input: Record<string, unknown>, code: string, territory: LocalTerritory): DefinitionElement {
  if (JSON.stringify(input).length > maxElementLength) refuse('la définition dépasse 20 000 caractères.');
  const type = input.type;
  if (typeof type !== 'string' || !(localQuestionTypes as readonly string[]).includes(type)) {
    refuse(`type « ${String(type)} » non pris en charge (types possibles : ${localQuestionTypes.join(', ')}).`);
  }
  if ('elements' in input || 'templateElements' in input) refuse('un panneau ou un tableau ne peut pas être une question locale ; ajoutez les questions une à une.');
  const validators = input.validators;
  if (validators !== undefined && !Array.isArray(validators)) refuse('« validators » doit être une liste.');
  const element: DefinitionElement = {
    ...input,
    name: code,
    indicator: code,
    ...(Array.isArray(validators) ? {
      validators: (validators as ValidatorJson[]).map((v, i) => (v && typeof v === 'object' && v.type === 'expression' ? { ...v, ruleId: ruleIdOf(code, v.ruleId, i) } : v)),
    } : {}),
  };
  const namespace = `${localNamespace(territory)}.`;
  for (const expression of expressionsOf(element)) {
    for (const read of referencedCodes(expression)) {
      if (isLocalCode(read) && !read.startsWith(namespace)) refuse(`« ${read} » est une question locale d’un autre territoire ; seules les questions nationales et celles de ${namespace.slice(0, -1)} peuvent être lues.`);
    }
  }
  return element;
}

function expressionsOf(element: DefinitionElement): string[] {
  const found: string[] = [];
  for (const key of expressionKeys) if (typeof element[key] === 'string') found.push(element[key] as string);
  for (const v of (element.validators as ValidatorJson[] | undefined) ?? []) if (v && typeof v.expression === 'string') found.push(v.expression);
  return found;
}
