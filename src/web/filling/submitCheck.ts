import type { PageModel } from 'survey-core';
import { sectionProgress } from './Sections';

/** A section that still has questions without an answer. */
export interface UnansweredSection { title: string; answered: number; total: number }

/**
 * The shown sections with questions still unanswered, named before the irreversible « Transmettre »
 * (hidden sections and questions, computed totals and text blocks do not count).
 * @example unansweredSections(survey.visiblePages) // [{ title: 'Finances', answered: 3, total: 5 }]
 */
export function unansweredSections(pages: readonly PageModel[]): UnansweredSection[] {
  return pages.map((p) => ({ title: p.processedTitle || p.name, ...sectionProgress(p) })).filter((p) => p.answered < p.total);
}

/**
 * The confirmation's French lines: how many sections are incomplete, then one line per section.
 * @example unansweredText([{ title: 'Finances', answered: 3, total: 5 }]) // { heading: 'Une section a encore des questions sans réponse :', lines: ['Finances : 3 / 5 réponses'] }
 */
export function unansweredText(sections: readonly UnansweredSection[]): { heading: string; lines: string[] } {
  if (sections.length === 0) return { heading: 'Toutes les sections sont complètes.', lines: [] };
  return {
    heading: `${sections.length === 1 ? 'Une section a' : `${sections.length} sections ont`} encore des questions sans réponse :`,
    lines: sections.map((u) => `${u.title} : ${u.answered} / ${u.total} ${u.total > 1 ? 'réponses' : 'réponse'}`),
  };
}
