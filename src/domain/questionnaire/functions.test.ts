import { describe, expect, it } from 'vitest';
import { ConditionRunner, ExpressionRunner, SurveyModel } from 'survey-core';
import { attachContext, contextProperty, externalDatasetsRead } from './functions';
import { readDefinitionSync } from '../../app/questionnaires/readDefinition';
import { loadVersion } from './catalog';
import type { QualityContext } from './types';

const context: QualityContext = {
  previous: { 'finances.produits': 500000 },
  peers: { 'finances.produits': { median: 600000, q1: 300000, q3: 900000 } },
  external: { elisfa: { etp_total: 14.5 } },
};
const run = (expression: string, ctx: QualityContext = context) => new ExpressionRunner(expression).runValues({}, { [contextProperty]: ctx });

describe('rule functions', () => {
  it('read previous, peer and external values from the context given to a runner (server)', () => {
    expect(run("prev('finances.produits')")).toBe(500000);
    expect(run("peerMedian('finances.produits')")).toBe(600000);
    expect([1, 2, 3].map((q) => run(`peerQuartile('finances.produits', ${q})`))).toEqual([300000, 600000, 900000]);
    expect(run("ext('elisfa', 'etp_total')")).toBe(14.5);
  });

  it('return null for unknown values, so rules can guard with "= null"', () => {
    expect(run("prev('finances.charges')")).toBeNull();
    expect(run("peerQuartile('finances.produits', 4)")).toBeNull();
    expect(run("ext('insee', 'population')")).toBeNull();
    expect(new ConditionRunner("prev('x') = null").runValues({}, { [contextProperty]: {} })).toBe(true);
  });

  it('read the context attached to a live survey (browser), in its validators', () => {
    const survey = new SurveyModel({ pages: [{ name: 'p', elements: [{ type: 'text', name: 'n', inputType: 'number',
      validators: [{ type: 'expression', expression: "{n} <= prev('n') * 1.5", text: 'saut', notificationType: 'warning' }] }] }] });
    attachContext(survey, { previous: { n: 10 } });
    survey.data = { n: 16 };
    survey.pages[0].validate(true, false);
    expect(survey.getQuestionByName('n').errors.map((e) => [e.text, e.notificationType])).toEqual([['saut', 'warning']]);
    survey.data = { n: 15 };
    survey.pages[0].validate(true, false);
    expect(survey.getQuestionByName('n').errors.map((e) => e.text)).toEqual([]);
  });

  it('tell which external data sets a questionnaire reads', () => {
    const q = (over: object) => ({ code: 'x', label: 'x', unit: 'count', aggregate: 'sum', disclosure: 'count', section: 'rh', type: 'text', required: false, ...over }) as never;
    expect(externalDatasetsRead({ rules: [{ id: 'r', level: 'info', expression: "ext( \"insee\" , 'pop') > 1 and ext('caf','ps') > 0", message: '', anchor: 'x', questions: [] }],
      questions: { a: q({ visibleIf: "ext('elisfa', 'etp_total') notempty" }), b: q({ derived: 'next(1)' }) } })).toEqual(new Set(['insee', 'caf', 'elisfa']));
    expect(externalDatasetsRead(loadVersion(readDefinitionSync(2025)).catalog)).toEqual(new Set(['elisfa']));
  });
});
