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

interface Operand { evaluate(processValue: unknown): unknown }

/** The parsed expression inside a SurveyJS runner (survey-core 3.0.0, pinned), or null if it is not there. */
function operandOf(runner: ConditionRunner | ExpressionRunner): Operand | null {
  const executor = (runner as unknown as { expressionExecutor?: { operand?: Operand; isAsync?: boolean } }).expressionExecutor;
  return executor?.operand && !executor.isAsync ? executor.operand : null;
}

/**
 * Runs an expression on a response's answers with SurveyJS's own parsed tree, operators and functions, but
 * reads variables straight from the answers. SurveyJS's runValues wraps the values in getter contexts that
 * split every name on dots and scan every key case-insensitively: with 150 answers and ~100 rules, that
 * lookup was 80 % of a campaign's quality run. Codes are written in rules exactly as stored, so the exact
 * key is the answer SurveyJS finds; the equivalence is checked on every rule of the three questionnaires
 * against runValues (validate.equivalence.test.ts). Falls back to runValues if the tree is not reachable.
 */
export function runExpression(kind: 'condition' | 'expression', text: string, values: Record<string, unknown>, properties: object): unknown {
  const runner = kind === 'condition' ? condition(text) : expression(text);
  const operand = operandOf(runner);
  if (!operand) return runner.runValues(values, properties);
  const processValue = {
    properties, asyncValues: {},
    getValueInfo(info: { name: string; value?: unknown; hasValue?: boolean; strictCompare?: boolean }) {
      const value = values[info.name];
      info.value = value;
      info.hasValue = value !== undefined;
      info.strictCompare = undefined;
    },
  };
  const result = operand.evaluate(processValue);
  // biome-ignore lint/suspicious/noDoubleEquals: loose on purpose, as SurveyJS's own ConditionRunner tests a result
  return kind === 'condition' ? result == true : result;
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
    if (question.derived) values[question.code] = runExpression('expression', question.derived, values, properties);
  }
  if (!options.partial) findings.push(...missingAnswers(catalog, values, invalid, properties));
  for (const rule of catalog.rules) {
    const inputs = inputsOf(catalog, rule);
    if (inputs.some((code) => invalid.has(code))) continue;
    if (options.partial && inputs.some((code) => isEmptyAnswer(values[code]))) continue;
    if (runExpression('condition', rule.expression, values, properties)) continue;
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
    const required = q.required || (q.requiredIf !== undefined && runExpression('condition', q.requiredIf, values, properties));
    if (!required || (q.visibleIf !== undefined && !runExpression('condition', q.visibleIf, values, properties))) continue;
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
