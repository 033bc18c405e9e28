import { describe, expect, it } from 'vitest';
import { checkLaterDeadline, dueForReminder, effectiveDeadline, onTime, parseDeadlines } from './deadlines';

const lyon = { departementCode: '69', regionCode: '84' };
const annecy = { departementCode: '74', regionCode: '84' };
const marseille = { departementCode: '13', regionCode: '93' };
const closes = new Date('2026-06-30T00:00:00Z');

describe('effective deadline', () => {
  it('is the campaign’s closing date without a territory deadline', () => {
    expect(effectiveDeadline(closes, {}, lyon)).toEqual({ date: '2026-06-30', source: 'campaign' });
    expect(effectiveDeadline('2026-06-30', null, lyon)).toEqual({ date: '2026-06-30', source: 'campaign' });
  });

  it('the région’s later deadline applies to its départements; the département’s wins over it', () => {
    const deadlines = { 'region:84': '2026-07-15', 'departement:69': '2026-07-31' };
    expect(effectiveDeadline(closes, deadlines, lyon)).toEqual({ date: '2026-07-31', source: 'departement', code: '69' });
    expect(effectiveDeadline(closes, deadlines, annecy)).toEqual({ date: '2026-07-15', source: 'region', code: '84' });
    expect(effectiveDeadline(closes, deadlines, marseille)).toEqual({ date: '2026-06-30', source: 'campaign' });
  });

  it('most specific wins even when the département’s date is earlier than the région’s', () => {
    expect(effectiveDeadline(closes, { 'region:84': '2026-08-31', 'departement:69': '2026-07-10' }, lyon).date).toBe('2026-07-10');
  });

  it('ignores malformed stored entries', () => {
    expect(effectiveDeadline(closes, { 'departement:69': 'demain' }, lyon).source).toBe('campaign');
    expect(parseDeadlines({ 'departement:69': '2026-07-31', 'planet:x': '2026-07-31', 'region:84': 3 })).toEqual([{ level: 'departement', code: '69', date: '2026-07-31' }]);
    expect(parseDeadlines(null)).toEqual([]);
  });
});

describe('on time and reminders', () => {
  const later = effectiveDeadline(closes, { 'departement:69': '2026-07-31' }, lyon);
  const normal = effectiveDeadline(closes, {}, marseille);

  it('the deadline day itself is on time', () => {
    expect(onTime(new Date('2026-07-31T20:00:00Z'), later)).toBe(true);
    expect(onTime('2026-08-01', later)).toBe(false);
    expect(onTime('2026-07-10', normal)).toBe(false);
  });

  it('a structure with a later deadline is reminded only once that deadline has passed', () => {
    expect(dueForReminder(normal, closes, '2026-05-01')).toBe(true);
    expect(dueForReminder(later, closes, '2026-07-15')).toBe(false);
    expect(dueForReminder(later, closes, '2026-07-31')).toBe(false);
    expect(dueForReminder(later, closes, '2026-08-01')).toBe(true);
  });

  it('a later deadline must come after the closing date and be a real day', () => {
    expect(checkLaterDeadline('2026-07-31', closes)).toBeNull();
    expect(checkLaterDeadline('2026-06-30', closes)).toMatch(/postérieur/);
    expect(checkLaterDeadline('2026-02-30', closes)).toMatch(/AAAA-MM-JJ/);
    expect(checkLaterDeadline('31/07/2026', closes)).toMatch(/AAAA-MM-JJ/);
  });
});
