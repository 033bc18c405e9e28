/** Shapes of an XLSForm held in memory: named sheets of rows keyed by column name. */

/** One sheet: its column names in order, and its rows (row i is spreadsheet row i + 2). */
export interface XlsSheet {
  columns: string[];
  rows: Record<string, string>[];
}

/** survey, choices and settings sheets, plus our `rules` and `mappings` sheets. */
export type XlsForm = Record<string, XlsSheet>;

/** Something of a foreign form that was not imported (or imported partly), with where it was. */
export interface ImportIssue {
  sheet: string;
  /** Spreadsheet row number (1 = header), 0 when the issue concerns the whole sheet. */
  row: number;
  /** The column the issue is about (`type`, `relevant`…), when it is about one. */
  column?: string;
  construct: string;
  message: string;
}

export const surveyColumns = [
  'type', 'name', 'label', 'hint', 'required', 'relevant', 'constraint', 'constraint_message', 'calculation', 'appearance',
  'indicator', 'unit', 'aggregate', 'disclosure', 'section', 'level', 'rule_id', 'rule_anchor', 'panel', 'panel_label',
] as const;
export const choiceColumns = ['list_name', 'name', 'label'] as const;
export const ruleColumns = ['rule_id', 'level', 'question', 'expression', 'message'] as const;
export const mappingColumns = ['from', 'to', 'kind', 'note'] as const;

/** Choice list used for yes/no questions (SurveyJS booleans). */
export const yesNoList = 'oui_non';
