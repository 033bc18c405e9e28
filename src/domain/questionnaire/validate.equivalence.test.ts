import { describe, expect, it } from 'vitest';
import { ConditionRunner, ExpressionRunner } from 'survey-core';
import { readGeography } from '../../seed/geography';
import { generateStructures } from '../demo/structures';
import { generateAnswers } from '../demo/answers';
import { injectErrors } from '../demo/errors';
import { loadVersion } from './catalog';
import { readDefinitionSync } from '../../app/questionnaires/readDefinition';
import { contextProperty } from './functions';
import { runExpression } from './validate';

/**
 * `runExpression` reads variables straight from the answers instead of through SurveyJS's getter contexts
 * (5× faster quality runs). It must give exactly what SurveyJS's runValues gives: every rule, derived
 * total, visibleIf and requiredIf of the three questionnaires, on demo responses with injected errors,
 * unanswered questions and answers of the wrong type.
 */
describe('runExpression = SurveyJS runValues', () => {
  const structures = generateStructures(readGeography().communes, 0.02);
  for (const year of [2023, 2024, 2025]) {
    it(`on every expression of the ${year} questionnaire`, () => {
      const { catalog } = loadVersion(readDefinitionSync(year));
      const texts: ['condition' | 'expression', string][] = [
        ...catalog.rules.map((r) => ['condition', r.expression] as ['condition', string]),
        ...Object.values(catalog.questions).flatMap((q) => [
          ...(q.derived ? [['expression', q.derived] as ['expression', string]] : []),
          ...(q.visibleIf ? [['condition', q.visibleIf] as ['condition', string]] : []),
          ...(q.requiredIf ? [['condition', q.requiredIf] as ['condition', string]] : []),
        ]),
      ];
      const { answers } = injectErrors(structures.map((s) => ({ structureKey: s.key, year, answers: generateAnswers(s, year), previous: generateAnswers(s, year - 1) })), { rate: 0.5 });
      const codes = Object.keys(catalog.questions);
      let compared = 0, falses = 0;
      answers.forEach((a, i) => {
        const values: Record<string, unknown> = { ...a };
        // Every fifth response: holes, numbers typed as text, yes/no as text, nulls.
        if (i % 5 === 0) codes.forEach((c, j) => {
          if (j % 7 === 0) delete values[c];
          else if (j % 11 === 0 && typeof values[c] === 'number') values[c] = String(values[c]);
          else if (j % 13 === 0 && typeof values[c] === 'boolean') values[c] = values[c] ? 'true' : 'false';
          else if (j % 17 === 0) values[c] = null;
        });
        const previous = i % 3 === 0 ? undefined : generateAnswers(structures[i], year - 1);
        const properties = { [contextProperty]: { ...(previous ? { previous } : {}), external: { elisfa: { etp: i % 4 === 0 ? undefined : 12.5 } } } };
        for (const [kind, text] of texts) {
          const runner = kind === 'condition' ? new ConditionRunner(text) : new ExpressionRunner(text);
          const expected = runner.runValues(values, properties);
          expect(runExpression(kind, text, values, properties), `${text} on response ${i}`).toEqual(expected);
          compared++;
          if (expected === false) falses++;
        }
      });
      expect(compared).toBeGreaterThan(8_000);
      expect(falses, 'some rules must fail on these responses, or the comparison proves little').toBeGreaterThan(100);
    });
  }
});
