/**
 * SurveyJS definition → XLSForm sheets that ODK Collect, Enketo and KoboToolbox run. Our metadata travel in
 * extra columns of the survey sheet (indicator, unit, aggregate, disclosure, section); a rule that ODK can
 * check becomes the `constraint` of the last question it reads (xlsformRules.ts; columns rule_id and
 * rule_anchor say where it came from), the others travel in a `rules` sheet; declared mappings in a
 * `mappings` sheet. A panel holding only computed totals is not written as a group (ODK would show an
 * empty labelled group): its calculations carry its name and title in the panel and panel_label columns.
 * The reverse lives in xlsformImport.ts, file reading and writing in src/app/questionnaires/xlsformFile.ts.
 */
import { toXlsExpression } from './expressions';
import { elementsInOrder, placeRules, rangeNote, ruleConstraint } from './xlsformRules';
import { questionMetadata } from './metadata';
import type { DefinitionElement, QuestionnaireDefinition } from './types';
import { choiceColumns, mappingColumns, ruleColumns, surveyColumns, yesNoList } from './xlsformTypes';
import type { XlsForm } from './xlsformTypes';

export { fromXlsForm } from './xlsformImport';
export type { XlsForm, XlsSheet, ImportIssue } from './xlsformTypes';

type Row = Record<string, string>;
interface Validator { type: string; regex?: string; text?: string; expression?: string; ruleId?: string; notificationType?: string }

const containerKeys = new Set(['type', 'name', 'title', 'description', 'visibleIf', 'elements']);
const questionKeys = new Set(['type', 'name', 'title', 'description', 'isRequired', 'requiredIf', 'visibleIf', 'inputType',
  'min', 'max', 'validators', 'choices', 'expression', 'html', ...questionMetadata]);
const settingsKeys = ['title', 'description', 'locale', 'checkErrorsMode'] as const;

/** Exported form, plus what could not be carried (empty for our definitions; checked by tests). */
export interface XlsExport {
  form: XlsForm;
  lost: string[];
}

function constraintOf(element: DefinitionElement, regexes: Validator[]): string {
  const quote = (v: unknown) => (element.inputType === 'date' ? `date('${String(v)}')` : String(v));
  const parts: string[] = [];
  if (element.min !== undefined) parts.push(`. >= ${quote(element.min)}`);
  if (element.max !== undefined) parts.push(`. <= ${quote(element.max)}`);
  for (const v of regexes) parts.push(`regex(., '${v.regex}')`);
  return parts.join(' and ');
}

function xlsType(element: DefinitionElement): { type: string; appearance?: string } | undefined {
  switch (element.type) {
    case 'text':
      if (element.inputType === 'number') return { type: element.unit === 'count' ? 'integer' : 'decimal' };
      if (element.inputType === 'date') return { type: 'date' };
      if (element.inputType === 'time') return { type: 'time' };
      if (element.inputType === 'datetime-local') return { type: 'datetime' };
      return element.inputType === undefined ? { type: 'text' } : undefined;
    case 'comment': return { type: 'text', appearance: 'multiline' };
    case 'boolean': return { type: `select_one ${yesNoList}` };
    case 'radiogroup': return { type: `select_one ${element.name}` };
    case 'dropdown': return { type: `select_one ${element.name}`, appearance: 'minimal' };
    case 'checkbox': return { type: `select_multiple ${element.name}` };
    case 'expression': return { type: 'calculate' };
    case 'html': return { type: 'note' };
    default: return undefined;
  }
}

/**
 * Converts a definition to XLSForm sheets (lossless for the properties our definitions use).
 *
 * @example
 * const { form, lost } = toXlsForm(definition);
 * form.survey.rows[0]; // { type: 'begin group', name: 'identite', label: 'Identité de la structure', … }
 */
export function toXlsForm(definition: QuestionnaireDefinition): XlsExport {
  const lost: string[] = [];
  const survey: Row[] = [];
  const choices: Row[] = [];
  const rules: Row[] = [];
  let yesNoListWritten = false;
  const booleans = new Set(elementsInOrder(definition).filter((e) => e.type === 'boolean').map((e) => e.name));
  const placed = placeRules(definition);
  const movedRules = new Set([...placed.values()].map((p) => p.rule));
  const xls = (expression: unknown): string => (typeof expression === 'string' && expression ? toXlsExpression(expression, booleans) : '');

  const writeQuestion = (element: DefinitionElement, panel?: DefinitionElement): void => {
    for (const key of Object.keys(element)) if (!questionKeys.has(key)) lost.push(`${element.name}.${key}`);
    const type = xlsType(element);
    if (!type) return void lost.push(`${element.name} (type ${String(element.type)})`);
    const validators = (element.validators ?? []) as Validator[];
    const regexes = validators.filter((v) => v.type === 'regex');
    if (regexes.length > 1) lost.push(`${element.name} : plusieurs expressions régulières`);
    for (const v of validators.filter((v) => v.type !== 'regex' && v.type !== 'expression')) lost.push(`${element.name} : validateur ${v.type}`);
    const checks = constraintOf(element, regexes);
    const rule = placed.get(element.name);
    const ruleText = rule ? ruleConstraint(rule.rule.expression ?? '', element.name, booleans) : '';
    const constraint = [checks, ruleText].filter(Boolean).join(' and ');
    const message = rule ? `${rule.rule.text ?? ''}${checks ? rangeNote(element.min, element.max) : ''}` : regexes[0]?.text ?? '';
    const row: Row = {
      type: type.type, name: element.name, label: String(element.type === 'html' ? element.html ?? '' : element.title ?? ''),
      hint: String(element.description ?? ''),
      required: element.isRequired ? 'yes' : xls(element.requiredIf),
      relevant: xls(element.visibleIf), constraint,
      constraint_message: message, calculation: xls(element.expression), appearance: type.appearance ?? '',
      level: constraint ? 'error' : '',
      rule_id: rule?.rule.ruleId ?? '', rule_anchor: rule ? `${rule.anchor}#${rule.index}` : '',
      panel: panel?.name ?? '', panel_label: panel ? String(panel.title ?? '') : '',
    };
    for (const key of questionMetadata) row[key] = element[key] === undefined ? '' : String(element[key]);
    survey.push(row);
    for (const v of validators.filter((v) => v.type === 'expression' && !movedRules.has(v))) {
      rules.push({ rule_id: v.ruleId ?? '', level: v.notificationType ?? 'error', question: element.name, expression: xls(v.expression), message: v.text ?? '' });
    }
    if (element.type === 'boolean' && !yesNoListWritten) {
      yesNoListWritten = true;
      choices.push({ list_name: yesNoList, name: 'true', label: 'Oui' }, { list_name: yesNoList, name: 'false', label: 'Non' });
    }
    for (const choice of (element.choices ?? []) as (string | { value: string; text?: string })[]) {
      const item = typeof choice === 'string' ? { value: choice, text: choice } : choice;
      choices.push({ list_name: element.name, name: String(item.value), label: item.text ?? String(item.value) });
    }
  };

  const writeContainer = (element: DefinitionElement, page: boolean): void => {
    for (const key of Object.keys(element)) if (!containerKeys.has(key)) lost.push(`${element.name}.${key}`);
    const children = element.elements ?? [];
    if (!page && children.length > 0 && children.every((c) => c.type === 'expression') && !element.visibleIf && !element.description) {
      for (const child of children) writeQuestion(child, element);
      return;
    }
    survey.push({ type: 'begin group', name: element.name, label: String(element.title ?? ''), hint: String(element.description ?? ''),
      relevant: xls(element.visibleIf), appearance: page ? 'field-list' : '' });
    for (const child of element.elements ?? []) {
      if (child.type === 'panel') writeContainer(child, false);
      else writeQuestion(child);
    }
    survey.push({ type: 'end group', name: element.name });
  };

  for (const page of definition.pages) writeContainer(page, true);
  for (const key of Object.keys(definition)) {
    if (!(settingsKeys as readonly string[]).includes(key) && key !== 'pages' && key !== 'senacs') lost.push(`questionnaire.${key}`);
  }
  const info = definition.senacs;
  const settings: Row = {
    form_title: String(definition.title ?? ''), form_id: `senacs_${info.year}`, version: String(info.year), default_language: 'French (fr)',
    description: String(definition.description ?? ''), locale: String(definition.locale ?? ''), checkErrorsMode: String(definition.checkErrorsMode ?? ''),
    year: String(info.year), theme: info.theme,
  };
  return {
    lost,
    form: {
      survey: { columns: [...surveyColumns], rows: survey.map((r) => fill(r, surveyColumns)) },
      choices: { columns: [...choiceColumns], rows: choices },
      settings: { columns: Object.keys(settings), rows: [settings] },
      rules: { columns: [...ruleColumns], rows: rules },
      mappings: { columns: [...mappingColumns], rows: info.mappings.map((m) => ({ from: m.from, to: m.to, kind: m.kind, note: m.note })) },
    },
  };
}

function fill(row: Row, columns: readonly string[]): Row {
  return Object.fromEntries(columns.map((c) => [c, row[c] ?? '']));
}
