/** Canonical form of a definition, to compare two of them regardless of key order or defaults. */
import { SurveyModel } from 'survey-core';
import { registerMetadata } from './metadata';
import type { QuestionnaireDefinition } from './types';

/**
 * The definition as SurveyJS serializes it after loading (defaults dropped, choices canonical).
 *
 * @example
 * expect(normalizeDefinition(imported)).toEqual(normalizeDefinition(original));
 */
export function normalizeDefinition(definition: QuestionnaireDefinition): unknown {
  registerMetadata();
  return new SurveyModel(definition).toJSON();
}
