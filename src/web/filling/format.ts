/** French renderings of answer values and moments for the filling page. */

const dateTime = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** "12 mars 2026, 14:05", in the reader's own time zone (these are moments, not calendar days). */
export function formatMoment(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateTime.format(d);
}

/** A value as people read it: "(vide)", "Oui", "1 234", "a, b". */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return '(vide)';
  if (typeof v === 'boolean') return v ? 'Oui' : 'Non';
  if (typeof v === 'number') return numberFormat.format(v);
  if (Array.isArray(v)) return v.map(String).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
