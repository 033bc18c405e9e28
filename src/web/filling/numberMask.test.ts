import { describe, expect, it } from 'vitest';
import { Model, type QuestionTextModel } from 'survey-core';
import { withFrenchNumbers } from './numberMask';

const definition = {
  pages: [{ name: 'finances', elements: [
    { type: 'text', inputType: 'number', name: 'finances.tresorerie', unit: 'euros', min: -10_000_000, max: 100_000_000 },
    { type: 'text', inputType: 'number', name: 'rh.etp.animation', unit: 'fte', min: 0, max: 500 },
    { type: 'text', inputType: 'number', name: 'projet.annee', unit: 'count', min: 1990, max: 2026 },
    { type: 'panel', name: 'p', elements: [{ type: 'text', inputType: 'number', name: 'actions.x.personnes', unit: 'count', min: 0 }] },
    { type: 'text', name: 'identite.nom' },
  ] }],
};

describe('French number typing through SurveyJS input masks', () => {
  it('turns number fields into masked text fields and leaves the others alone', () => {
    const out = withFrenchNumbers(definition);
    const [cash, fte, year, panel, name] = out.pages[0].elements as Record<string, unknown>[];
    expect(cash).toMatchObject({ inputType: 'text', maskType: 'currency', maskSettings: { decimalSeparator: ',', thousandsSeparator: ' ', suffix: '\u00a0€', allowNegativeValues: true } });
    expect(fte).toMatchObject({ maskType: 'currency', maskSettings: { suffix: '\u00a0ETP', allowNegativeValues: false } });
    expect(year).toMatchObject({ maskType: 'numeric', maskSettings: { thousandsSeparator: '' } });
    expect((panel.elements as Record<string, unknown>[])[0]).toMatchObject({ maskSettings: { suffix: '\u00a0personnes', precision: 0 } });
    expect(name).toEqual({ type: 'text', name: 'identite.nom' });
    expect(definition.pages[0].elements[0].inputType).toBe('number');
  });

  it('reads "45 000,50" as 45000.5 and shows 45000 as "45 000 €" (SurveyJS mask, no browser)', () => {
    const survey = new Model(withFrenchNumbers(definition));
    const q = survey.getQuestionByName('finances.tresorerie') as QuestionTextModel;
    expect(q.maskInstance.getUnmaskedValue('45 000,50\u00a0€')).toBe(45000.5);
    expect(q.maskInstance.getUnmaskedValue('1 234')).toBe(1234);
    expect(q.maskInstance.getMaskedValue(45000)).toBe('45 000\u00a0€');
    expect(q.maskInstance.getMaskedValue(-1234.25)).toBe('-1 234,25\u00a0€');
    const year = survey.getQuestionByName('projet.annee') as QuestionTextModel;
    expect(year.maskInstance.getMaskedValue(2015)).toBe('2015');
  });
});
