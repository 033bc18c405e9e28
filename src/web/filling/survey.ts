import { Model, type ITheme, type Question } from 'survey-core';
import 'survey-core/i18n/french';
// Metadata properties and rule functions: the same registration as on the server, without load.ts (files).
import { registerMetadata } from '../../domain/questionnaire/metadata';
import { attachContext } from '../../domain/questionnaire/functions';
import type { QualityContext, QuestionnaireDefinition } from '../../domain/questionnaire/types';
import { withFrenchNumbers } from './numberMask';

registerMetadata();

/**
 * The site's colours for SurveyJS: its default green on white is below the WCAG AA contrast ratio,
 * our blue is not (about 10:1 on white).
 */
const theme: ITheme = {
  themeName: 'senacs',
  colorPalette: 'light',
  isPanelless: false,
  cssVariables: {
    '--sjs-primary-backcolor': '#1f3a93',
    '--sjs-primary-backcolor-dark': '#14286b',
    '--sjs-primary-backcolor-light': 'rgba(31, 58, 147, 0.1)',
    '--sjs-primary-forecolor': '#ffffff',
    '--sjs-general-backcolor-dim': '#f6f7f9',
    '--sjs-general-forecolor': '#1e1e1e',
    '--sjs-general-forecolor-light': '#4a4f57',
    '--sjs-general-dim-forecolor-light': '#4a4f57',
    '--sjs-secondary-backcolor': '#b3261e',
    '--sjs-special-red': '#b3261e',
    '--sjs-font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
};

/** Questions whose value is answered by people (not totals computed from others, not text blocks). */
export function isAnswerable(q: Question): boolean {
  return q.getType() !== 'expression' && q.getType() !== 'html';
}

/**
 * A live SurveyModel for a response: French, saving as one types, every section reachable whatever its
 * errors (the team fills sections in any order), headings that follow the page's outline (h2 sections).
 */
export function buildSurvey(definition: QuestionnaireDefinition, data: Record<string, unknown>, readOnly: boolean, context: QualityContext = {}): Model {
  // Numbers typed the French way ("45 000,50"), saved as numbers; the unit shows in the field.
  const survey = new Model(withFrenchNumbers(definition));
  survey.locale = 'fr';
  survey.applyTheme(theme);
  survey.showTitle = false;
  survey.textUpdateMode = 'onTyping';
  survey.checkErrorsMode = 'onValueChanged';
  survey.validationAllowSwitchPages = true;
  survey.showCompleteButton = false;
  survey.clearInvisibleValues = 'none';
  survey.autoFocusFirstQuestion = false;
  survey.widthMode = 'responsive';
  survey.readOnly = readOnly;
  survey.onGetTitleTagName.add((_, o) => {
    const depth = (el: { parent?: unknown }): number => {
      let d = 0;
      for (let p = el.parent as { parent?: unknown; isPage?: boolean } | undefined; p && !p.isPage; p = p.parent as typeof p) d++;
      return d;
    };
    const el = o.element as unknown as { isPage?: boolean; parent?: unknown };
    if (el.isPage) o.tagName = 'h2';
    else o.tagName = `h${Math.min(6, 3 + depth(el))}`;
  });
  // prev() reads last year's answers here, as on the server; peer and external values are not sent to
  // the browser, so the validation panel (the server's verdict) remains the complete one.
  attachContext(survey, context);
  survey.mergeData(data);
  return survey;
}
