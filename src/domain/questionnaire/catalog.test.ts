import { describe, expect, it } from 'vitest';
import { coreIndicators } from '../indicators';
import { loadVersion } from './catalog';
import { availableYears, loadQuestionnaire, readDefinition } from '../../app/questionnaires/readDefinition';
import type { QuestionnaireDefinition } from './types';

describe.each(availableYears)('questionnaire %i', (year) => {
  it('loads into a SurveyModel with a French locale and about a hundred questions or more', async () => {
    const { survey, catalog } = await loadQuestionnaire(year);
    expect(survey.locale).toBe('fr');
    expect(catalog.year).toBe(year);
    expect(Object.keys(catalog.questions).length).toBeGreaterThan(100);
    expect(survey.getAllQuestions(false, true).length).toBe(Object.keys(catalog.questions).length);
  });

  it('carries every core indicator with the catalog’s unit, aggregation and disclosure', async () => {
    const { catalog } = await loadQuestionnaire(year);
    for (const indicator of coreIndicators) {
      const question = catalog.questions[indicator.code];
      expect(question, indicator.code).toBeDefined();
      expect({ unit: question.unit, aggregate: question.aggregate, disclosure: question.disclosure }, indicator.code)
        .toEqual({ unit: indicator.unit, aggregate: indicator.aggregate, disclosure: indicator.disclosure });
      if (indicator.choices) expect(question.choices?.map((c) => c.value), indicator.code).toEqual([...indicator.choices]);
    }
  });

  it('has a theme block of its own year only, and yes/no + people reached for each action field', async () => {
    const { catalog } = await loadQuestionnaire(year);
    const themes = Object.keys(catalog.questions).filter((c) => c.startsWith('theme.'));
    expect(themes.length).toBeGreaterThanOrEqual(8);
    expect(themes.every((c) => c.startsWith(`theme.${year}.`))).toBe(true);
    const people = catalog.questions['actions.culture.personnes'];
    expect(people.visibleIf).toBe('{actions.culture.oui} = true');
  });

  it('gives numeric questions bounds and choice questions their choices', async () => {
    const { catalog } = await loadQuestionnaire(year);
    for (const q of Object.values(catalog.questions)) {
      if (['count', 'fte', 'euros', 'share'].includes(q.unit) && !q.derived) expect(typeof q.max, q.code).toBe('number');
      if (q.unit === 'share') expect([q.min, q.max], q.code).toEqual([0, 100]);
      if (q.unit === 'choice') expect(q.choices?.length, q.code).toBeGreaterThan(1);
    }
  });
});

describe('loadVersion', () => {
  it('refuses a definition whose metadata or rules are wrong, listing each defect in French', async () => {
    const broken = structuredClone(await readDefinition(2024)) as QuestionnaireDefinition;
    const first = broken.pages[0].elements![0];
    first.unit = 'kilos';
    first.validators = [{ type: 'expression', expression: '{nulle.part} > 0', text: 'x', notificationType: 'error' }];
    expect(() => loadVersion(broken)).toThrowError(/unité inconnue « kilos ».*une règle sans ruleId.*code inconnu nulle\.part/);
  });

  it('loads a definition given as an object, and caches it', async () => {
    const definition = structuredClone(await readDefinition(2023)) as QuestionnaireDefinition;
    const version = loadVersion(definition);
    expect(loadVersion(definition)).toBe(version);
    expect(version.catalog.questions['territoire.qpv.codes'].label).toMatch(/liste 2015/);
  });

  it('reports a missing year clearly', async () => {
    await expect(readDefinition(2031)).rejects.toThrow('Aucun questionnaire pour l’année 2031.');
  });
});
