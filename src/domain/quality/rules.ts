/**
 * The questionnaire's own rules, as quality findings. There is one rule language: the expression
 * validators of the yearly questionnaire (`questionnaires/<year>/questionnaire.json`), evaluated by
 * `validateResponse` with the same SurveyJS engine as the browser. This module only turns its results into
 * findings a correspondent can read: the answers concerned (derived totals expanded into what they sum)
 * and the values behind the message.
 */
import { variablesOf } from '../questionnaire/references';
import type { Catalog, Finding as RuleFinding } from '../questionnaire/types';
import { runExpression, validateResponse } from '../questionnaire/validate';
import { formatValue } from './format';
import type { AnswerMap, Finding } from './types';

/** What a rule check reads besides the answers. */
export interface RuleInputs {
  /** Last year's answers of the same structure (`prev('code')` in rules). */
  previous?: AnswerMap;
  /** Comments justifying warnings, by rule id: a justified warning becomes an `info` finding. */
  comments?: Readonly<Record<string, string>>;
  /** External data sets about the structure (`ext('dataset', 'field')` in rules). */
  external?: Readonly<Record<string, Record<string, unknown>>>;
}

const expanded = new WeakMap<Catalog, Map<string, string[]>>();

/** The answered codes behind a code: a derived total stands for the answers it sums. */
function inputsOf(catalog: Catalog, code: string): string[] {
  let byCode = expanded.get(catalog);
  if (!byCode) expanded.set(catalog, (byCode = new Map()));
  let inputs = byCode.get(code);
  if (!inputs) {
    const derived = catalog.questions[code]?.derived;
    inputs = derived ? variablesOf(derived) : [code];
    byCode.set(code, inputs);
  }
  return inputs;
}

function answerValue(catalog: Catalog, answers: AnswerMap, code: string): unknown {
  const derived = catalog.questions[code]?.derived;
  return derived ? runExpression('expression', derived, answers as Record<string, unknown>, {}) : answers[code];
}

function shown(catalog: Catalog, code: string, value: unknown): string {
  if (typeof value === 'number') return formatValue(value, catalog.questions[code]?.unit);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  const choice = catalog.questions[code]?.choices?.find((c) => c.value === value);
  return choice ? choice.label : String(value);
}

/** « label » = value, for every answered question the rule reads (derived totals included). */
function valuesText(catalog: Catalog, answers: AnswerMap, codes: readonly string[]): string {
  const parts: string[] = [];
  for (const code of codes) {
    const v = answerValue(catalog, answers, code);
    if (v === undefined || v === null || v === '') continue;
    parts.push(`« ${catalog.questions[code]?.label ?? code} » = ${shown(catalog, code, v)}`);
  }
  return parts.length ? ` Valeurs déclarées : ${parts.join(' ; ')}.` : '';
}

function toFinding(catalog: Catalog, answers: AnswerMap, f: RuleFinding): Finding {
  const rule = catalog.rules.find((r) => r.id === f.rule);
  // The anchor (where the questionnaire shows the rule) first: it is the answer the rule is about.
  const named = rule ? [rule.anchor, ...f.questions.filter((c) => c !== rule.anchor)] : f.questions;
  const codes = [...new Set(named.flatMap((c) => inputsOf(catalog, c)))];
  const justified = f.level === 'warning' && f.justified === true;
  const level = justified ? 'info' : f.level;
  const reason = `${f.message}${valuesText(catalog, answers, named.filter((c) => catalog.questions[c]))}${justified ? ' Alerte justifiée par un commentaire.' : ''}`;
  return { kind: 'consistency', level, codes, rule: f.rule, reason, details: { anchor: rule?.anchor ?? f.questions[0] ?? null, justified } };
}

/**
 * Every rule of the response's questionnaire that fails, as findings. Rules reading an unanswered
 * question are skipped (completeness reports missing answers); answers of the wrong type or out of range
 * are findings too (`answer.range`, `answer.type`…).
 *
 * @example
 * checkRules(catalog, { 'rh.etp.animation': 12.5, 'rh.effectif.animation': 8 })[0].rule // 'rh.etp_effectif.animation'
 */
export function checkRules(catalog: Catalog, answers: AnswerMap, inputs: RuleInputs = {}): Finding[] {
  const context = { ...(inputs.previous ? { previous: inputs.previous as Record<string, unknown> } : {}), ...(inputs.external ? { external: inputs.external as Record<string, Record<string, unknown>> } : {}) };
  const result = validateResponse(catalog, answers as Record<string, unknown>, context, {
    partial: true, comments: inputs.comments as Record<string, string> | undefined,
  });
  return [...result.errors, ...result.warnings, ...result.infos].map((f) => toFinding(catalog, answers, f));
}
