/**
 * Registers our indicator metadata as SurveyJS custom properties, so a definition keeps them through
 * `new SurveyModel(json)` and `toJSON()`, in the browser and in Node alike.
 */
import { Serializer } from 'survey-core';
import { aggregates, sections, units } from '../indicators';
import { disclosures } from './types';

/** Custom properties of an answerable question, in the order they are written. */
export const questionMetadata = ['indicator', 'unit', 'aggregate', 'disclosure', 'section'] as const;

let registered = false;

/**
 * Registers, once, `indicator`, `unit`, `aggregate`, `disclosure` and `section` on every question,
 * `ruleId` on expression validators, and the `senacs` block on the survey. Safe to call many times.
 *
 * @example
 * registerMetadata();
 * const survey = new SurveyModel(definition);
 * survey.getQuestionByName('finances.produits').getPropertyValue('unit'); // 'euros'
 */
export function registerMetadata(): void {
  if (registered) return;
  registered = true;
  Serializer.addProperty('question', { name: 'indicator', category: 'senacs' });
  Serializer.addProperty('question', { name: 'unit', category: 'senacs', choices: [...units] });
  Serializer.addProperty('question', { name: 'aggregate', category: 'senacs', choices: [...aggregates] });
  Serializer.addProperty('question', { name: 'disclosure', category: 'senacs', choices: [...disclosures] });
  Serializer.addProperty('question', { name: 'section', category: 'senacs', choices: [...sections] });
  Serializer.addProperty('expressionvalidator', { name: 'ruleId', category: 'senacs' });
  // Version info and mappings are plain JSON: no SurveyJS class describes them.
  Serializer.addProperty('survey', { name: 'senacs', category: 'senacs' });
}

registerMetadata();
