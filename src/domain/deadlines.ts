/**
 * Later deadlines per territory for a campaign (issue 8). The campaign has one closing date; the national
 * administrator may give a région or a département a later one. A structure's effective deadline is the
 * most specific one that applies: its département's, else its région's, else the campaign's.
 * Stored in `campaigns.deadlines` as { "departement:69": "2026-07-31", "region:84": "2026-07-15" }.
 */

export type DeadlineLevel = 'region' | 'departement';

/** Dates are ISO calendar days (AAAA-MM-JJ); comparing them as strings compares the days. */
export type IsoDay = string;

export interface EffectiveDeadline {
  date: IsoDay;
  /** Where the date comes from: the campaign itself, or a territory's later deadline. */
  source: 'campaign' | DeadlineLevel;
  /** The territory's code when the date comes from one. */
  code?: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const deadlineKey = (level: DeadlineLevel, code: string) => `${level}:${code}`;

/** A Date (midnight UTC, as the database returns DATE columns) or an ISO string, as AAAA-MM-JJ. */
export function isoDay(d: Date | string): IsoDay {
  if (typeof d === 'string') return d.slice(0, 10);
  return d.toISOString().slice(0, 10);
}

/** The territory deadlines of a campaign, keeping only well-formed entries. */
export function parseDeadlines(raw: unknown): { level: DeadlineLevel; code: string; date: IsoDay }[] {
  if (!raw || typeof raw !== 'object') return [];
  const out: { level: DeadlineLevel; code: string; date: IsoDay }[] = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const m = /^(region|departement):([0-9AB]{2,3})$/.exec(key);
    if (!m || typeof value !== 'string' || !ISO_DAY.test(value)) continue;
    out.push({ level: m[1] as DeadlineLevel, code: m[2], date: value });
  }
  return out.sort((a, b) => a.level.localeCompare(b.level) || a.code.localeCompare(b.code));
}

/**
 * The deadline that applies to one structure: its département's later deadline, else its région's, else
 * the campaign's closing date.
 * @example effectiveDeadline('2026-06-30', { 'departement:69': '2026-07-31' }, { departementCode: '69', regionCode: '84' })
 *   // → { date: '2026-07-31', source: 'departement', code: '69' }
 */
export function effectiveDeadline(
  closesOn: Date | string,
  deadlines: Record<string, string> | null | undefined,
  place: { departementCode: string; regionCode: string },
): EffectiveDeadline {
  const d = deadlines?.[deadlineKey('departement', place.departementCode)];
  if (d && ISO_DAY.test(d)) return { date: d, source: 'departement', code: place.departementCode };
  const r = deadlines?.[deadlineKey('region', place.regionCode)];
  if (r && ISO_DAY.test(r)) return { date: r, source: 'region', code: place.regionCode };
  return { date: isoDay(closesOn), source: 'campaign' };
}

/** Was a submission on `submittedOn` on time for this deadline (the deadline day itself counts)? */
export const onTime = (submittedOn: Date | string, deadline: EffectiveDeadline) => isoDay(submittedOn) <= deadline.date;

/**
 * Is a structure that has not submitted yet due a reminder on `today`? Everyone on the campaign's own
 * deadline is, as before; a structure granted a later deadline is left alone until that deadline has passed.
 */
export function dueForReminder(deadline: EffectiveDeadline, closesOn: Date | string, today: Date | string): boolean {
  if (deadline.date <= isoDay(closesOn)) return true;
  return deadline.date < isoDay(today);
}

/**
 * Checks a later deadline before it is stored: a calendar day after the campaign's closing date.
 * Returns a French reason, or null when it is acceptable.
 */
export function checkLaterDeadline(date: string, closesOn: Date | string): string | null {
  if (!ISO_DAY.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || isoDay(new Date(`${date}T00:00:00Z`)) !== date) {
    return 'Date attendue au format AAAA-MM-JJ.';
  }
  if (date <= isoDay(closesOn)) return `Le délai accordé doit être postérieur à la clôture de la campagne (${isoDay(closesOn)}).`;
  return null;
}
