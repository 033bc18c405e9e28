/**
 * Turns a yearly definition into its catalog: code → metadata, plus its rules and mappings. Pure (no
 * I/O), usable in the browser too. The catalog is checked: every answerable question carries its
 * metadata with `indicator` equal to its name, every rule has a unique id and reads known codes.
 */
import { SurveyModel } from 'survey-core';
import type { Question, ExpressionValidator, RegexValidator, ItemValue } from 'survey-core';
import 'survey-core/i18n/french';
import { AppError } from '../errors';
import { aggregates, sections, units } from '../indicators';
import './functions';
import { registerMetadata } from './metadata';
import { referencedCodes, variablesOf } from './references';
import { disclosures, levels } from './types';
import type { Catalog, CatalogQuestion, Level, QuestionnaireDefinition, Rule } from './types';

registerMetadata();

/** A definition loaded for use: the live SurveyJS model and the catalog derived from it. */
export interface QuestionnaireVersion {
  definition: QuestionnaireDefinition;
  survey: SurveyModel;
  catalog: Catalog;
}

const loaded = new WeakMap<QuestionnaireDefinition, QuestionnaireVersion>();

/**
 * Loads a definition object into a SurveyModel and builds its catalog (cached per object).
 * Throws an `AppError('validation_failed')` listing every defect of the definition.
 *
 * @example
 * const { catalog } = loadVersion(definition);
 * catalog.questions['rh.etp.animation'].unit; // 'fte'
 */
export function loadVersion(definition: QuestionnaireDefinition): QuestionnaireVersion {
  const cached = loaded.get(definition);
  if (cached) return cached;
  const survey = new SurveyModel(definition);
  const defects = (survey.jsonErrors ?? []).map((e) => e.message);
  const catalog = buildCatalog(survey, definition, defects);
  if (defects.length > 0) {
    throw new AppError('validation_failed', `Le questionnaire ${definition.senacs?.year ?? ''} est mal formé : ${defects.join(' ; ')}`, defects);
  }
  const version = { definition, survey, catalog };
  loaded.set(definition, version);
  return version;
}

function buildCatalog(survey: SurveyModel, definition: QuestionnaireDefinition, defects: string[]): Catalog {
  const questions: Record<string, CatalogQuestion> = {};
  const rules: Rule[] = [];
  for (const question of survey.getAllQuestions(false, true)) {
    if (question.getType() === 'html') continue;
    const entry = catalogQuestion(question, defects);
    if (questions[entry.code]) defects.push(`code en double : ${entry.code}`);
    questions[entry.code] = entry;
    for (const validator of question.validators) {
      if (validator.getType() === 'expressionvalidator') rules.push(ruleOf(validator as ExpressionValidator, entry.code, defects));
    }
  }
  checkReferences(questions, rules, defects);
  const info = definition.senacs;
  if (!info || !Number.isInteger(info.year)) defects.push('bloc « senacs » absent ou sans année');
  return {
    year: info?.year ?? 0,
    title: survey.title,
    theme: info?.theme ?? '',
    questions,
    rules,
    mappings: info?.mappings ?? [],
  };
}

function catalogQuestion(question: Question, defects: string[]): CatalogQuestion {
  const meta = (name: string): string => String(question.getPropertyValue(name) ?? '');
  const code = question.name;
  const [unit, aggregate, disclosure, section] = [meta('unit'), meta('aggregate'), meta('disclosure'), meta('section')];
  if (meta('indicator') !== code) defects.push(`${code} : la propriété indicator doit valoir le nom de la question`);
  if (!(units as readonly string[]).includes(unit)) defects.push(`${code} : unité inconnue « ${unit} »`);
  if (!(aggregates as readonly string[]).includes(aggregate)) defects.push(`${code} : agrégation inconnue « ${aggregate} »`);
  if (!(disclosures as readonly string[]).includes(disclosure)) defects.push(`${code} : classe de diffusion inconnue « ${disclosure} »`);
  if (!(sections as readonly string[]).includes(section)) defects.push(`${code} : section inconnue « ${section} »`);
  const entry: CatalogQuestion = {
    code, label: question.title, unit, aggregate, disclosure, section, type: question.getType(), required: question.isRequired,
  } as CatalogQuestion;
  const choices = question.getPropertyValue('choices') as ItemValue[] | undefined;
  if (Array.isArray(choices) && choices.length > 0) entry.choices = choices.map((c) => ({ value: String(c.value), label: c.text }));
  for (const bound of ['min', 'max'] as const) {
    const value = question.getPropertyValue(bound) as unknown;
    if (value !== undefined && value !== null && value !== '') entry[bound] = typeof value === 'number' ? value : String(value);
  }
  const patterns = question.validators.filter((v) => v.getType() === 'regexvalidator') as RegexValidator[];
  if (patterns.length > 0) entry.patterns = patterns.map((v) => ({ regex: v.regex, message: v.text }));
  if (question.requiredIf) entry.requiredIf = question.requiredIf;
  const visibleIf = visibilityOf(question);
  if (visibleIf) entry.visibleIf = visibleIf;
  if (question.getType() === 'expression') entry.derived = String(question.getPropertyValue('expression'));
  return entry;
}

interface Nested {
  visibleIf?: string;
  parent?: Nested | null;
}

/** The question's own visibleIf joined with those of the panels and page around it. */
function visibilityOf(question: Question): string | undefined {
  const conditions: string[] = [];
  // A question's parent is its panel or page; a page has none.
  let element: Nested | null | undefined = question as unknown as Nested;
  while (element) {
    if (element.visibleIf) conditions.unshift(element.visibleIf);
    element = element.parent;
  }
  if (conditions.length <= 1) return conditions[0];
  return conditions.map((c) => `(${c})`).join(' and ');
}

function ruleOf(validator: ExpressionValidator, anchor: string, defects: string[]): Rule {
  const id = String(validator.getPropertyValue('ruleId') ?? '');
  const level = validator.notificationType as Level;
  if (!id) defects.push(`${anchor} : une règle sans ruleId`);
  if (!(levels as readonly string[]).includes(level)) defects.push(`${id} : niveau inconnu « ${level} »`);
  if (!validator.text) defects.push(`${id} : message absent`);
  return { id, level, expression: validator.expression, message: validator.text, anchor, questions: referencedCodes(validator.expression) };
}

function checkReferences(questions: Record<string, CatalogQuestion>, rules: Rule[], defects: string[]): void {
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) defects.push(`règle en double : ${rule.id}`);
    ids.add(rule.id);
    for (const code of rule.questions) if (!questions[code]) defects.push(`${rule.id} : code inconnu ${code}`);
  }
  for (const q of Object.values(questions)) {
    for (const expression of [q.visibleIf, q.requiredIf, q.derived]) {
      for (const code of expression ? variablesOf(expression) : []) if (!questions[code]) defects.push(`${q.code} : code inconnu ${code}`);
    }
  }
}
