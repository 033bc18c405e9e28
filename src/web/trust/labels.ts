/** French words and formats of the trust pages. */
import type { QualityFinding } from './types';

export const levelLabel: Record<QualityFinding['level'], string> = { error: 'Incohérence', warning: 'Alerte', info: 'Remarque' };
export const kindLabel: Record<string, string> = {
  completeness: 'Complétude', consistency: 'Règle du questionnaire', year_over_year: 'Évolution sur un an',
  copied_section: 'Section recopiée', peer_outlier: 'Écart aux structures comparables',
};
export const messageKindLabel = { question: 'Question', answer: 'Réponse de la structure', close: 'Clôture' } as const;
export const queryStateLabel: Record<string, string> = { open: 'En attente de la structure', answered: 'Réponse reçue', closed: 'Close' };

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short' });
export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—');
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
export const formatPercent = (x: number | null) => (x === null ? '—' : percent.format(x));

/** An answer as people read it (a choice by its label when the choices are given). */
export function showValue(v: unknown, choices?: readonly { value: string; text: string }[]): string {
  if (v === null || v === undefined || v === '') return '—';
  const choice = choices?.find((c) => c.value === String(v));
  if (choice) return choice.text;
  if (typeof v === 'boolean') return v ? 'Oui' : 'Non';
  if (typeof v === 'number') return new Intl.NumberFormat('fr-FR').format(v);
  return String(v);
}

/** A number in its unit, as the quality messages write it ("45 000 €", "12,5"). */
export function showAmount(v: number, unit?: string): string {
  const n = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: unit === 'fte' ? 1 : 0 }).format(v);
  return unit === 'euros' ? `${n} €` : unit === 'share' ? `${n} %` : n;
}

/** Question labels and pages of a SurveyJS definition, in questionnaire order. */
export interface QuestionInfo { code: string; label: string; page: string; type: string; unit?: string; choices?: { value: string; text: string }[] }
export function questionsOf(definition: unknown): QuestionInfo[] {
  const out: QuestionInfo[] = [];
  const pages = (definition as { pages?: { title?: string; name: string; elements?: unknown[] }[] }).pages ?? [];
  const walk = (elements: unknown[] | undefined, page: string) => {
    for (const e of elements ?? []) {
      const el = e as { type?: string; name: string; title?: string; unit?: string; elements?: unknown[]; choices?: unknown[] };
      if (el.type === 'panel') walk(el.elements, page);
      else if (el.type !== 'html') {
        const choices = el.choices?.map((c) => (typeof c === 'object' && c !== null
          ? { value: String((c as { value: unknown }).value), text: String((c as { text?: unknown }).text ?? (c as { value: unknown }).value) }
          : { value: String(c), text: String(c) }));
        out.push({ code: el.name, label: el.title ?? el.name, page, type: el.type ?? 'text', ...(el.unit ? { unit: el.unit } : {}), ...(choices ? { choices } : {}) });
      }
    }
  };
  for (const p of pages) walk(p.elements, p.title ?? p.name);
  return out;
}
