import { api } from '../lib/api';
import type { ApiResponse } from '../../http/apiTypes';
import { useApi, type Loaded } from '../lib/useApi';

/** GET /api/legal: the operator's settings (null when not set) and the retention periods. */
export type Legal = ApiResponse<'get', '/legal'>;
export type LegalField = Exclude<keyof Legal, 'variables' | 'retention'>;

/** The legal settings, loaded once per page. */
export const useLegal = (): Loaded<Legal> => useApi('legal', (signal) => api.get('/legal', undefined, signal));

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
