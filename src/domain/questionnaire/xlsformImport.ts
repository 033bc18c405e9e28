/**
 * XLSForm sheets → SurveyJS definition. Reads back our own exports without loss, and imports plain forms
 * from elsewhere as far as Senacs can carry them: headers in any case, our metadata columns optional (the
 * defaults are reported), each construct left out (repeats, loops, geopoints, lists from files, unknown
 * functions…) reported with its row, its column and what is accepted, instead of failing.
 */
import { fromXlsExpression } from './expressions';
import { questionMetadata } from './metadata';
import type { DefinitionElement, Mapping, QuestionnaireDefinition } from './types';
import { rangeNote, splitRuleConstraint } from './xlsformRules';
import { applyMetadata, defaultSection, deviceMetadata, parseType, questionOf, supportedTypes, unsupportedTypes, yesNoQuestions } from './xlsformQuestion';
import type { ChoiceLists } from './xlsformQuestion';
import { choiceColumns, mappingColumns, ruleColumns, surveyColumns } from './xlsformTypes';
import type { ImportIssue, XlsForm, XlsSheet } from './xlsformTypes';

type Row = Record<string, string>;
type Element = DefinitionElement;

const knownColumns = new Set<string>([...surveyColumns, 'required_message']);
/** Columns ODK knows that have no counterpart here, with what is lost. */
const ignoredColumns: Record<string, string> = {
  choice_filter: 'filtre de choix (listes en cascade) non pris en charge : tous les choix de la liste sont proposés',
  default: 'valeur par défaut non reprise', read_only: 'lecture seule non reprise', repeat_count: 'répétition non prise en charge',
  parameters: 'paramètres non repris', trigger: 'déclencheur non repris',
};

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

/** A header as pyxform reads it: case-insensitive (`Label::French (fr)` → `label::French (fr)`). */
function headerOf(column: string): string {
  const [base, ...language] = column.trim().split('::');
  return [base.trim().toLowerCase(), ...language].join('::');
}

/** Trims names and values, lower-cases headers, and gives every expected column a value ('' when the sheet lacks it). */
function normalizeSheet(sheet: XlsSheet | undefined, expected: readonly string[] = []): XlsSheet {
  if (!sheet) return { columns: [], rows: [] };
  const blank = Object.fromEntries(expected.map((c) => [c, '']));
  const rename = new Map(sheet.columns.map((c) => [c, headerOf(c)]));
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
  const lists: ChoiceLists = new Map();
  for (const row of choicesSheet.rows) {
    if (!row.list_name || !row.name) continue;
    if (!lists.has(row.list_name)) lists.set(row.list_name, []);
    lists.get(row.list_name)!.push({ value: row.name, text: (choiceLabel && row[choiceLabel]) || row.name });
  }
  const booleans = yesNoQuestions(survey, lists);
  const multiples = new Set(survey.rows.filter((r) => parseType(r.type || '-').type === 'select_multiple').map((r) => r.name));
  /** Rules written as constraints, to put back on their anchors at their place among its rules. */
  const constraintRules: { anchor: string; index: number; validator: Record<string, unknown> }[] = [];
  const report = (row: number, column: string, construct: string, message: string) => issues.push({ sheet: 'survey', row, column, construct, message });
  reportColumns(survey, [labelColumn, hintColumn, messageColumn], report);

  const pages: Element[] = [];
  const stack: Element[] = [];
  const byName = new Map<string, Element>();
  let skipped: { kind: 'repeat' | 'loop'; depth: number } | undefined;
  let strayPage: Element | undefined;
  const expression = (text: string, self: string, row: number, column: string): string | undefined => {
    if (!text) return undefined;
    const translated = fromXlsExpression(selectedAsYesNo(text, multiples), self, new Set([...booleans, ...yesNoOfMultiples(text, multiples)]));
    if (translated.unsupported.length === 0) return translated.expression;
    report(row, column, translated.unsupported.join(', '), `Ligne ${row}, colonne « ${column} » : ${translated.unsupported.join(', ')} sans équivalent, expression ignorée (fonctions acceptées : celles de SurveyJS, selected(), if(), coalesce de sommes).`);
    return undefined;
  };
  const place = (element: Element, panel?: { name: string; title: string }): void => {
    const parent = stack[stack.length - 1];
    if (panel?.name) {
      const siblings = parent ? (parent.elements ??= []) : strayPage?.elements ?? [];
      const last = siblings.at(-1);
      if (last?.type === 'panel' && last.name === panel.name) { last.elements!.push(element); return; }
      place({ type: 'panel', name: panel.name, ...(panel.title ? { title: panel.title } : {}), elements: [element] });
      return;
    }
    if (parent) (parent.elements ??= []).push(element);
    else {
      if (!strayPage) pages.push((strayPage = { name: `page${pages.length + 1}`, elements: [] }));
      strayPage.elements!.push(element);
    }
  };

  survey.rows.forEach((row, index) => {
    const at = index + 2;
    if (!row.type) return;
    const { type, args } = parseType(row.type);
    const block = /^(begin|end)_(repeat|loop)$/.exec(type);
    if (block) {
      const kind = block[2] as 'repeat' | 'loop';
      if (block[1] === 'begin') {
        if (!skipped) {
          skipped = { kind, depth: 0 };
          report(at, 'type', `begin ${kind}`, `Ligne ${at}, colonne « type » : ${kind === 'repeat' ? 'groupe répété' : 'boucle'} « ${row.name} » non pris en charge, ses questions sont ignorées jusqu’à « end ${kind} ». Types acceptés : ${supportedTypes.join(', ')}.`);
        }
        if (skipped.kind === kind) skipped.depth++;
      } else if (skipped?.kind === kind && --skipped.depth === 0) skipped = undefined;
      return;
    }
    if (skipped) return;
    if (type === 'begin_group') {
      const group: Element = { name: row.name || `groupe${at}`, ...(labelColumn && row[labelColumn] ? { title: piped(row[labelColumn]) } : {}),
        ...(hintColumn && row[hintColumn] ? { description: piped(row[hintColumn]) } : {}), elements: [] };
      const visibleIf = expression(row.relevant, group.name, at, 'relevant');
      if (visibleIf) group.visibleIf = visibleIf;
      if (stack.length === 0) { pages.push(group); strayPage = undefined; } else place({ type: 'panel', ...group });
      stack.push(stack.length === 0 ? group : (stack[stack.length - 1].elements!.at(-1) as Element));
      return;
    }
    if (type === 'end_group') return void stack.pop();
    if (deviceMetadata.has(type)) return report(at, 'type', type, `Ligne ${at}, colonne « type » : métadonnée « ${type} » collectée par l’appareil, ignorée.`);
    if (unsupportedTypes.has(type) || type.endsWith('_from_file') || type.endsWith('_external')) {
      return report(at, 'type', type, `Ligne ${at}, colonne « type » : type « ${row.type} » non pris en charge, ligne ignorée. Types acceptés : ${supportedTypes.join(', ')}.`);
    }
    const question = questionOf(row, type, args, lists, at, report);
    if (!question) return;
    if (question.type === 'panel') {
      for (const child of question.elements ?? []) { applyMetadata(child, {}, 'select_one'); byName.set(child.name, child); }
      if (labelColumn && row[labelColumn]) question.title = piped(row[labelColumn]);
      const visibleIf = expression(row.relevant, question.name, at, 'relevant');
      if (visibleIf) question.visibleIf = visibleIf;
      return place(question);
    }
    if (labelColumn && row[labelColumn]) question[question.type === 'html' ? 'html' : 'title'] = piped(row[labelColumn]);
    if (hintColumn && row[hintColumn]) question.description = piped(row[hintColumn]);
    const rule = applyLogic(question, row, at, expression, messageColumn);
    if (rule) constraintRules.push(rule);
    applyMetadata(question, row, type);
    byName.set(question.name, question);
    place(question, { name: row.panel, title: row.panel_label });
  });
  if (skipped) report(survey.rows.length + 1, 'type', `begin ${skipped.kind}`, `Fin de la feuille survey : « end ${skipped.kind} » manquant, les lignes qui suivent le début sont ignorées.`);
  if (byName.size > 0) reportDefaults(survey, report);

  const sheetRules = new Map<Element, Record<string, unknown>[]>();
  for (const [i, rule] of normalizeSheet(input.rules, ruleColumns).rows.entries()) {
    const anchor = byName.get(rule.question);
    if (!anchor) { issues.push({ sheet: 'rules', row: i + 2, column: 'question', construct: 'règle', message: `Règle « ${rule.rule_id} » : question « ${rule.question} » inconnue, règle ignorée.` }); continue; }
    const translated = fromXlsExpression(selectedAsYesNo(rule.expression, multiples), anchor.name, new Set([...booleans, ...yesNoOfMultiples(rule.expression, multiples)]));
    if (translated.unsupported.length > 0) { issues.push({ sheet: 'rules', row: i + 2, column: 'expression', construct: translated.unsupported.join(', '), message: `Règle « ${rule.rule_id} » : ${translated.unsupported.join(', ')} sans équivalent, règle ignorée.` }); continue; }
    if (!sheetRules.has(anchor)) sheetRules.set(anchor, []);
    sheetRules.get(anchor)!.push({ type: 'expression', ruleId: rule.rule_id, notificationType: rule.level || 'error', expression: translated.expression, text: rule.message });
  }
  for (const { anchor: name, index, validator } of constraintRules) {
    const anchor = byName.get(name);
    if (!anchor) { issues.push({ sheet: 'survey', row: 0, column: 'rule_anchor', construct: 'rule_anchor', message: `Règle « ${String(validator.ruleId)} » : question d’ancrage « ${name} » inconnue, règle ignorée.` }); continue; }
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
    ...(settings.checkerrorsmode ? { checkErrorsMode: settings.checkerrorsmode } : {}), // headers are read in lower case
    senacs: { year: Number.isInteger(year) ? year : 0, theme: settings.theme ?? '', mappings },
    pages,
  };
  return { definition, issues };
}

/** Labels may show answers (`${x}`): SurveyJS writes `{x}`. */
const piped = (text: string): string => text.replace(/\$\{([^}]+)\}/g, '{$1}');

const selectedCall = /selected\(\s*\$\{([^}]+)\}\s*,\s*'([^']*)'\s*\)/g;

/** `selected(${m}, 'x')` on a multiple choice imported as yes/no questions → `${m.x} = 'true'`. */
function selectedAsYesNo(text: string, multiples: ReadonlySet<string>): string {
  return text.replace(selectedCall, (call, name: string, value: string) => (multiples.has(name) ? `\${${name}.${value}} = 'true'` : call));
}

function yesNoOfMultiples(text: string, multiples: ReadonlySet<string>): string[] {
  return [...text.matchAll(selectedCall)].filter((m) => multiples.has(m[1])).map((m) => `${m[1]}.${m[2]}`);
}

/** Columns nobody reads here: each filled cell reported with what is lost. */
function reportColumns(survey: XlsSheet, localizedColumns: (string | undefined)[], report: (row: number, column: string, construct: string, message: string) => void): void {
  for (const column of survey.columns) {
    if (knownColumns.has(column) || localizedColumns.includes(column) || /^(label|hint|constraint_message|required_message|guidance_hint|media|image|audio|video)(::|$)/.test(column)) continue;
    const why = ignoredColumns[column] ?? 'colonne non prise en charge, valeur ignorée';
    survey.rows.forEach((r, i) => { if (r[column]) report(i + 2, column, `colonne ${column}`, `Ligne ${i + 2}, colonne « ${column} » : ${why}.`); });
  }
}

/** Our metadata columns are optional: say once which are missing and what was assumed. */
function reportDefaults(survey: XlsSheet, report: (row: number, column: string, construct: string, message: string) => void): void {
  const assumed: Record<string, string> = {
    indicator: 'le code de chaque question est son nom', unit: 'unité tirée du type (integer → count, decimal → euros, oui/non → yesno, choix → choice, texte → text, date → date)',
    aggregate: 'agrégation tirée de l’unité (somme, part, aucune)', disclosure: 'diffusion tirée de l’unité (euros → money, sinon count)',
    section: `section « ${defaultSection} » (bloc de l’année) pour toutes les questions`,
  };
  for (const column of questionMetadata) {
    if (!survey.columns.includes(column)) report(1, column, `colonne ${column}`, `Colonne « ${column} » absente (métadonnée Senacs facultative) : ${assumed[column]}.`);
  }
}

const rangePart = /^\.\s*(>=|<=)\s*(?:date\('([^']*)'\)|(-?\d+(?:\.\d+)?))$/;
const regexPart = /^regex\(\.\s*,\s*'([^']*)'\)$/;

type ConstraintRule = { anchor: string; index: number; validator: Record<string, unknown> };

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
