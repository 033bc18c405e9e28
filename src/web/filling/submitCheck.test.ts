import { describe, expect, it } from 'vitest';
import type { QuestionnaireDefinition } from '../../domain/questionnaire/types';
import { unansweredSections, unansweredText } from './submitCheck';
import { buildSurvey } from './survey';

/** Three sections: one with a computed total and a question shown only for an association, one hidden, one complete. */
const definition: QuestionnaireDefinition = {
  senacs: { year: 2026, theme: 'test', mappings: [] },
  pages: [
    { name: 'identite', title: 'Identité', elements: [
      { type: 'dropdown', name: 'gestion', title: 'Mode de gestion', choices: ['association', 'collectivite'] },
      { type: 'text', name: 'adherents', title: 'Adhérents', inputType: 'number', visibleIf: "{gestion} = 'association'" },
      { type: 'text', name: 'benevoles', title: 'Bénévoles', inputType: 'number' },
      { type: 'expression', name: 'total', title: 'Total', expression: '{adherents} + {benevoles}' },
      { type: 'html', name: 'aide', html: '<p>Aide</p>' },
    ] },
    { name: 'rural', title: 'Territoire rural', visibleIf: '{adherents} > 1000', elements: [{ type: 'text', name: 'communes', title: 'Communes', inputType: 'number' }] },
    { name: 'finances', title: 'Finances', elements: [{ type: 'text', name: 'produits', title: 'Produits', inputType: 'number' }] },
  ],
};

describe('before « Transmettre »', () => {
  it('names the shown sections with questions unanswered, counting only the questions shown and answered by people', () => {
    const survey = buildSurvey(definition, { gestion: 'collectivite', produits: 120000 }, false);
    // A collectivité: the association's question is hidden, the total and the text block never count.
    expect(unansweredSections(survey.visiblePages)).toEqual([{ title: 'Identité', answered: 1, total: 2 }]);
    survey.setValue('gestion', 'association');
    survey.setValue('adherents', 1500);
    // The rural section now shows, empty; Identité still lacks the volunteers.
    expect(unansweredSections(survey.visiblePages)).toEqual([
      { title: 'Identité', answered: 2, total: 3 },
      { title: 'Territoire rural', answered: 0, total: 1 },
    ]);
    survey.setValue('benevoles', 12);
    survey.setValue('communes', 4);
    expect(unansweredSections(survey.visiblePages)).toEqual([]);
  });

  it('says it in French, singular and plural', () => {
    expect(unansweredText([])).toEqual({ heading: 'Toutes les sections sont complètes.', lines: [] });
    expect(unansweredText([{ title: 'Finances', answered: 0, total: 1 }])).toEqual({
      heading: 'Une section a encore des questions sans réponse :', lines: ['Finances : 0 / 1 réponse'],
    });
    expect(unansweredText([{ title: 'Identité', answered: 2, total: 3 }, { title: 'Territoire rural', answered: 0, total: 1 }])).toEqual({
      heading: '2 sections ont encore des questions sans réponse :', lines: ['Identité : 2 / 3 réponses', 'Territoire rural : 0 / 1 réponse'],
    });
  });
});
