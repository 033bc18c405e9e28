/**
 * Server-side validation of a whole response: unknown codes, types and ranges, required questions,
 * then the consistency rules of the version, evaluated with the same SurveyJS expression engine and
 * the same functions as the browser.
 */
import { ConditionRunner, ExpressionRunner } from 'survey-core';
import { isEmptyAnswer, validateAnswer } from './answer';
import { loadVersion } from './catalog';
import { contextProperty } from './functions';
import { variablesOf } from './references';
import type { Catalog, Finding, QualityContext, QuestionnaireDefinition, Rule, ValidationResult } from './types';

export { validateAnswer };

export interface ValidateOptions {
  /** A draft being filled: skip requiredness, and skip rules that read an unanswered question. */
  partial?: boolean;
  /** Comments justifying warnings, by rule id. */
  comments?: Record<string, string>;
}

const conditions = new Map<string, ConditionRunner>();
const expressions = new Map<string, ExpressionRunner>();
const inputsByCatalog = new WeakMap<Catalog, Map<string, string[]>>();

function condition(text: string): ConditionRunner {
  let runner = conditions.get(text);
  if (!runner) conditions.set(text, (runner = new ConditionRunner(text)));
  return runner;
}

function expression(text: string): ExpressionRunner {
  let runner = expressions.get(text);
  if (!runner) expressions.set(text, (runner = new ExpressionRunner(text)));
  return runner;
}

/** Answered codes a rule depends on, with derived totals replaced by what they sum. */
function inputsOf(catalog: Catalog, rule: Rule): string[] {
  let byRule = inputsByCatalog.get(catalog);
  if (!byRule) inputsByCatalog.set(catalog, (byRule = new Map()));
  let inputs = byRule.get(rule.id);
  if (!inputs) {
    inputs = variablesOf(rule.expression).flatMap((code) => {
      const derived = catalog.questions[code]?.derived;
      return derived ? variablesOf(derived) : [code];
    });
    byRule.set(rule.id, inputs);
  }
  return inputs;
}

/** Accepts a catalog as is, or loads a definition (cached per object). */
function catalogOf(source: Catalog | QuestionnaireDefinition): Catalog {
  return 'questions' in source && 'rules' in source ? (source as Catalog) : loadVersion(source as QuestionnaireDefinition).catalog;
}

/**
 * Validates a response. Errors block submission, warnings need a comment (see `canSubmit`), infos
 * only inform. Derived values (totals) present in `answers` are ignored and recomputed.
 *
 * @example
 * const result = validateResponse(catalog, { 'rh.effectif.animation': 2, 'rh.etp.animation': 3 }, {}, { partial: true });
 * result.errors[0].rule; // 'rh.etp_effectif.animation'
 */
export function validateResponse(
  source: Catalog | QuestionnaireDefinition,
  answers: Record<string, unknown>,
  context: QualityContext = {},
  options: ValidateOptions = {},
): ValidationResult {
  const catalog = catalogOf(source);
  const findings: Finding[] = [];
  const invalid = new Set<string>();
  const values: Record<string, unknown> = {};
  for (const [code, value] of Object.entries(answers)) {
    if (catalog.questions[code]?.derived) continue;
    const problems = validateAnswer(catalog, code, value);
    if (problems.length > 0) {
      findings.push(...problems);
      invalid.add(code);
    } else if (!isEmptyAnswer(value)) values[code] = value;
  }
  const properties = { [contextProperty]: context };
  for (const question of Object.values(catalog.questions)) {
    if (question.derived) values[question.code] = expression(question.derived).runValues(values, properties);
  }
  if (!options.partial) findings.push(...missingAnswers(catalog, values, invalid, properties));
  for (const rule of catalog.rules) {
    const inputs = inputsOf(catalog, rule);
    if (inputs.some((code) => invalid.has(code))) continue;
    if (options.partial && inputs.some((code) => isEmptyAnswer(values[code]))) continue;
    if (condition(rule.expression).runValues(values, properties)) continue;
    const found: Finding = { rule: rule.id, level: rule.level, message: rule.message, questions: rule.questions };
    if (rule.level === 'warning') found.justified = Boolean(options.comments?.[rule.id]?.trim());
    findings.push(found);
  }
  return {
    errors: findings.filter((f) => f.level === 'error'),
    warnings: findings.filter((f) => f.level === 'warning'),
    infos: findings.filter((f) => f.level === 'info'),
  };
}

function missingAnswers(catalog: Catalog, values: Record<string, unknown>, invalid: Set<string>, properties: object): Finding[] {
  const missing: Finding[] = [];
  for (const q of Object.values(catalog.questions)) {
    if (q.derived || invalid.has(q.code) || !isEmptyAnswer(values[q.code])) continue;
    const required = q.required || (q.requiredIf !== undefined && condition(q.requiredIf).runValues(values, properties));
    if (!required || (q.visibleIf !== undefined && !condition(q.visibleIf).runValues(values, properties))) continue;
    missing.push({ rule: 'answer.required', level: 'error', message: `« ${q.label} » : une réponse est obligatoire.`, questions: [q.code] });
  }
  return missing;
}

/**
 * Whether a response may be submitted: no error, and every warning justified by a comment.
 *
 * @example
 * canSubmit(validateResponse(catalog, answers, context, { comments })); // true or false
 */
export function canSubmit(result: ValidationResult): boolean {
  return result.errors.length === 0 && result.warnings.every((w) => w.justified);
}
