/**
 * Types shared by the questionnaire modules: the yearly definition (SurveyJS JSON plus our `senacs`
 * block), the catalog of a version, rules and findings.
 */
import type { Aggregate, Section, Unit } from '../indicators';

export type { Aggregate, Section, Unit };

/** How a rule weighs: an error blocks submission, a warning needs a comment, an info only informs. */
export const levels = ['error', 'warning', 'info'] as const;
export type Level = (typeof levels)[number];

export const disclosures = ['count', 'money'] as const;
export type Disclosure = (typeof disclosures)[number];

/** A declared change of meaning between two versions: answers to `from` must not be compared with `to`. */
export interface Mapping {
  from: string;
  to: string;
  kind: 'meaning';
  note: string;
}

/** Our block at the top of a definition (SurveyJS custom survey property `senacs`). */
export interface VersionInfo {
  year: number;
  theme: string;
  mappings: Mapping[];
}

/** A yearly questionnaire as stored in `questionnaires/<year>/questionnaire.json`. */
export interface QuestionnaireDefinition {
  title?: string;
  description?: string;
  locale?: string;
  senacs: VersionInfo;
  pages: DefinitionElement[];
  [property: string]: unknown;
}

/** A page, panel or question of a definition, kept loose on purpose: SurveyJS owns that schema. */
export interface DefinitionElement {
  type?: string;
  name: string;
  elements?: DefinitionElement[];
  [property: string]: unknown;
}

export interface Choice {
  value: string;
  label: string;
}

/** One answerable (or derived) element of a version, keyed by its indicator code. */
export interface CatalogQuestion {
  code: string;
  label: string;
  unit: Unit;
  aggregate: Aggregate;
  disclosure: Disclosure;
  section: Section;
  /** SurveyJS element type: text, comment, boolean, radiogroup, dropdown, expression. */
  type: string;
  choices?: Choice[];
  /** Numbers: bounds; dates: ISO bounds. */
  min?: number | string;
  max?: number | string;
  /** Regular expressions a text answer must match, with their French message. */
  patterns?: { regex: string; message: string }[];
  required: boolean;
  requiredIf?: string;
  /** Visibility of the question, including that of its panels, as one SurveyJS expression. */
  visibleIf?: string;
  /** Set for computed elements (SurveyJS `expression`): the value is derived, never answered. */
  derived?: string;
}

/** A consistency rule: a SurveyJS expression that must be true, carried by an expression validator. */
export interface Rule {
  id: string;
  level: Level;
  expression: string;
  message: string;
  /** The question whose validator carries the rule (where the browser shows it). */
  anchor: string;
  /** Codes the rule reads: `{code}` variables and codes passed to prev/peerMedian/peerQuartile. */
  questions: string[];
}

/** Everything a server needs to validate answers of one version, without SurveyJS objects. */
export interface Catalog {
  year: number;
  title: string;
  theme: string;
  questions: Record<string, CatalogQuestion>;
  rules: Rule[];
  mappings: Mapping[];
}

/** What a rule or a check found. `rule` is a rule id or a built-in check such as `answer.type`. */
export interface Finding {
  rule: string;
  level: Level;
  message: string;
  questions: string[];
  /** Warnings only: true when a comment justifies it. */
  justified?: boolean;
}

export interface ValidationResult {
  errors: Finding[];
  warnings: Finding[];
  infos: Finding[];
}

/** Values the rule functions read; the caller supplies them (database, peer statistics, external data). */
export interface QualityContext {
  /** Answers of the same structure for the previous year, by code. */
  previous?: Record<string, unknown>;
  /** Statistics of the structure's peer group, by code. */
  peers?: Record<string, { median?: number; q1?: number; q3?: number }>;
  /** External data sets (e.g. ELISFA) for this structure, by data set then field. */
  external?: Record<string, Record<string, unknown>>;
}
