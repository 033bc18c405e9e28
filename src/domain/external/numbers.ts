/**
 * Numbers as French spreadsheets and exports write them: « 1 234,5 » (space, no-break or narrow no-break
 * space between thousands), « 1.234,5 », « 12 % », « 15 k€ », « 1,2 M€ ». Decisions:
 * - a lone comma is the decimal separator; a lone dot too (files exported with dot decimals), unless
 *   it groups thousands several times (« 1.234.567 »);
 * - « % » keeps the number as written (12 % → 12): the mapped indicator says what scale it uses;
 * - « k€ » multiplies by 1 000 and « M€ » by 1 000 000; a bare « € » is dropped;
 * - anything else (letters, two decimal separators, « 12-3 ») is malformed, never guessed.
 */
export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

const spaces = /[\s\u00a0\u202f']/g;

/**
 * Parses one cell the French way; `null`/blank is "no value", not an error.
 * @example parseFrenchNumber('1 234,5') // { ok: true, value: 1234.5 }
 * @example parseFrenchNumber('15 k€') // { ok: true, value: 15000 }
 * @example parseFrenchNumber('douze').ok // false
 */
export function parseFrenchNumber(cell: string | number | boolean | null): ParsedNumber | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false, message: 'nombre non fini' };
  if (typeof cell === 'boolean') return { ok: false, message: `« ${cell ? 'VRAI' : 'FAUX'} » n’est pas un nombre` };
  const raw = cell.trim();
  if (raw === '' || raw === '-' || raw === '—') return null;
  let text = raw.replace(spaces, '');
  let factor = 1;
  const unit = /(k€|keur|m€|meur|€|eur|%)$/i.exec(text);
  if (unit) {
    const u = unit[1].toLowerCase();
    factor = u.startsWith('k') ? 1000 : u.startsWith('m') ? 1_000_000 : 1;
    text = text.slice(0, -unit[1].length);
  }
  let normal: string | null = null;
  if (/^[-+]?\d+$/.test(text)) normal = text;
  else if (/^[-+]?\d+,\d+$/.test(text)) normal = text.replace(',', '.');
  else if (/^[-+]?\d{1,3}(\.\d{3}){2,}$/.test(text)) normal = text.replace(/\./g, '');
  else if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(text)) normal = text.replace(/\./g, '').replace(',', '.');
  else if (/^[-+]?\d*\.\d+$/.test(text)) normal = text;
  if (normal === null) return { ok: false, message: `« ${raw} » n’est pas un nombre lisible (exemples acceptés : 1 234,5 ; 12 % ; 15 k€)` };
  const value = Number(normal) * factor;
  // Rounds away binary noise from the multiplication (1,2 M€ → 1200000, not 1199999.9999).
  return { ok: true, value: factor === 1 ? value : Math.round(value * 1e6) / 1e6 };
}
