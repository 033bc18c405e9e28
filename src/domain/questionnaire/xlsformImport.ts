/**
 * XLSForm sheets → SurveyJS definition. Reads back our own exports without loss, and imports foreign
 * forms as far as SurveyJS can express them: each construct left out (repeats, geopoints, lists from
 * files, unknown functions…) is reported with its sheet and row instead of failing.
 */
import { aggregates, units } from '../indicators';
import type { Unit } from '../indicators';
import { fromXlsExpression } from './expressions';
import { questionMetadata } from './metadata';
import { rangeNote, splitRuleConstraint } from './xlsformRules';
import type { DefinitionElement, Mapping, QuestionnaireDefinition } from './types';
import { choiceColumns, mappingColumns, ruleColumns, surveyColumns } from './xlsformTypes';
import type { ImportIssue, XlsForm, XlsSheet } from './xlsformTypes';

type Row = Record<string, string>;
type Element = DefinitionElement;

/** Types with no SurveyJS counterpart here: the row (or the whole repeat) is left out. */
const unsupportedTypes = new Set(['geopoint', 'geotrace', 'geoshape', 'start-geopoint', 'image', 'audio', 'video', 'file',
  'barcode', 'background-audio', 'range', 'rank', 'hidden', 'xml-external', 'csv-external', 'trigger', 'acknowledge']);
/** ODK metadata collected by the device: nothing to ask, ignored. */
const deviceMetadata = new Set(['start', 'end', 'today', 'deviceid', 'username', 'phonenumber', 'email', 'audit', 'simserial', 'subscriberid']);
const knownColumns = new Set<string>([...surveyColumns, 'required_message']);

/** Result of an import: the definition and what was left out. */
export interface XlsImport {
  definition: QuestionnaireDefinition;
  issues: ImportIssue[];
}

/** Picks `label`, else a French `label::…` column, else the first `label::…` column. */
function localized(sheet: XlsSheet, base: string): string | undefined {
  if (sheet.columns.includes(base)) return base;
  const variants = sheet.columns.filter((c) => c.startsWith(`${base}::`));
  return variants.find((c) => /fr|fran/i.test(c)) ?? variants[0];
}

/** Trims names and values, and gives every expected column a value ('' when the sheet lacks it). */
function normalizeSheet(sheet: XlsSheet | undefined, expected: readonly string[] = []): XlsSheet {
  if (!sheet) return { columns: [], rows: [] };
  const blank = Object.fromEntries(expected.map((c) => [c, '']));
  const rename = new Map(sheet.columns.map((c) => [c, c.trim()]));
  return {
    columns: [...rename.values()],
    rows: sheet.rows.map((r) => ({ ...blank, ...Object.fromEntries(Object.entries(r).map(([k, v]) => [rename.get(k) ?? k, String(v ?? '').trim()])) })),
  };
}

/**
 * Converts XLSForm sheets to a definition.
 *
 * @example
 * const { definition, issues } = fromXlsForm(form);
 * issues; // [{ sheet: 'survey', row: 7, construct: 'geopoint', message: 'Type « geopoint » non pris en charge : ligne ignorée.' }]
 */
export function fromXlsForm(input: XlsForm): XlsImport {
  const issues: ImportIssue[] = [];
  const survey = normalizeSheet(input.survey, surveyColumns);
  const choicesSheet = normalizeSheet(input.choices, choiceColumns);
  const settings = normalizeSheet(input.settings).rows[0] ?? {};
  const labelColumn = localized(survey, 'label');
  const hintColumn = localized(survey, 'hint');
  const messageColumn = localized(survey, 'constraint_message');
  const choiceLabel = localized(choicesSheet, 'label');
  const lists = new Map<string, { value: string; text: string }[]>();
  for (const row of choicesSheet.rows) {
    if (!row.list_name || !row.name) continue;
    if (!lists.has(row.list_name)) lists.set(row.list_name, []);
    lists.get(row.list_name)!.push({ value: row.name, text: (choiceLabel && row[choiceLabel]) || row.name });
  }
  const booleans = yesNoQuestions(survey, lists);
  /** Rules written as constraints, to put back on their anchors at their place among its rules. */
  const constraintRules: { anchor: string; index: number; validator: Record<string, unknown> }[] = [];
  for (const column of survey.columns) {
    if (!knownColumns.has(column) && column !== labelColumn && column !== hintColumn && column !== messageColumn && !/^(label|hint|constraint_message)::/.test(column)) {
      const rows = survey.rows.flatMap((r, i) => (r[column] ? [i + 2] : []));
      for (const row of rows) issues.push({ sheet: 'survey', row, construct: `colonne ${column}`, message: `Colonne « ${column} » non prise en charge : valeur ignorée.` });
    }
  }

  const pages: Element[] = [];
  const stack: Element[] = [];
  const byName = new Map<string, Element>();
  let repeatDepth = 0;
  let strayPage: Element | undefined;
  const report = (row: number, construct: string, message: string) => issues.push({ sheet: 'survey', row, construct, message });
  const expression = (text: string, self: string, row: number, column: string): string | undefined => {
    if (!text) return undefined;
    const translated = fromXlsExpression(text, self, booleans);
    if (translated.unsupported.length === 0) return translated.expression;
    report(row, translated.unsupported.join(', '), `Colonne « ${column} » : ${translated.unsupported.join(', ')} sans équivalent, expression ignorée.`);
    return undefined;
  };
  const place = (element: Element, panel?: { name: string; title: string }): void => {
    const parent = stack[stack.length - 1];
    if (panel?.name) {
      const siblings = parent ? (parent.elements ??= []) : strayPage?.elements ?? [];
      const last = siblings.at(-1);
      if (last?.type === 'panel' && last.name === panel.name) return void last.elements!.push(element);
      return place({ type: 'panel', name: panel.name, ...(panel.title ? { title: panel.title } : {}), elements: [element] });
    }
    if (parent) (parent.elements ??= []).push(element);
    else {
      if (!strayPage) pages.push((strayPage = { name: `page${pages.length + 1}`, elements: [] }));
      strayPage.elements!.push(element);
    }
  };

  survey.rows.forEach((row, index) => {
    const at = index + 2;
    const [kind, ...rest] = row.type.replace(/\s+/g, ' ').split(' ');
    const type = kind.replace('-', '_').toLowerCase();
    if (!row.type) return;
    if (type === 'begin_repeat' || (type === 'begin' && rest[0] === 'repeat')) {
      if (repeatDepth++ === 0) report(at, 'begin repeat', `Groupe répété « ${row.name} » non pris en charge : ses questions sont ignorées jusqu’à « end repeat ».`);
      return;
    }
    if (type === 'end_repeat' || (type === 'end' && rest[0] === 'repeat')) return void (repeatDepth = Math.max(0, repeatDepth - 1));
    if (repeatDepth > 0) return;
    if (type === 'begin_group' || (type === 'begin' && rest[0] === 'group')) {
      const group: Element = { name: row.name || `groupe${at}`, ...(row[labelColumn ?? ''] ? { title: row[labelColumn!] } : {}),
        ...(hintColumn && row[hintColumn] ? { description: row[hintColumn] } : {}), elements: [] };
      const visibleIf = expression(row.relevant, group.name, at, 'relevant');
      if (visibleIf) group.visibleIf = visibleIf;
      if (stack.length === 0) { pages.push(group); strayPage = undefined; } else place({ type: 'panel', ...group });
      stack.push(stack.length === 0 ? group : (stack[stack.length - 1].elements!.at(-1) as Element));
      return;
    }
    if (type === 'end_group' || (type === 'end' && rest[0] === 'group')) return void stack.pop();
    if (deviceMetadata.has(type)) return report(at, type, `Métadonnée « ${type} » collectée par l’appareil : ignorée.`);
    if (unsupportedTypes.has(type) || type.endsWith('_from_file')) return report(at, type, `Type « ${type} » non pris en charge : ligne ignorée.`);
    const question = questionOf(row, type, rest, lists, at, report);
    if (!question) return;
    if (labelColumn && row[labelColumn]) question[question.type === 'html' ? 'html' : 'title'] = row[labelColumn];
    if (hintColumn && row[hintColumn]) question.description = row[hintColumn];
    const rule = applyLogic(question, row, at, expression, messageColumn);
    if (rule) constraintRules.push(rule);
    applyMetadata(question, row, type);
    byName.set(question.name, question);
    place(question, { name: row.panel, title: row.panel_label });
  });

  const sheetRules = new Map<Element, Record<string, unknown>[]>();
  for (const [i, rule] of normalizeSheet(input.rules, ruleColumns).rows.entries()) {
    const anchor = byName.get(rule.question);
    if (!anchor) { issues.push({ sheet: 'rules', row: i + 2, construct: 'règle', message: `Règle « ${rule.rule_id} » : question « ${rule.question} » inconnue, règle ignorée.` }); continue; }
    const translated = fromXlsExpression(rule.expression, anchor.name, booleans);
    if (translated.unsupported.length > 0) { issues.push({ sheet: 'rules', row: i + 2, construct: translated.unsupported.join(', '), message: `Règle « ${rule.rule_id} » : ${translated.unsupported.join(', ')} sans équivalent, règle ignorée.` }); continue; }
    if (!sheetRules.has(anchor)) sheetRules.set(anchor, []);
    sheetRules.get(anchor)!.push({ type: 'expression', ruleId: rule.rule_id, notificationType: rule.level || 'error', expression: translated.expression, text: rule.message });
  }
  for (const { anchor: name, index, validator } of constraintRules) {
    const anchor = byName.get(name);
    if (!anchor) { issues.push({ sheet: 'survey', row: 0, construct: 'rule_anchor', message: `Règle « ${String(validator.ruleId)} » : question d’ancrage « ${name} » inconnue, règle ignorée.` }); continue; }
    if (!sheetRules.has(anchor)) sheetRules.set(anchor, []);
    sheetRules.get(anchor)!.splice(index, 0, validator);
  }
  for (const [anchor, rules] of sheetRules) ((anchor.validators ??= []) as unknown[]).push(...rules);

  const mappings: Mapping[] = normalizeSheet(input.mappings, mappingColumns).rows.filter((m) => m.from && m.to).map((m) => ({ from: m.from, to: m.to, kind: 'meaning', note: m.note }));
  const year = Number(settings.year || settings.version);
  const definition: QuestionnaireDefinition = {
    ...(settings.form_title ? { title: settings.form_title } : {}),
    ...(settings.description ? { description: settings.description } : {}),
    ...(settings.locale ? { locale: settings.locale } : {}),
    ...(settings.checkErrorsMode ? { checkErrorsMode: settings.checkErrorsMode } : {}),
    senacs: { year: Number.isInteger(year) ? year : 0, theme: settings.theme ?? '', mappings },
    pages,
  };
  return { definition, issues };
}

function questionOf(row: Row, type: string, rest: string[], lists: Map<string, { value: string; text: string }[]>, at: number,
  report: (row: number, construct: string, message: string) => void): Element | undefined {
  const name = row.name;
  if (!name) return void report(at, type, 'Ligne sans nom : ignorée.');
  switch (type) {
    case 'text': return { type: row.appearance === 'multiline' ? 'comment' : 'text', name };
    case 'integer': case 'decimal': return { type: 'text', name, inputType: 'number' };
    case 'date': return { type: 'text', name, inputType: 'date' };
    case 'calculate': return { type: 'expression', name };
    case 'note': return { type: 'html', name };
    case 'select_one': case 'select_multiple': {
      const list = lists.get(rest[0] ?? '');
      if (!list) return void report(at, `${type} ${rest[0] ?? ''}`, `Liste de choix « ${rest[0] ?? ''} » absente de la feuille choices : ligne ignorée.`);
      const other = rest[1] === 'or_other' ? { showOtherItem: true } : {};
      if (type === 'select_one' && list.length === 2 && list[0].value === 'true' && list[1].value === 'false') return { type: 'boolean', name };
      if (type === 'select_multiple') return { type: 'checkbox', name, choices: list, ...other };
      return { type: row.appearance === 'minimal' ? 'dropdown' : 'radiogroup', name, choices: list, ...other };
    }
    default: return void report(at, type, `Type « ${type} » inconnu : ligne ignorée.`);
  }
}

const rangePart = /^\.\s*(>=|<=)\s*(?:date\('([^']*)'\)|(-?\d+(?:\.\d+)?))$/;
const regexPart = /^regex\(\.\s*,\s*'([^']*)'\)$/;

type ConstraintRule = { anchor: string; index: number; validator: Record<string, unknown> };

/** Names of the select_one questions whose list is exactly true/false: our yes/no questions. */
function yesNoQuestions(survey: XlsSheet, lists: Map<string, { value: string; text: string }[]>): Set<string> {
  const names = survey.rows.filter((r) => {
    const [kind, list] = r.type.trim().split(/\s+/);
    const values = lists.get(list ?? '')?.map((c) => c.value);
    return kind?.toLowerCase() === 'select_one' && values?.length === 2 && values[0] === 'true' && values[1] === 'false';
  });
  return new Set(names.map((r) => r.name));
}

/** Relevance, requiredness, calculation and constraint; returns the rule the constraint carries, if any. */
function applyLogic(question: Element, row: Row, at: number, expression: (t: string, self: string, row: number, column: string) => string | undefined,
  messageColumn: string | undefined): ConstraintRule | undefined {
  const visibleIf = expression(row.relevant, question.name, at, 'relevant');
  if (visibleIf) question.visibleIf = visibleIf;
  const required = row.required.toLowerCase();
  if (['yes', 'true', 'true()', '1'].includes(required)) question.isRequired = true;
  else if (required && !['no', 'false', 'false()', '0'].includes(required)) {
    const requiredIf = expression(row.required, question.name, at, 'required');
    if (requiredIf) question.requiredIf = requiredIf;
  }
  const calculation = expression(row.calculation, question.name, at, 'calculation');
  if (calculation && question.type === 'expression') question.expression = calculation;
  if (!row.constraint) return;
  let message = (messageColumn && row[messageColumn]) || '';
  const withRule = row.rule_id ? splitRuleConstraint(row.constraint) : undefined;
  const checks = withRule ? withRule.checks : row.constraint;
  let rule: ConstraintRule | undefined;
  if (withRule) {
    const ruleExpression = expression(withRule.rule, question.name, at, 'constraint');
    const [anchor, index] = (row.rule_anchor || question.name).split('#');
    const min = /\.\s*>=\s*(?:date\('([^']*)'\)|(-?[\d.]+))/.exec(checks);
    const max = /\.\s*<=\s*(?:date\('([^']*)'\)|(-?[\d.]+))/.exec(checks);
    const note = checks ? rangeNote(min ? min[1] ?? min[2] : undefined, max ? max[1] ?? max[2] : undefined) : '';
    const text = note && message.endsWith(note) ? message.slice(0, -note.length) : message;
    if (ruleExpression) rule = { anchor, index: Number(index) || 0, validator: { type: 'expression', ruleId: row.rule_id, notificationType: 'error', expression: ruleExpression, text } };
    message = '';
    if (!checks) return rule;
  }
  const parts = checks.split(/\s+and\s+/);
  if (parts.every((p) => rangePart.test(p) || regexPart.test(p))) {
    for (const part of parts) {
      const range = rangePart.exec(part);
      if (range) question[range[1] === '>=' ? 'min' : 'max'] = range[2] ?? Number(range[3]);
      const regex = regexPart.exec(part);
      if (regex) ((question.validators ??= []) as unknown[]).push({ type: 'regex', regex: regex[1], ...(message ? { text: message } : {}) });
    }
    return rule;
  }
  const constraint = expression(row.constraint, question.name, at, 'constraint');
  if (constraint) {
    ((question.validators ??= []) as unknown[]).push({ type: 'expression', ruleId: `${question.name}.contrainte`,
      notificationType: ['warning', 'info'].includes(row.level) ? row.level : 'error', expression: constraint, text: message || 'Réponse non conforme.' });
  }
  return rule;
}

const unitByType: Record<string, Unit> = { integer: 'count', text: 'text', date: 'date', select_one: 'choice' };

/** Our columns when present; for a foreign form, what the XLSForm type tells (decimal stays to be completed). */
function applyMetadata(question: Element, row: Row, type: string): void {
  if (question.type === 'html') return;
  const unit = (row.unit || (question.type === 'boolean' ? 'yesno' : unitByType[type] ?? '')) as Unit | '';
  const defaults: Record<string, string> = {
    indicator: question.name, unit,
    aggregate: unit === 'yesno' ? 'share' : unit === 'count' ? 'sum' : (units as readonly string[]).includes(unit) ? 'none' : '',
    disclosure: unit ? 'count' : '', section: '',
  };
  for (const key of questionMetadata) {
    const value = row[key] || defaults[key];
    if (value && (key !== 'aggregate' || (aggregates as readonly string[]).includes(value))) question[key] = value;
  }
}
