/** Shared types of the quality engine. Pure data: findings are what the UI lists and the score counts. */

/** An answer as stored: a number, a yes/no, a choice or a text. `null`/absent means not answered. */
export type AnswerValue = number | boolean | string;
export type AnswerMap = Readonly<Record<string, AnswerValue | null | undefined>>;

export const findingKinds = ['completeness', 'consistency', 'year_over_year', 'copied_section', 'peer_outlier'] as const;
/** What produced a finding. */
export type FindingKind = (typeof findingKinds)[number];

export const findingLevels = ['error', 'warning', 'info'] as const;
/** `error`: cannot be right as typed; `warning`: needs a look or a comment; `info`: to know, lowers nothing much. */
export type FindingLevel = (typeof findingLevels)[number];

/**
 * One thing the engine noticed about a response.
 * @example { kind: 'consistency', level: 'error', codes: ['rh.etp.animation', 'rh.effectif.animation'],
 *   rule: 'etp_le_effectif.animation', reason: 'Les ETP animation (12,5) dépassent l’effectif animation (8)…', details: {…} }
 */
export interface Finding {
  kind: FindingKind;
  level: FindingLevel;
  /** The answers concerned (indicator codes), the suspect one first when the engine can tell. */
  codes: string[];
  /** Stable id of the check (rule id, `yoy`, `peer:<metric>`…), for grouping and for silencing with a comment. */
  rule: string;
  /** Plain French, with the numbers, saying why it looks wrong. */
  reason: string;
  details: Record<string, number | string | boolean | null>;
  /** The answer most likely wrong (also `codes[0]`), when the engine can tell; the other codes are context. */
  suspect?: Suspect;
}

/**
 * Where a finding points: the answer most likely wrong, how likely (0–1, against the other answers the
 * check read), and the value it probably should have, to propose (never to apply) to the structure.
 * @example { code: 'finances.tresorerie', likelihood: 0.97, correction: { value: 45000, reason: 'saisie en centimes ou avec deux zéros de trop (÷ 100)' } }
 */
export interface Suspect {
  code: string;
  likelihood: number;
  correction?: { value: number; reason: string };
}

/** One past year of the same structure (the engine only reads answers). */
export interface PastAnswers { year: number; answers: AnswerMap }

/** What lowered the score, in plain French. */
export interface ScoreDeduction { points: number; reason: string }

/** The quality of one response. */
export interface QualityReport {
  findings: Finding[];
  /** 0–100, see score.ts for the weights. */
  score: number;
  deductions: ScoreDeduction[];
  completeness: { expected: number; answered: number; missing: string[] };
}
