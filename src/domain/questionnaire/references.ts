/**
 * Which codes an expression reads: `{code}` variables (parsed by SurveyJS) and the codes passed as
 * first argument to `prev`, `peerMedian` and `peerQuartile`.
 */
import { ConditionRunner } from 'survey-core';

const functionCode = /\b(?:prev|peerMedian|peerQuartile)\(\s*'([^']+)'/g;

/**
 * Codes of the answers an expression reads (no duplicates, in order of appearance).
 *
 * @example
 * variablesOf("{a.b} > prev('c.d')"); // ['a.b']
 */
export function variablesOf(expression: string): string[] {
  return [...new Set(new ConditionRunner(expression).getVariables())];
}

/**
 * Codes an expression depends on, including those only read through our functions.
 *
 * @example
 * referencedCodes("{a.b} > prev('c.d')"); // ['a.b', 'c.d']
 */
export function referencedCodes(expression: string): string[] {
  const codes = variablesOf(expression);
  for (const match of expression.matchAll(functionCode)) codes.push(match[1]);
  return [...new Set(codes)];
}

const datasetArgument = /\bext\(\s*['"]([^'"]+)['"]/g;

/**
 * The external data sets an expression reads with `ext('dataset', 'field')`.
 * @example datasetsReadBy("ext('elisfa', 'etp_total') > 2") // ['elisfa']
 */
export function datasetsReadBy(expression: string): string[] {
  return [...new Set([...expression.matchAll(datasetArgument)].map((m) => m[1]))];
}
