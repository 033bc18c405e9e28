/**
 * Which consistency rules travel in an XLSForm as a `constraint` (ODK Collect, Enketo and KoboToolbox
 * check those; they ignore our `rules` sheet), and how a constraint holding one is written and read back.
 *
 * ODK checks a question's constraint only once that question is answered, it has no warning level and one
 * constraint per question. So a rule becomes the constraint of the **last question it reads** (in form
 * order) only when: it is an error, it reads answers only (no `prev`, `peerMedian`, `peerQuartile`, `ext`),
 * that question is answerable and has no regular expression nor other rule there, and the rule holds
 * whenever that question is empty (one of its top-level `or` terms is `{question} empty`), so skipping it
 * on an empty answer changes nothing. The others stay in the `rules` sheet.
 */
import { toXlsExpression } from './expressions';
import { variablesOf } from './references';
import type { DefinitionElement, QuestionnaireDefinition } from './types';

/** An expression validator of a definition (a rule). */
export interface RuleValidator { type: string; expression?: string; text?: string; ruleId?: string; notificationType?: string }

/** A rule written as a constraint: on which row, from which anchor, at which place among the anchor's rules. */
export interface PlacedRule { rule: RuleValidator; anchor: string; index: number }

const contextFunctions = /\b(?:prev|peerMedian|peerQuartile|ext)\s*\(/;

/** Top-level `or` terms of a SurveyJS expression (parentheses and strings respected). */
function orTerms(expression: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  let quote = '';
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && /^\sor\s/.test(expression.slice(i, i + 4))) { terms.push(expression.slice(start, i).trim()); start = i + 4; }
  }
  return [...terms, expression.slice(start).trim()];
}

/** Every element of a definition in form order (pages, panels, questions). */
export function elementsInOrder(definition: QuestionnaireDefinition): DefinitionElement[] {
  const out: DefinitionElement[] = [];
  const walk = (elements: DefinitionElement[]) => { for (const e of elements) { out.push(e); walk(e.elements ?? []); } };
  walk(definition.pages);
  return out;
}

/**
 * Plans which rules become constraints: question name → the rule placed there.
 *
 * @example
 * placeRules(definition).get('actions.culture.personnes')?.rule.ruleId; // 'actions.culture.personnes_sans_action'
 */
export function placeRules(definition: QuestionnaireDefinition): Map<string, PlacedRule> {
  const elements = elementsInOrder(definition);
  const position = new Map(elements.map((e, i) => [e.name, i]));
  const byName = new Map(elements.map((e) => [e.name, e]));
  const placed = new Map<string, PlacedRule>();
  for (const anchor of elements) {
    const rules = ((anchor.validators ?? []) as RuleValidator[]).filter((v) => v.type === 'expression');
    rules.forEach((rule, index) => {
      const text = rule.expression ?? '';
      if ((rule.notificationType ?? 'error') !== 'error' || !text || contextFunctions.test(text)) return;
      const read = variablesOf(text).filter((v) => position.has(v));
      const last = read.sort((a, b) => position.get(b)! - position.get(a)!)[0];
      const target = last === undefined ? undefined : byName.get(last);
      if (!target || ['expression', 'html'].includes(String(target.type)) || placed.has(target.name)) return;
      if (((target.validators ?? []) as RuleValidator[]).some((v) => v.type === 'regex')) return;
      if (!orTerms(text).includes(`{${target.name}} empty`)) return;
      placed.set(target.name, { rule, anchor: anchor.name, index });
    });
  }
  return placed;
}

/** Note appended to a rule's message when the constraint also checks the range. @example rangeNote(0, 100) // ' (valeur attendue entre 0 et 100)' */
export function rangeNote(min: unknown, max: unknown): string {
  if (min === undefined && max === undefined) return '';
  if (max === undefined) return ` (valeur attendue d’au moins ${String(min)})`;
  if (min === undefined) return ` (valeur attendue d’au plus ${String(max)})`;
  return ` (valeur attendue entre ${String(min)} et ${String(max)})`;
}

/**
 * The rule as it reads inside the constraint of `question`: XLSForm syntax, the question itself as `.`.
 * @example ruleConstraint("{q} empty or {q} <= {m}", 'q', new Set()) // "(. = '' or . <= ${m})"
 */
export function ruleConstraint(expression: string, question: string, booleans: ReadonlySet<string>): string {
  const own = `\${${question}}`;
  return `(${toXlsExpression(expression, booleans).split(own).join('.')})`;
}

const leadingPart = /^(?:\.\s*(?:>=|<=)\s*(?:date\('[^']*'\)|-?\d+(?:\.\d+)?)|regex\(\.\s*,\s*'[^']*'\))\s+and\s+/;

/**
 * Splits a constraint written with a rule (`<range and regex parts> and (<rule>)`) into both halves.
 * @example splitRuleConstraint(". >= 0 and (. = '' or . <= 3)") // { checks: '. >= 0', rule: ". = '' or . <= 3" }
 */
export function splitRuleConstraint(constraint: string): { checks: string; rule: string } | undefined {
  let rest = constraint.trim();
  const checks: string[] = [];
  for (let m = leadingPart.exec(rest); m; m = leadingPart.exec(rest)) {
    checks.push(m[0].replace(/\s+and\s+$/, ''));
    rest = rest.slice(m[0].length);
  }
  if (!rest.startsWith('(') || !rest.endsWith(')')) return undefined;
  return { checks: checks.join(' and '), rule: rest.slice(1, -1) };
}
