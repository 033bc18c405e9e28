import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database$ } from '../../db/connection';
import { getCampaignByYear } from '../../db/campaign.repo';
import { lateStructures } from '../../db/cockpit.repo';
import { reminderMail } from './sendReminders';
import { openTestDatabase } from '../../testing/testDb';
import { DEMO, testClient } from '../../testing/http';

/** Issue 8: a later deadline for a territory changes the cockpit's on-time rate and who is reminded as late. */

let database: Database$;
let client: ReturnType<typeof testClient>;
let national: Record<string, string>;
let caf: Record<string, string>;
let year: number;

const send = (method: string, path: string, h: Record<string, string>, body?: unknown) =>
  client.request(path, { method, headers: { 'content-type': 'application/json', ...h }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const cockpit = async (qs: string) => (await (await client.request(`/api/campaigns/${year}/cockpit?${qs}`, { headers: national })).json()) as { onTimeRate: number | null; campaign: { deadlines: unknown[] } };

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  const { db } = database;
  const open = await db.selectFrom('campaigns').select(['year', 'id']).where('state', '=', 'open').executeTakeFirstOrThrow();
  year = open.year;
  // Every submission of the Rhône arrives two weeks after the campaign's closing date; elsewhere the day before it.
  await sql`update responses r set submitted_at = (c.closes_on + interval '15 days' + interval '10 hours')
    from campaigns c, structures s where c.id = r.campaign_id and s.id = r.structure_id and r.campaign_id = ${open.id}
    and r.submitted_at is not null and s.departement_code = '69'`.execute(db);
  await sql`update responses r set submitted_at = (c.closes_on - interval '1 day')
    from campaigns c, structures s where c.id = r.campaign_id and s.id = r.structure_id and r.campaign_id = ${open.id}
    and r.submitted_at is not null and s.departement_code <> '69'`.execute(db);
  [national, caf] = await Promise.all([client.loginAs(DEMO.national), client.loginAs(DEMO.caf69)]);
});
afterAll(() => database?.close());

describe('later deadlines per territory', () => {
  it('only the national administration grants one, on a real territory, after the closing date, before the campaign closes', async () => {
    const body = { level: 'departement', code: '69', date: '2099-12-31' };
    expect((await send('PUT', `/api/campaigns/${year}/deadlines`, {}, body)).status).toBe(401);
    expect((await send('PUT', `/api/campaigns/${year}/deadlines`, caf, body)).status).toBe(403);
    expect((await send('PUT', `/api/campaigns/${year}/deadlines`, national, { ...body, code: '00' })).status).toBe(404);
    const early = await send('PUT', `/api/campaigns/${year}/deadlines`, national, { ...body, date: '2000-01-01' });
    expect(early.status).toBe(400);
    expect(((await early.json()) as { error: { message: string } }).error.message).toMatch(/postérieur/);
    expect((await send('PUT', `/api/campaigns/${year - 1}/deadlines`, national, body)).status).toBe(409);
  });

  it('a département’s later deadline turns its late submissions into on-time ones, and leaves other territories alone', async () => {
    expect((await cockpit('level=departement&code=69')).onTimeRate).toBe(0);
    const marseille = (await cockpit('level=departement&code=13')).onTimeRate;
    const nationBefore = (await cockpit('level=nation')).onTimeRate!;
    expect(marseille).toBe(1);
    const res = await send('PUT', `/api/campaigns/${year}/deadlines`, national, { level: 'departement', code: '69', date: '2099-12-31' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ deadlines: [{ level: 'departement', code: '69', date: '2099-12-31' }] });
    const after = await cockpit('level=departement&code=69');
    expect(after.onTimeRate).toBe(1);
    expect(after.campaign.deadlines).toEqual([{ level: 'departement', code: '69', date: '2099-12-31' }]);
    expect((await cockpit('level=departement&code=13')).onTimeRate).toBe(1);
    expect((await cockpit('level=nation')).onTimeRate!).toBeGreaterThan(nationBefore);
  });

  it('the most specific territory wins: a région’s earlier extension does not override the département’s', async () => {
    expect((await send('PUT', `/api/campaigns/${year}/deadlines`, national, { level: 'region', code: '84', date: `${year + 1}-07-01` })).status).toBe(200);
    expect((await cockpit('level=departement&code=69')).onTimeRate).toBe(1);
  });

  it('structures whose later deadline has not passed are not reminded as late; removing the deadline reminds them again', async () => {
    const campaign = (await getCampaignByYear(database.db, year))!;
    const today = new Date();
    const withoutDeadline = await lateStructures(database.db, { ...campaign, deadlines: {} }, { level: 'departement', code: '69' }, today);
    expect(withoutDeadline.length).toBeGreaterThan(0);
    expect(await lateStructures(database.db, campaign, { level: 'departement', code: '69' }, today)).toEqual([]);
    const region = await lateStructures(database.db, campaign, { level: 'region', code: '84' }, today);
    expect(region.length).toBeGreaterThan(0);
    expect(region.every((s) => s.departement_code !== '69')).toBe(true);

    const reminded = await (await send('POST', `/api/campaigns/${year}/reminders?level=departement&code=69`, caf, {})).json();
    expect(reminded).toMatchObject({ structures: 0, mails: 0 });

    expect((await send('PUT', `/api/campaigns/${year}/deadlines`, national, { level: 'departement', code: '69', date: null })).status).toBe(200);
    const again = await (await send('POST', `/api/campaigns/${year}/reminders?level=departement&code=69`, caf, {})).json();
    expect(again.structures).toBe(withoutDeadline.length);
  });

  it('the reminder of a structure with a later deadline names its own date', () => {
    const campaign = { year: 2025, closes_on: new Date('2026-06-30T00:00:00Z') };
    const later = reminderMail({ name: 'Centre social', state: 'in_progress', deadline: { date: '2026-07-31', source: 'departement', code: '69' } }, campaign, 'http://x');
    expect(later.body).toContain('Votre réponse est attendue au plus tard le 31 juillet 2026');
    expect(reminderMail({ name: 'Centre social', state: 'in_progress', deadline: { date: '2026-06-30', source: 'campaign' } }, campaign, 'http://x').body)
      .toContain('La campagne se termine le 30 juin 2026');
  });
});
