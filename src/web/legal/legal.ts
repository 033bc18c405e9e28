import { api } from '../lib/api';
import { useApi, type Loaded } from '../lib/useApi';

/** GET /api/legal: the operator's settings (null when not set) and the retention periods. */
export interface Legal {
  publisher: string | null; publisherAddress: string | null; publicationDirector: string | null; host: string | null;
  contact: string | null; dpoContact: string | null; legalBasis: string | null; accessibilityAudit: string | null;
  variables: Record<string, string>;
  retention: { tokensDays: number; outboxDays: number; auditDays: number; sessionDays: number };
}
export type LegalField = Exclude<keyof Legal, 'variables' | 'retention'>;

/** The legal settings, loaded once per page. */
export const useLegal = (): Loaded<Legal> => useApi('legal', (signal) => api.get<Legal>('/legal', undefined, signal));

/** "30 jours", "1 an". */
export function formatDays(days: number): string {
  if (days % 365 === 0) return days === 365 ? '1 an' : `${days / 365} ans`;
  return days === 1 ? '1 jour' : `${days} jours`;
}

/** The RGAA status the footer must show: the audit's level when the operator states one, else « non conforme » (no audit). */
export function conformity(l: Pick<Legal, 'accessibilityAudit'> | null): string {
  const m = l?.accessibilityAudit?.match(/^(totalement|partiellement) conforme/i);
  return m ? `${m[1].toLowerCase()} conforme` : 'non conforme';
}
