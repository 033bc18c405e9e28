/**
 * One survey row of an XLSForm → a SurveyJS question (xlsformImport.ts walks the rows): its type, and the
 * Senacs metadata, taken from our columns when present, else from the XLSForm type (a foreign form).
 */
import { aggregates, units } from '../indicators';
import type { Unit } from '../indicators';
import { questionMetadata } from './metadata';
import type { DefinitionElement } from './types';
import type { XlsSheet } from './xlsformTypes';

type Row = Record<string, string>;
type Element = DefinitionElement;
export type ChoiceLists = Map<string, { value: string; text: string }[]>;
export type Report = (row: number, column: string, construct: string, message: string) => void;

/** XLSForm types this import turns into questions (told to the author of a refused row). */
export const supportedTypes = ['text', 'integer', 'decimal', 'date', 'time', 'datetime', 'select_one <liste>', 'select_multiple <liste>',
  'calculate', 'note', 'begin group', 'end group'] as const;
/** Types with no counterpart here: the row is left out. */
export const unsupportedTypes = new Set(['geopoint', 'geotrace', 'geoshape', 'start_geopoint', 'image', 'audio', 'video', 'file', 'barcode',
  'background_audio', 'range', 'rank', 'hidden', 'xml_external', 'csv_external', 'trigger', 'acknowledge']);
/** ODK metadata collected by the device: nothing to ask, left out. */
export const deviceMetadata = new Set(['start', 'end', 'today', 'deviceid', 'username', 'email', 'phonenumber', 'audit', 'simserial', 'subscriberid']);

/** The default section of a question whose form has no `section` column: the block that changes each year. */
export const defaultSection = 'theme';

/**
 * A `type` cell as keyword and arguments: case-insensitive, `begin group`, `begin_group` and `begin-group`
 * alike, hyphens as underscores (`start-geopoint` → `start_geopoint`); list names keep their case.
 * @example parseType('Begin Group') // { type: 'begin_group', args: [] }
 */
export function parseType(cell: string): { type: string; args: string[] } {
  const words = cell.trim().split(/\s+/);
  const first = words[0].toLowerCase().replace(/-/g, '_');
  if ((first === 'begin' || first === 'end') && words[1]) return { type: `${first}_${words[1].toLowerCase()}`, args: words.slice(2) };
  return { type: first, args: words.slice(1) };
}

/** Names of the select_one questions whose list is exactly true/false: our yes/no questions. */
export function yesNoQuestions(survey: XlsSheet, lists: ChoiceLists): Set<string> {
  const names = survey.rows.filter((r) => {
    const { type, args } = parseType(r.type || '-');
    const values = lists.get(args[0] ?? '')?.map((c) => c.value);
    return type === 'select_one' && values?.length === 2 && values[0] === 'true' && values[1] === 'false';
  });
  return new Set(names.map((r) => r.name));
}

/**
 * The question of a row, or undefined (reported) when it cannot be one. A `select_multiple` becomes a panel
 * of yes/no questions `<name>.<choice>`: an answer is one value, as everywhere in Senacs.
 */
export function questionOf(row: Row, type: string, args: string[], lists: ChoiceLists, at: number, report: Report): Element | undefined {
  const name = row.name;
  if (!name) return void report(at, 'name', type, `Ligne ${at}, colonne « name » : nom absent, ligne ignorée (chaque question a un nom unique).`);
  switch (type) {
    case 'text': return { type: row.appearance === 'multiline' ? 'comment' : 'text', name };
    case 'integer': case 'decimal': return { type: 'text', name, inputType: 'number' };
    case 'date': return { type: 'text', name, inputType: 'date' };
    case 'time': return { type: 'text', name, inputType: 'time' };
    case 'datetime': return { type: 'text', name, inputType: 'datetime-local' };
    case 'calculate': return { type: 'expression', name };
    case 'note': return { type: 'html', name };
    case 'select_one': case 'select_multiple': {
      const list = lists.get(args[0] ?? '');
      if (!list) {
        return void report(at, 'type', `${type} ${args[0] ?? ''}`, `Ligne ${at}, colonne « type » : liste de choix « ${args[0] ?? ''} » absente de la feuille choices (colonne list_name), ligne ignorée. Listes présentes : ${[...lists.keys()].join(', ') || 'aucune'}.`);
      }
      const choices = [...list];
      if (args[1] === 'or_other') {
        choices.push({ value: 'other', text: 'Autre' });
        report(at, 'type', 'or_other', `Ligne ${at}, colonne « type » : « or_other » devient le choix « Autre » (other) ; la précision en texte libre n’est pas reprise.`);
      }
      if (type === 'select_multiple') {
        report(at, 'type', 'select_multiple', `Ligne ${at}, colonne « type » : choix multiple « ${name} » importé comme une question oui/non par choix (${choices.map((c) => `${name}.${c.value}`).join(', ')}).`);
        return { type: 'panel', name, elements: choices.map((c) => ({ type: 'boolean', name: `${name}.${c.value}`, title: c.text })) };
      }
      if (list.length === 2 && list[0].value === 'true' && list[1].value === 'false' && !args[1]) return { type: 'boolean', name };
      return { type: row.appearance === 'minimal' ? 'dropdown' : 'radiogroup', name, choices };
    }
    default:
      return void report(at, 'type', type, `Ligne ${at}, colonne « type » : type « ${row.type} » inconnu, ligne ignorée. Types acceptés : ${supportedTypes.join(', ')}.`);
  }
}

const unitByType: Record<string, Unit> = { integer: 'count', decimal: 'euros', text: 'text', time: 'text', datetime: 'text', date: 'date', select_one: 'choice', calculate: 'text' };

/**
 * Our columns when present; for a foreign form, what the XLSForm type tells: integer → count, decimal →
 * euros (disclosed as money, the stricter rule, until someone says better), yes/no → share, section `theme`.
 * @example applyMetadata(question, row, 'integer') // question.unit === 'count', question.section === 'theme'
 */
export function applyMetadata(question: Element, row: Row, type: string): void {
  if (question.type === 'html') return;
  const unit = (row.unit || (question.type === 'boolean' ? 'yesno' : unitByType[type] ?? '')) as Unit | '';
  const defaults: Record<string, string> = {
    indicator: question.name, unit,
    aggregate: unit === 'yesno' ? 'share' : unit === 'count' || unit === 'euros' ? 'sum' : (units as readonly string[]).includes(unit) ? 'none' : '',
    disclosure: unit === 'euros' ? 'money' : unit ? 'count' : '', section: defaultSection,
  };
  for (const key of questionMetadata) {
    const value = row[key] || defaults[key];
    if (value && (key !== 'aggregate' || (aggregates as readonly string[]).includes(value))) question[key] = value;
  }
}
