/**
 * Our functions for SurveyJS expressions, registered once in the shared FunctionFactory so that the
 * same rule text runs in the browser (validators of a live SurveyModel) and on the server
 * (`validateResponse`, which runs the catalog's expressions without a model).
 *
 * - `prev('code')`: this structure's answer to `code` the previous year;
 * - `peerMedian('code')`, `peerQuartile('code', q)` (q = 1, 2 or 3): statistics of its peer group;
 * - `ext('dataset', 'field')`: a value of an external data set about this structure.
 *
 * Each returns `null` when the value is unknown, so rules guard with `prev('code') = null or …`.
 */
import { FunctionFactory } from 'survey-core';
import type { SurveyModel } from 'survey-core';
import type { Catalog, QualityContext } from './types';
import { datasetsReadBy } from './references';

/** Names of our functions, to tell them from SurveyJS built-ins (XLSForm export, reports). */
export const ruleFunctions = ['prev', 'peerMedian', 'peerQuartile', 'ext'] as const;

/** The property a server passes to expression runners to give the functions their context. */
export const contextProperty = 'senacsContext';

const contexts = new WeakMap<object, QualityContext>();

/**
 * Attaches the quality context to a live survey, for the browser: its validators then see
 * previous-year, peer and external values.
 *
 * @example
 * const survey = new SurveyModel(definition);
 * attachContext(survey, { previous: { 'finances.produits': 500000 } });
 */
export function attachContext(survey: SurveyModel, context: QualityContext): void {
  contexts.set(survey, context);
}

/** What SurveyJS binds as `this` when it calls a function: the runner's properties. */
interface RunnerThis {
  survey?: object;
  [contextProperty]?: QualityContext;
}

function contextOf(self: RunnerThis): QualityContext {
  return self[contextProperty] ?? (self.survey ? contexts.get(self.survey) : undefined) ?? {};
}

const known = (value: unknown): unknown => (value === undefined || value === '' ? null : value);
const quartileKeys = { 1: 'q1', 2: 'median', 3: 'q3' } as const;

function prev(this: RunnerThis, params: unknown[]): unknown {
  return known(contextOf(this).previous?.[String(params[0])]);
}

function peerMedian(this: RunnerThis, params: unknown[]): unknown {
  return known(contextOf(this).peers?.[String(params[0])]?.median);
}

function peerQuartile(this: RunnerThis, params: unknown[]): unknown {
  const key = quartileKeys[Number(params[1]) as 1 | 2 | 3];
  return key ? known(contextOf(this).peers?.[String(params[0])]?.[key]) : null;
}

function ext(this: RunnerThis, params: unknown[]): unknown {
  return known(contextOf(this).external?.[String(params[0])]?.[String(params[1])]);
}

let registered = false;

/**
 * Registers `prev`, `peerMedian`, `peerQuartile` and `ext` once. Importing this module does it.
 *
 * @example
 * registerFunctions();
 * new ConditionRunner("prev('finances.produits') = null").runValues({}, { senacsContext: {} }); // true
 */
export function registerFunctions(): void {
  if (registered) return;
  registered = true;
  for (const [name, func] of [['prev', prev], ['peerMedian', peerMedian], ['peerQuartile', peerQuartile], ['ext', ext]] as const) {
    FunctionFactory.Instance.register(name, func as (params: unknown[]) => unknown);
  }
}

registerFunctions();

/**
 * The external data sets a questionnaire reads with `ext('dataset', 'field')`, in its rules or in the
 * conditions and computations of its questions: importing another data set changes no finding.
 * @example externalDatasetsRead(catalog) // Set { 'elisfa' }
 */
export function externalDatasetsRead(catalog: Pick<Catalog, 'rules' | 'questions'>): Set<string> {
  const texts = [...catalog.rules.map((r) => r.expression), ...Object.values(catalog.questions).flatMap((q) => [q.visibleIf, q.requiredIf, q.derived])];
  return new Set(texts.flatMap((t) => (t ? datasetsReadBy(t) : [])));
}
