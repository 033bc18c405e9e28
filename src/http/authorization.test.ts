import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database$ } from '../db/connection';
import { openTestDatabase } from '../testing/testDb';
import { DEMO, testClient } from '../testing/http';
import { TEST_PASSWORD } from '../testing/template';
import { createUser } from '../app/accounts/createUser';
import { invitationTokenHash } from '../app/invitations/inviteMember';
import { flushQualityRecomputes } from '../app/quality/scheduleQualityRecompute';
import { writeWatcher } from '../testing/dbFingerprint';
import { enqueueJob } from '../db/jobs.repo';
import { allRouteDocs } from './app';

/**
 * The authorization matrix: every documented route × every kind of actor × a target inside and outside
 * the actor's scope, with the status each cell must answer. A route added to `allRouteDocs` without a row
 * here makes the coverage test fail.
 */

const ACTORS = ['anonymous', 'national', 'regionAra', 'caf69', 'federation69', 'director', 'team', 'board', 'cor13', 'dir13'] as const;
type ActorKey = (typeof ACTORS)[number];
const SIGNED_IN = ACTORS.filter((a) => a !== 'anonymous');

/** Structures the cells point at: the demo centre (Lyon, 69, region 84), another Rhône structure, one in Savoie (84), one in 13 (93). */
type Target = 'lyon' | 'other69' | 'ara73' | 's13';
interface Ids {
  lyon: number; other69: number; ara73: number; s13: number; missing: number; year: number;
  /** Each target's response to the previous (closed) campaign: writes there are refused without side effects. */
  responses: Record<Target, number>; missingResponse: number;
  /** A closed query on the previous response of Lyon and of the Marseille structure: no step applies to it. */
  queries: { lyon: number; s13: number };
  /** Local questions of an older (closed) campaign, for 69 and 13: frozen, any change is refused after authorization. */
  localQuestions: { d69: number; d13: number }; localYear: number;
  /** A refused consent request from Lyon to the Marseille structure: no decision or withdrawal applies to it. */
  consent: number;
  /** A mail of Lyon already sent: sending it again applies to no one (409 for the national administration). */
  sentMail: number;
  sirets: { lyon: string; s13: string };
  /** A revoked invitation of Lyon and of the Marseille structure (no step applies), and links: one pending, one revoked. */
  invitations: { lyon: number; s13: number }; pendingToken: string; revokedToken: string;
  /** A job the national administration asked for (a publication, never run here): followed by its author only. */
  nationalJob: number;
}

/** Who may read a structure's private pages: its own people, its département's correspondents, its region's coordinator, the nation. */
const STRUCTURE_READERS: Record<Target, ActorKey[]> = {
  lyon: ['national', 'regionAra', 'caf69', 'federation69', 'director', 'team', 'board'],
  other69: ['national', 'regionAra', 'caf69', 'federation69'],
  ara73: ['national', 'regionAra'],
  s13: ['national', 'cor13', 'dir13'],
};

/** Who may follow a territory's campaign. */
const TERRITORY_FOLLOWERS: Record<string, ActorKey[]> = {
  '': ['national'],
  'level=nation': ['national'],
  'level=region&code=84': ['national', 'regionAra'],
  'level=region&code=93': ['national'],
  'level=departement&code=69': ['national', 'regionAra', 'caf69', 'federation69'],
  'level=departement&code=73': ['national', 'regionAra'],
  'level=departement&code=13': ['national', 'cor13'],
};

type Expect = Record<ActorKey, number>;
const everyone = (status: number): Expect => Object.fromEntries(ACTORS.map((a) => [a, status])) as Expect;
/** 200 for the listed actors, 401 for the anonymous visitor, 403 for every other signed-in actor. */
const onlyFor = (allowed: ActorKey[]): Expect =>
  Object.fromEntries(ACTORS.map((a) => [a, allowed.includes(a) ? 200 : a === 'anonymous' ? 401 : 403])) as Expect;
/** Signed-in actors get `status`, the anonymous visitor 401 (authentication comes before lookups). */
const signedIn = (status: number): Expect => ({ ...everyone(status), anonymous: 401 });

interface Cell {
  label: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: (ids: Ids) => string;
  body?: (actor: ActorKey) => unknown;
  /** A body sent as is, with its own content type (file uploads). */
  raw?: { type: string; body: (ids: Ids) => string };
  /** A cell of a public row that answers only some actors: its bodies are not compared across actors. */
  restricted?: boolean;
  /** Send the session cookie without the CSRF token. */
  noCsrf?: boolean;
  /** Log in afresh for this cell (it ends the session). */
  freshSession?: boolean;
  expect: Expect;
}
interface Row { route: string; visibility: 'public' | 'self' | 'private'; cells: Cell[] }

const email = (a: ActorKey) => (a === 'anonymous' ? 'personne@example.org' : a === 'cor13' ? COR13 : a === 'dir13' ? DIR13 : DEMO[a]);
const COR13 = 'caf13@test.senacs.test';
const DIR13 = 'direction13@test.senacs.test';

const structureCells = (sub: string): Cell[] => [
  ...(['lyon', 'other69', 'ara73', 's13'] as const).map((t): Cell => ({ label: t, path: (ids) => `/api/structures/${ids[t]}${sub}`, expect: onlyFor(STRUCTURE_READERS[t]) })),
  { label: 'unknown id', path: (ids) => `/api/structures/${ids.missing}${sub}`, expect: everyone(404) },
  { label: 'id that cannot exist', path: () => `/api/structures/abc${sub}`, expect: everyone(404) },
];

const territoryCells = (what: 'progress' | 'responses' | 'cockpit'): Cell[] => [
  ...Object.entries(TERRITORY_FOLLOWERS).map(([qs, allowed]): Cell => ({
    label: qs || '(default: nation)', path: (ids) => `/api/campaigns/${ids.year}/${what}${qs ? `?${qs}` : ''}`, expect: onlyFor(allowed),
  })),
  { label: 'older campaign, département 69', path: (ids) => `/api/campaigns/${ids.year - 1}/${what}?level=departement&code=69`, expect: onlyFor(TERRITORY_FOLLOWERS['level=departement&code=69']) },
  { label: 'unknown département', path: (ids) => `/api/campaigns/${ids.year}/${what}?level=departement&code=00`, expect: signedIn(404) },
  { label: 'unknown region', path: (ids) => `/api/campaigns/${ids.year}/${what}?level=region&code=99`, expect: signedIn(404) },
  { label: 'region without code', path: (ids) => `/api/campaigns/${ids.year}/${what}?level=region`, expect: signedIn(400) },
  { label: 'unknown campaign', path: () => `/api/campaigns/1999/${what}?level=departement&code=69`, expect: everyone(404) },
  { label: 'bad level', path: (ids) => `/api/campaigns/${ids.year}/${what}?level=planet`, expect: everyone(400) },
];

/** Reviewers get `ok`, the structure's own people 403, everyone else signed in 404 (it hides), the visitor 401. */
const reviewerExpect = (t: Target, ok: number): Expect =>
  Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' ? 401 : STRUCTURE_REVIEWERS[t].includes(a) ? ok : STRUCTURE_READERS[t].includes(a) ? 403 : 404])) as Expect;
const TERRITORY_STAFF: ActorKey[] = ['national', 'regionAra', 'caf69', 'federation69', 'cor13'];
/** Ids of people the people rows point at, read once the 13 correspondent exists. */
const peopleIds = { cor13: 0 };

/** Who may fill (the structure's own people) and manage (its director) each target's response. */
const STRUCTURE_FILLERS: Record<Target, ActorKey[]> = { lyon: ['director', 'team', 'board'], other69: [], ara73: [], s13: ['dir13'] };
const STRUCTURE_MANAGERS: Record<Target, ActorKey[]> = { lyon: ['director'], other69: [], ara73: [], s13: ['dir13'] };
const TARGETS = ['lyon', 'other69', 'ara73', 's13'] as const;

/**
 * Responses hide themselves: whoever may not read one gets the same 404 as for a response that does not exist.
 * `allowed` get `ok`, other readers of the structure `readerStatus`, everyone else signed in 404, the visitor 401.
 */
const responseExpect = (t: Target, allowed: ActorKey[], ok: number, readerStatus = 403): Expect =>
  Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' ? 401 : allowed.includes(a) ? ok : STRUCTURE_READERS[t].includes(a) ? readerStatus : 404])) as Expect;

const responseCells = (sub: string, expectFor: (t: Target) => Expect, extra: Partial<Cell> = {}): Cell[] => [
  ...TARGETS.map((t): Cell => ({ label: t, path: (ids) => `/api/responses/${ids.responses[t]}${sub}`, expect: expectFor(t), ...extra })),
  { label: 'unknown response', path: (ids) => `/api/responses/${ids.missingResponse}${sub}`, expect: signedIn(404), ...extra },
];
const readResponse = (sub: string) => responseCells(sub, (t) => responseExpect(t, STRUCTURE_READERS[t], 200));
const write = (method: 'POST' | 'PUT', body: unknown) => ({ method, body: () => body }) as Partial<Cell>;


/** Who may review (query, validate, reopen) each target's response: its département, its region, the nation. */
const STRUCTURE_REVIEWERS: Record<Target, ActorKey[]> = {
  lyon: ['national', 'regionAra', 'caf69', 'federation69'], other69: ['national', 'regionAra', 'caf69', 'federation69'], ara73: ['national', 'regionAra'], s13: ['national', 'cor13'],
};
/** `ok` for the listed actors, 401 for the visitor, 403 for every other signed-in actor. */
const statusFor = (allowed: ActorKey[], ok: number): Expect =>
  Object.fromEntries(ACTORS.map((a) => [a, allowed.includes(a) ? ok : a === 'anonymous' ? 401 : 403])) as Expect;

/** Territory-scoped writes and reads outside the campaign paths (outbox, reminders, export): followers get `ok`. */
const followerCells = (path: (ids: Ids, qs: string) => string, ok: number, extra: Partial<Cell> = {}): Cell[] => [
  ...Object.entries(TERRITORY_FOLLOWERS).map(([qs, allowed]): Cell => ({ label: qs || '(default: nation)', path: (ids) => path(ids, qs), expect: statusFor(allowed, ok), ...extra })),
  { label: 'unknown département', path: (ids) => path(ids, 'level=departement&code=00'), expect: signedIn(404), ...extra },
  { label: 'bad level', path: (ids) => path(ids, 'level=planet'), expect: everyone(400), ...extra },
];

/** The closed queries: the structure's people may reply, reviewers close or ask again; none applies (409). */
const queryCells = (sub: string, who: Record<Target, ActorKey[]>): Cell[] => [
  ...(['lyon', 's13'] as const).map((t): Cell => ({ label: t, method: 'POST', path: (ids) => `/api/queries/${ids.queries[t]}/${sub}`, body: () => ({ body: 'Bonjour' }), expect: responseExpect(t, who[t], 409) })),
  { label: 'unknown query', method: 'POST', path: (ids) => `/api/queries/${ids.missingResponse}/${sub}`, body: () => ({ body: 'Bonjour' }), expect: everyone(404) },
];

/** Local-question territories, with who manages each. */
const LOCAL_TERRITORIES: [string, ActorKey[]][] = [
  ['level=departement&code=69', TERRITORY_FOLLOWERS['level=departement&code=69']],
  ['level=departement&code=73', TERRITORY_FOLLOWERS['level=departement&code=73']],
  ['level=departement&code=13', TERRITORY_FOLLOWERS['level=departement&code=13']],
  ['level=region&code=84', TERRITORY_FOLLOWERS['level=region&code=84']],
  ['level=region&code=93', TERRITORY_FOLLOWERS['level=region&code=93']],
];
const LOCAL_ELEMENT = { type: 'boolean', title: 'Jardin partagé ?', unit: 'yesno', aggregate: 'share', disclosure: 'count', section: 'actions' };

/** A CSV naming one structure by SIRET and no answer column: a dry run reports, or refuses a structure outside the actor's territory. */
const importCsv = (t: 'lyon' | 's13'): Cell['raw'] => ({ type: 'text/csv', body: (ids) => `siret\n${ids.sirets[t]}\n` });
const IMPORT_REVIEWERS = ['national', 'regionAra', 'caf69', 'federation69', 'cor13'] as const;
const importExpect = (t: 'lyon' | 's13'): Expect => Object.fromEntries(ACTORS.map((a) => [a,
  a === 'anonymous' ? 401 : !(IMPORT_REVIEWERS as readonly string[]).includes(a) ? 403 : STRUCTURE_REVIEWERS[t].includes(a) ? 200 : 400])) as Expect;

/** Consent requests are the directors' business: the requested structure's director decides, either director withdraws. */
const consentCells = (action: string, deciders: ActorKey[], parties: ActorKey[]): Cell[] => [
  { label: 'refused request, Lyon → Marseille', method: 'POST', path: (ids) => `/api/consents/${ids.consent}/${action}`,
    expect: Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' ? 401 : deciders.includes(a) ? 409 : parties.includes(a) ? 403 : 404])) as Expect },
  { label: 'unknown request', method: 'POST', path: (ids) => `/api/consents/${ids.consent + 1000}/${action}`, expect: signedIn(404) },
];

/** Who may invite into each target and see its invitations: its director, and the nation. */
const STRUCTURE_INVITERS: Record<Target, ActorKey[]> = { lyon: ['director', 'national'], other69: ['national'], ara73: ['national'], s13: ['dir13', 'national'] };
const inviterExpect = (t: Target, ok: number): Expect =>
  Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' ? 401 : STRUCTURE_INVITERS[t].includes(a) ? ok : STRUCTURE_READERS[t].includes(a) ? 403 : 404])) as Expect;

/** The demo fiches of the Lyon centre the matrix points at (two published, one draft). */
const sheets = { published: 0, toDelete: 0, draft: 0 };
let SHEET_CONTENT: Record<string, unknown> = {};
/** A draft of Lyon: `allowed` get `ok`, its other readers 403, everyone else signed in 404 (a draft hides itself), the visitor 401. */
const draftExpect = (allowed: ActorKey[], ok: number): Expect =>
  Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' ? 401 : allowed.includes(a) ? ok : STRUCTURE_READERS.lyon.includes(a) ? 403 : 404])) as Expect;

/** Who may read external data reports: the nation, the region, the département's correspondents. */
const EXTERNAL_READERS: ActorKey[] = ['national', 'regionAra', 'caf69', 'federation69', 'cor13'];

const MATRIX: Row[] = [
  // External data sets: national admins import; territory correspondents and the nation read reports.
  { route: 'GET /api/external/datasets', visibility: 'private', cells: [{ label: 'list', path: () => '/api/external/datasets', expect: onlyFor(EXTERNAL_READERS) }] },
  {
    route: 'POST /api/external/import', visibility: 'private', cells: [
      { label: 'dry run of a tiny file', method: 'POST', path: (ids) => `/api/external/import?dataset=elisfa&year=${ids.year}&dryRun=true`, raw: { type: 'text/csv', body: (ids) => `SIRET;ETP\n${ids.sirets.lyon};2\n` }, expect: onlyFor(['national']) },
    ],
  },
  {
    route: 'GET /api/external/datasets/:name/:year/report', visibility: 'private', cells: [
      { label: 'unknown data set', path: (ids) => `/api/external/datasets/inconnu/${ids.year}/report`, expect: statusFor(EXTERNAL_READERS, 404) },
      { label: 'name that cannot exist', path: (ids) => `/api/external/datasets/A%20B/${ids.year}/report`, expect: { ...signedIn(404) } },
    ],
  },
  {
    route: 'GET /api/external/datasets/:name/:year/report/export', visibility: 'private', cells: [
      { label: 'absent data set', path: (ids) => `/api/external/datasets/inconnu/${ids.year}/report/export?format=xlsx`, expect: statusFor(EXTERNAL_READERS, 404) },
    ],
  },
  {
    route: 'GET /api/external/datasets/:name/:year/proposals', visibility: 'private', cells: [
      { label: 'absent data set', path: (ids) => `/api/external/datasets/inconnu/${ids.year}/proposals`, expect: statusFor(['national'], 404) },
    ],
  },
  {
    route: 'POST /api/external/datasets/:name/:year/proposals', visibility: 'private', cells: [
      { label: 'absent data set', method: 'POST', path: (ids) => `/api/external/datasets/inconnu/${ids.year}/proposals`, body: () => ({ decisions: { 2: null } }), expect: statusFor(['national'], 404) },
    ],
  },
  { route: 'GET /api/external/example', visibility: 'private', cells: [{ label: 'example of the previous campaign', path: (ids) => `/api/external/example?year=${ids.year - 1}`, expect: onlyFor(['national']) }] },
  { route: 'GET /api/releases', visibility: 'public', cells: [{ label: 'releases of every campaign', path: () => '/api/releases', expect: everyone(200) }] },
  {
    route: 'POST /api/releases/:year/preview', visibility: 'private', cells: [
      { label: 'open campaign (not closed: nothing to release)', method: 'POST', path: (ids) => `/api/releases/${ids.year}/preview`, body: () => ({ note: '' }), expect: statusFor(['national'], 409) },
    ],
  },
  {
    route: 'POST /api/releases/:year', visibility: 'private', cells: [
      { label: 'open campaign (not closed: nothing to release)', method: 'POST', path: (ids) => `/api/releases/${ids.year}`, body: () => ({ note: 'x' }), expect: statusFor(['national'], 409) },
    ],
  },
  // Job queue (issue 16): the national administration only; retrying a job that does not exist changes nothing.
  { route: 'GET /api/jobs', visibility: 'private', cells: [{ label: 'queue with failed jobs first', path: () => '/api/jobs', expect: onlyFor(['national']) }] },
  { route: 'GET /api/jobs/mine', visibility: 'self', cells: [{ label: 'the jobs one asked for (none but the nation’s here)', path: () => '/api/jobs/mine', expect: signedIn(200) }] },
  {
    route: 'GET /api/jobs/:id', visibility: 'private', cells: [
      { label: 'a job the nation asked for: its author only, the same 404 as a job that does not exist for the others', path: (ids) => `/api/jobs/${ids.nationalJob}`, expect: { ...signedIn(404), national: 200 } },
      { label: 'a job id that does not exist', path: () => '/api/jobs/999999999', expect: signedIn(404) },
    ],
  },
  {
    route: 'POST /api/jobs/:id/retry', visibility: 'private', cells: [
      { label: 'a job id that does not exist: 404 to the nation, refused to the others', method: 'POST', path: () => '/api/jobs/999999999/retry', body: () => ({}), expect: statusFor(['national'], 404) },
    ],
  },
  // Directory and people (issue 15): writes here are refused or harmless (dry run, no-op, unknown id).
  { route: 'GET /api/directory/template', visibility: 'public', cells: [{ label: 'CSV template', path: () => '/api/directory/template?format=csv', expect: everyone(200) }] },
  { route: 'GET /api/directory/schema', visibility: 'public', cells: [{ label: 'Table Schema', path: () => '/api/directory/schema', expect: everyone(200) }] },
  {
    route: 'POST /api/directory/import', visibility: 'private', cells: [
      { label: 'dry run of a one-row file', method: 'POST', path: () => '/api/directory/import?dryRun=true', raw: { type: 'text/csv', body: (ids) => `siret;nom;type;code_commune;agrement_debut;gestion\n${ids.sirets.lyon};Centre social de la Croix-Rousse;CS;69123;2024-01-01;association\n` }, expect: onlyFor(['national']) },
    ],
  },
  {
    route: 'PATCH /api/structures/:id/identity', visibility: 'private', cells: [
      ...TARGETS.map((t): Cell => ({ label: `${t}: empty name (refused, nothing changed)`, method: 'PATCH', path: (ids) => `/api/structures/${ids[t]}/identity`, body: () => ({ nom: '' }), expect: reviewerExpect(t, 400) })),
      ...TARGETS.map((t): Cell => ({ label: `${t}: no change`, method: 'PATCH', path: (ids) => `/api/structures/${ids[t]}/identity`, body: () => ({}), expect: reviewerExpect(t, 200) })),
      { label: 'unknown id', method: 'PATCH', path: (ids) => `/api/structures/${ids.missing}/identity`, body: () => ({}), expect: signedIn(404) },
    ],
  },
  {
    // Requests hide themselves like responses: whoever may not read the structure gets 404.
    route: 'GET /api/structures/:id/corrections', visibility: 'private', cells: [
      ...TARGETS.map((t): Cell => ({ label: t, path: (ids) => `/api/structures/${ids[t]}/corrections`, expect: Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' ? 401 : STRUCTURE_READERS[t].includes(a) ? 200 : 404])) as Expect })),
      { label: 'unknown id', path: (ids) => `/api/structures/${ids.missing}/corrections`, expect: signedIn(404) },
    ],
  },
  {
    route: 'POST /api/structures/:id/corrections', visibility: 'private', cells: TARGETS.map((t): Cell => ({
      label: t, method: 'POST', path: (ids) => `/api/structures/${ids[t]}/corrections`, body: () => ({ body: 'Notre adresse a changé.' }),
      expect: Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' ? 401 : STRUCTURE_FILLERS[t].includes(a) ? 201 : STRUCTURE_READERS[t].includes(a) ? 403 : 404])) as Expect,
    })),
  },
  {
    route: 'POST /api/structures/:id/corrections/:correctionId/close', visibility: 'private', cells: TARGETS.map((t): Cell => ({
      label: `${t}, unknown request`, method: 'POST', path: (ids) => `/api/structures/${ids[t]}/corrections/999999/close`, body: () => ({ state: 'done' }), expect: reviewerExpect(t, 404),
    })),
  },
  { route: 'GET /api/directory/corrections', visibility: 'private', cells: [{ label: 'open requests of one\'s territory', path: () => '/api/directory/corrections', expect: onlyFor(TERRITORY_STAFF) }] },
  { route: 'GET /api/people', visibility: 'private', cells: [{ label: 'people one manages', path: () => '/api/people', expect: onlyFor(TERRITORY_STAFF) }] },
  {
    route: 'POST /api/people/invitations', visibility: 'private', cells: [
      { label: 'CAF correspondent of 69', method: 'POST', path: () => '/api/people/invitations', body: (a) => ({ email: `nouveau-69-${a}@caf.test`, role: 'correspondent', organisation: 'caf', departements: ['69'] }), expect: statusFor(['national', 'regionAra', 'caf69'], 201) },
      { label: 'CAF correspondent of 69 and 13 (wider than a département)', method: 'POST', path: () => '/api/people/invitations', body: (a) => ({ email: `nouveau-69-13-${a}@caf.test`, role: 'correspondent', organisation: 'caf', departements: ['69', '13'] }), expect: statusFor(['national'], 201) },
      { label: 'regional coordination of 84', method: 'POST', path: () => '/api/people/invitations', body: (a) => ({ email: `region-${a}@caf.test`, role: 'regional_coordinator', organisation: null, regionCode: '84' }), expect: statusFor(['national', 'regionAra'], 201) },
    ],
  },
  {
    route: 'POST /api/people/:id/suspension', visibility: 'private', cells: [
      { label: 'reactivate the (active) 13 correspondent: no change', method: 'POST', path: () => `/api/people/${peopleIds.cor13}/suspension`, body: () => ({ suspended: false }), expect: statusFor(['national'], 200) },
      { label: 'unknown person', method: 'POST', path: () => '/api/people/99999999/suspension', body: () => ({ suspended: true }), expect: { ...onlyFor([]), ...Object.fromEntries(TERRITORY_STAFF.map((a) => [a, 404])) } },
    ],
  },
  {
    route: 'GET /api/directors', visibility: 'private', cells: [
      { label: 'département 69', path: () => '/api/directors?level=departement&code=69', expect: onlyFor(TERRITORY_FOLLOWERS['level=departement&code=69']) },
      { label: 'département 13', path: () => '/api/directors?level=departement&code=13', expect: onlyFor(TERRITORY_FOLLOWERS['level=departement&code=13']) },
    ],
  },
  {
    route: 'POST /api/directors/invitations', visibility: 'private', cells: [
      { label: 'département 69, a structure elsewhere (refused, nothing sent)', method: 'POST', path: () => '/api/directors/invitations?level=departement&code=69', body: () => ({ structureIds: [99999999] }), expect: statusFor(TERRITORY_FOLLOWERS['level=departement&code=69'], 404) },
    ],
  },
  { route: 'GET /api/health', visibility: 'public', cells: [{ label: 'health', path: () => '/api/health', expect: everyone(200) }] },
  { route: 'GET /api/openapi.json', visibility: 'public', cells: [{ label: 'openapi', path: () => '/api/openapi.json', expect: everyone(200) }] },
  { route: 'GET /api/legal', visibility: 'public', cells: [{ label: 'legal notice settings', path: () => '/api/legal', expect: everyone(200) }] },
  { route: 'GET /api/account/data', visibility: 'self', cells: [{ label: 'own data', path: () => '/api/account/data', expect: signedIn(200) }] },
  {
    route: 'POST /api/people/:id/removal', visibility: 'private', cells: [
      // Only the nation may remove the national administrator, and nobody removes themselves: no cell removes anyone.
      { label: 'the national administrator', method: 'POST', path: () => `/api/people/${privacyIds.national}/removal`, body: () => ({}), expect: { ...statusFor([], 403), national: 400 } },
      { label: 'unknown person', method: 'POST', path: () => '/api/people/999999/removal', body: () => ({}), expect: signedIn(404) },
    ],
  },
  {
    route: 'POST /api/structures/:id/direction', visibility: 'private', cells: [
      ...(['lyon', 's13'] as const).map((t): Cell => ({ label: `${t}, successor outside the team`, method: 'POST', path: (ids) => `/api/structures/${ids[t]}/direction`, body: () => ({ successorId: 999999 }), expect: statusFor([...STRUCTURE_MANAGERS[t], 'national'], 400) })),
      { label: 'unknown id', method: 'POST', path: (ids) => `/api/structures/${ids.missing}/direction`, body: () => ({ successorId: 999999 }), expect: signedIn(404) },
    ],
  },
  {
    route: 'POST /api/auth/login', visibility: 'self', cells: [
      { label: 'own credentials', method: 'POST', path: () => '/api/auth/login', body: (a) => ({ email: a === 'anonymous' ? DEMO.national : email(a), password: TEST_PASSWORD }), expect: everyone(200) },
      { label: 'wrong password', method: 'POST', path: () => '/api/auth/login', body: (a) => ({ email: email(a), password: 'pas-le-bon-mot-de-passe' }), expect: everyone(401) },
      { label: 'session without CSRF token', method: 'POST', noCsrf: true, path: () => '/api/auth/login', body: (a) => ({ email: email(a), password: TEST_PASSWORD }), expect: { ...everyone(403), anonymous: 401 } },
    ],
  },
  {
    route: 'POST /api/auth/logout', visibility: 'self', cells: [
      { label: 'without CSRF token', method: 'POST', noCsrf: true, path: () => '/api/auth/logout', body: () => ({}), expect: { ...everyone(403), anonymous: 200 } },
      { label: 'with CSRF token', method: 'POST', freshSession: true, path: () => '/api/auth/logout', body: () => ({}), expect: everyone(200) },
    ],
  },
  { route: 'GET /api/me', visibility: 'self', cells: [{ label: 'me', path: () => '/api/me', expect: everyone(200) }] },
  {
    // Open to anyone, about one's own account ('self': it answers 202, not a public 200 payload). The same answer
    // for every address, known or not (one unknown address per actor: the per-e-mail budget is 3 an hour).
    route: 'POST /api/auth/password-reset', visibility: 'self', cells: [
      { label: 'unknown address', method: 'POST', path: () => '/api/auth/password-reset', body: (a) => ({ email: `inconnu-${a}@nulle-part.test` }), expect: everyone(202) },
    ],
  },
  {
    route: 'POST /api/auth/password-reset/confirm', visibility: 'self', cells: [
      { label: 'token of no reset', method: 'POST', path: () => '/api/auth/password-reset/confirm', body: () => ({ token: 'A'.repeat(43), password: 'girafe violette sous la pluie' }), expect: everyone(404) },
    ],
  },
  { route: 'GET /api/account', visibility: 'self', cells: [{ label: 'own account', path: () => '/api/account', expect: signedIn(200) }] },
  {
    route: 'PUT /api/account', visibility: 'self', cells: [
      { label: 'empty name (refused, nothing changed)', method: 'PUT', path: () => '/api/account', body: (a) => ({ name: '', email: a === 'anonymous' ? DEMO.national : email(a) }), expect: signedIn(400) },
    ],
  },
  {
    route: 'POST /api/account/password', visibility: 'self', cells: [
      { label: 'empty passwords (refused, nothing changed)', method: 'POST', path: () => '/api/account/password', body: () => ({ current: '', password: '' }), expect: signedIn(400) },
    ],
  },
  {
    route: 'POST /api/account/sessions/end-others', visibility: 'self', cells: [
      { label: 'own other sessions', method: 'POST', path: () => '/api/account/sessions/end-others', body: () => ({}), expect: signedIn(200) },
    ],
  },
  { route: 'GET /api/territories/regions', visibility: 'public', cells: [{ label: 'regions', path: () => '/api/territories/regions', expect: everyone(200) }] },
  {
    route: 'GET /api/territories/departements', visibility: 'public', cells: [
      { label: 'all', path: () => '/api/territories/departements', expect: everyone(200) },
      { label: 'of region 84', path: () => '/api/territories/departements?region=84', expect: everyone(200) },
      { label: 'of region 93', path: () => '/api/territories/departements?region=93', expect: everyone(200) },
    ],
  },
  {
    route: 'GET /api/territories/communes', visibility: 'public', cells: [
      { label: 'Lyon', path: () => '/api/territories/communes?q=Lyon', expect: everyone(200) },
      { label: 'in 13', path: () => '/api/territories/communes?departement=13', expect: everyone(200) },
    ],
  },
  {
    route: 'GET /api/structures', visibility: 'public', cells: [
      { label: 'all', path: () => '/api/structures', expect: everyone(200) },
      { label: 'département 69', path: () => '/api/structures?departement=69', expect: everyone(200) },
      { label: 'département 13', path: () => '/api/structures?departement=13&pageSize=200', expect: everyone(200) },
    ],
  },
  {
    route: 'GET /api/structures/:id', visibility: 'public', cells: [
      ...(['lyon', 'other69', 'ara73', 's13'] as const).map((t): Cell => ({ label: t, path: (ids) => `/api/structures/${ids[t]}`, expect: everyone(200) })),
      { label: 'unknown id', path: (ids) => `/api/structures/${ids.missing}`, expect: everyone(404) },
    ],
  },
  { route: 'GET /api/structures/:id/members', visibility: 'private', cells: structureCells('/members') },
  { route: 'GET /api/structures/:id/responses', visibility: 'private', cells: structureCells('/responses') },
  { route: 'GET /api/campaigns', visibility: 'public', cells: [{ label: 'campaigns', path: () => '/api/campaigns', expect: everyone(200) }] },
  { route: 'GET /api/campaigns/:year/progress', visibility: 'private', cells: territoryCells('progress') },
  { route: 'GET /api/campaigns/:year/responses', visibility: 'private', cells: territoryCells('responses') },
  {
    // The previous campaign is closed and every target answered it: readers find the existing response, nobody creates one.
    route: 'POST /api/structures/:id/campaigns/:year/response', visibility: 'private', cells: [
      ...TARGETS.map((t): Cell => ({ label: t, method: 'POST', path: (ids) => `/api/structures/${ids[t]}/campaigns/${ids.year - 1}/response`, expect: { ...onlyFor(STRUCTURE_READERS[t]), ...Object.fromEntries(SIGNED_IN.filter((a) => !STRUCTURE_READERS[t].includes(a)).map((a) => [a, 404])) } })),
      { label: 'unknown structure', method: 'POST', path: (ids) => `/api/structures/${ids.missing}/campaigns/${ids.year}/response`, expect: signedIn(404) },
      { label: 'unknown campaign', method: 'POST', path: (ids) => `/api/structures/${ids.lyon}/campaigns/1999/response`, expect: signedIn(404) },
    ],
  },
  { route: 'GET /api/responses/:id', visibility: 'private', cells: readResponse('') },
  { route: 'GET /api/responses/:id/questionnaire', visibility: 'private', cells: readResponse('/questionnaire') },
  { route: 'GET /api/responses/:id/comments', visibility: 'private', cells: readResponse('/comments') },
  { route: 'GET /api/responses/:id/validation', visibility: 'private', cells: readResponse('/validation') },
  { route: 'GET /api/responses/:id/answers/:code/history', visibility: 'private', cells: readResponse('/answers/some_code/history') },
  { route: 'GET /api/responses/:id/live', visibility: 'private', cells: readResponse('/live') },
  {
    // A stale base version on a closed campaign: the structure's people reach the state check (409), nothing is written.
    route: 'PUT /api/responses/:id/answers/:code', visibility: 'private',
    cells: responseCells('/answers/some_code', (t) => responseExpect(t, STRUCTURE_FILLERS[t], 409), write('PUT', { value: 1, baseVersion: 999_999 })),
  },
  {
    route: 'POST /api/responses/:id/answers/:code/confirm', visibility: 'private',
    cells: responseCells('/answers/some_code/confirm', (t) => responseExpect(t, STRUCTURE_FILLERS[t], 409), write('POST', { baseVersion: 999_999 })),
  },
  {
    // A code that is no question: readers reach the check (400), nothing is written.
    route: 'POST /api/responses/:id/comments', visibility: 'private',
    cells: responseCells('/comments', (t) => responseExpect(t, STRUCTURE_READERS[t], 400), write('POST', { code: 'pas_une_question', body: 'Bonjour' })),
  },
  {
    route: 'POST /api/responses/:id/submit', visibility: 'private',
    cells: responseCells('/submit', (t) => responseExpect(t, STRUCTURE_MANAGERS[t], 409), write('POST', {})),
  },
  {
    route: 'POST /api/responses/:id/presence', visibility: 'private',
    cells: responseCells('/presence', (t) => responseExpect(t, STRUCTURE_READERS[t], 200), write('POST', { section: null })),
  },

  // Quality review (previous campaign, locked responses: every step is refused after authorization).
  { route: 'GET /api/responses/:id/quality', visibility: 'private', cells: readResponse('/quality') },
  { route: 'GET /api/responses/:id/queries', visibility: 'private', cells: readResponse('/queries') },
  {
    route: 'POST /api/responses/:id/queries', visibility: 'private',
    cells: responseCells('/queries', (t) => responseExpect(t, STRUCTURE_REVIEWERS[t], 409), write('POST', { code: 'some_code', body: 'Bonjour' })),
  },
  { route: 'POST /api/queries/:id/reply', visibility: 'private', cells: queryCells('reply', STRUCTURE_FILLERS) },
  { route: 'POST /api/queries/:id/close', visibility: 'private', cells: queryCells('close', STRUCTURE_REVIEWERS) },
  { route: 'POST /api/queries/:id/ask-again', visibility: 'private', cells: queryCells('ask-again', STRUCTURE_REVIEWERS) },
  {
    route: 'POST /api/responses/:id/validate', visibility: 'private',
    cells: responseCells('/validate', (t) => responseExpect(t, STRUCTURE_REVIEWERS[t], 409), write('POST', {})),
  },
  {
    route: 'POST /api/responses/:id/reopen', visibility: 'private',
    cells: responseCells('/reopen', (t) => responseExpect(t, STRUCTURE_REVIEWERS[t], 409), write('POST', { reason: 'Vérification' })),
  },
  {
    // Without a reason: the national admin reaches the check (400), other reviewers are refused before it.
    route: 'POST /api/responses/:id/unlock', visibility: 'private',
    cells: responseCells('/unlock', (t) => responseExpect(t, ['national'], 400), write('POST', { reason: ' ' })),
  },
  // Campaign management: national only, on campaigns that exist or are closed (refused after authorization).
  {
    route: 'POST /api/campaigns', visibility: 'private', cells: [
      { label: 'existing year', method: 'POST', path: () => '/api/campaigns', body: () => ({ year: ids.year, opensOn: '2030-03-01', closesOn: '2030-06-30' }), expect: statusFor(['national'], 409) },
      { label: 'closing before opening', method: 'POST', path: () => '/api/campaigns', body: () => ({ year: 2099, opensOn: '2099-06-30', closesOn: '2099-03-01' }), expect: statusFor(['national'], 400) },
    ],
  },
  ...(['open', 'close'] as const).map((action): Row => ({
    route: `POST /api/campaigns/:year/${action}`, visibility: 'private', cells: [
      { label: 'closed campaign', method: 'POST', path: (ids) => `/api/campaigns/${ids.year - 1}/${action}`, body: () => ({}), expect: statusFor(['national'], 409) },
      ...(action === 'open' ? [{ label: 'open campaign', method: 'POST' as const, path: (ids: Ids) => `/api/campaigns/${ids.year}/open`, body: () => ({}), expect: statusFor(['national'], 409) }] : []),
      { label: 'unknown campaign', method: 'POST', path: () => `/api/campaigns/1999/${action}`, body: () => ({}), expect: statusFor(['national'], 404) },
    ],
  })),
  { route: 'GET /api/campaigns/:year/cockpit', visibility: 'private', cells: territoryCells('cockpit') },
  {
    // Later deadlines per territory: national only; the previous campaign is closed (409), nothing changes.
    route: 'PUT /api/campaigns/:year/deadlines', visibility: 'private', cells: [
      { label: 'closed campaign', method: 'PUT', path: (ids) => `/api/campaigns/${ids.year - 1}/deadlines`, body: () => ({ level: 'departement', code: '69', date: '2099-12-31' }), expect: statusFor(['national'], 409) },
      { label: 'unknown campaign', method: 'PUT', path: () => '/api/campaigns/1999/deadlines', body: () => ({ level: 'region', code: '84', date: '2099-12-31' }), expect: statusFor(['national'], 404) },
    ],
  },
  {
    // The previous campaign is closed: followers reach the state check (409), no mail is prepared.
    route: 'POST /api/campaigns/:year/reminders', visibility: 'private', cells: [
      ...followerCells((ids, qs) => `/api/campaigns/${ids.year - 1}/reminders${qs ? `?${qs}` : ''}`, 409, { method: 'POST', body: () => ({}) }),
      { label: 'unknown campaign', method: 'POST', path: () => '/api/campaigns/1999/reminders?level=departement&code=69', body: () => ({}), expect: everyone(404) },
    ],
  },
  { route: 'GET /api/outbox', visibility: 'private', cells: followerCells((_, qs) => `/api/outbox${qs ? `?${qs}` : ''}`, 200) },
  { route: 'POST /api/outbox/:id/retry', visibility: 'private', cells: [
    { label: 'a mail already sent', method: 'POST', path: (ids) => `/api/outbox/${ids.sentMail}/retry`, expect: statusFor(['national'], 409) },
    { label: 'unknown mail', method: 'POST', path: () => '/api/outbox/999999/retry', expect: statusFor(['national'], 404) },
  ] },
  // Local questions: a territory's correspondents, its region's coordinator, the nation.
  {
    route: 'GET /api/campaigns/:year/local-questions', visibility: 'private', cells: [
      ...LOCAL_TERRITORIES.map(([qs, allowed]): Cell => ({ label: qs, path: (ids) => `/api/campaigns/${ids.year}/local-questions?${qs}`, expect: onlyFor(allowed) })),
      { label: 'every territory', path: (ids) => `/api/campaigns/${ids.year}/local-questions`, expect: { ...signedIn(400), national: 200 } },
      { label: 'unknown campaign', path: () => '/api/campaigns/1999/local-questions?level=departement&code=69', expect: signedIn(404) },
      { label: 'unknown département', path: (ids) => `/api/campaigns/${ids.year}/local-questions?level=departement&code=00`, expect: signedIn(404) },
    ],
  },
  {
    // The campaigns are open or closed: managers reach the state check (409), nothing is added.
    route: 'POST /api/campaigns/:year/local-questions', visibility: 'private', cells: [
      ...LOCAL_TERRITORIES.map(([qs, allowed]): Cell => ({ label: qs, method: 'POST', path: (ids) => `/api/campaigns/${ids.year}/local-questions?${qs}`, body: () => ({ name: 'jardins', element: LOCAL_ELEMENT }), expect: statusFor(allowed, 409) })),
      { label: 'without territory', method: 'POST', path: (ids) => `/api/campaigns/${ids.year}/local-questions`, body: () => ({ name: 'jardins', element: LOCAL_ELEMENT }), expect: everyone(400) },
    ],
  },
  ...(['PUT', 'DELETE'] as const).map((method): Row => ({
    route: `${method} /api/campaigns/:year/local-questions/:id`, visibility: 'private', cells: [
      ...(['d69', 'd13'] as const).map((k): Cell => ({
        label: k, method, path: (ids) => `/api/campaigns/${ids.localYear}/local-questions/${ids.localQuestions[k]}`,
        ...(method === 'PUT' ? { body: () => ({ element: LOCAL_ELEMENT }) } : {}),
        expect: statusFor(TERRITORY_FOLLOWERS[k === 'd69' ? 'level=departement&code=69' : 'level=departement&code=13'], 409),
      })),
      { label: 'unknown question', method, path: (ids) => `/api/campaigns/${ids.localYear}/local-questions/${ids.missingResponse}`, ...(method === 'PUT' ? { body: () => ({ element: LOCAL_ELEMENT }) } : {}), expect: { ...signedIn(404), anonymous: 404 } },
    ],
  })),
  // Questionnaires are public; proposals are the national committee's.
  { route: 'GET /api/questionnaires/diff', visibility: 'public', cells: [{ label: 'previous → current', path: (ids) => `/api/questionnaires/diff?from=${ids.year - 1}&to=${ids.year}`, expect: everyone(200) }] },
  {
    route: 'GET /api/questionnaires/:year', visibility: 'public', cells: [
      { label: 'current', path: (ids) => `/api/questionnaires/${ids.year}`, expect: everyone(200) },
      { label: 'unknown year', path: () => '/api/questionnaires/1999', expect: everyone(404) },
    ],
  },
  {
    route: 'GET /api/questionnaires/:year/xlsform', visibility: 'public', cells: [
      { label: 'current', path: (ids) => `/api/questionnaires/${ids.year}/xlsform`, expect: everyone(200) },
      { label: 'unknown year', path: () => '/api/questionnaires/1999/xlsform', expect: everyone(404) },
    ],
  },
  { route: 'GET /api/questionnaires/:year/proposals', visibility: 'private', cells: [{ label: 'current', path: (ids) => `/api/questionnaires/${ids.year}/proposals`, expect: onlyFor(['national']) }] },
  // Files: a dry run never stores; each row of the file is checked against the actor's territory.
  {
    route: 'POST /api/campaigns/:year/responses/import', visibility: 'private', cells: [
      ...(['lyon', 's13'] as const).map((t): Cell => ({ label: `dry run, ${t}`, method: 'POST', path: (ids) => `/api/campaigns/${ids.year}/responses/import?dryRun=true`, raw: importCsv(t), expect: importExpect(t) })),
    ],
  },
  {
    route: 'GET /api/campaigns/:year/responses/export', visibility: 'private', cells: [
      ...followerCells((ids, qs) => `/api/campaigns/${ids.year}/responses/export${qs ? `?${qs}` : ''}`, 200),
      { label: 'unknown campaign', path: () => '/api/campaigns/1999/responses/export?level=departement&code=69', expect: statusFor(TERRITORY_FOLLOWERS['level=departement&code=69'], 404) },
    ],
  },
  // Statistics: the published view is public; the working view is for those who follow the territory.
  {
    route: 'GET /api/stats/departement-map', visibility: 'public', cells: [
      { label: 'nation', path: (ids) => `/api/stats/departement-map?year=${ids.year - 1}&indicator=participation.benevoles`, expect: everyone(200) },
      { label: 'région 84', path: (ids) => `/api/stats/departement-map?year=${ids.year - 1}&indicator=participation.benevoles&region=84`, expect: everyone(200) },
      { label: 'unknown year', path: () => '/api/stats/departement-map?year=2001&indicator=participation.benevoles', expect: everyone(404) },
    ],
  },
  {
    route: 'GET /api/structures-map', visibility: 'public', cells: [
      { label: 'all', path: () => '/api/structures-map', expect: everyone(200) },
      { label: 'département 69', path: () => '/api/structures-map?departement=69', expect: everyone(200) },
    ],
  },
  {
    route: 'GET /api/stats/dashboard', visibility: 'public', cells: [
      { label: 'published, nation', path: (ids) => `/api/stats/dashboard?year=${ids.year - 1}`, expect: everyone(200) },
      { label: 'published, département 13', path: (ids) => `/api/stats/dashboard?year=${ids.year - 1}&level=departement&code=13`, expect: everyone(200) },
      ...Object.entries(TERRITORY_FOLLOWERS).filter(([qs]) => qs.includes('code')).map(([qs, allowed]): Cell => ({
        label: `working, ${qs}`, restricted: true, path: (ids) => `/api/stats/dashboard?year=${ids.year - 1}&view=working&${qs}`, expect: onlyFor(allowed),
      })),
      { label: 'unknown year', path: () => '/api/stats/dashboard?year=2001', expect: everyone(404) },
    ],
  },
  {
    route: 'POST /api/stats/query', visibility: 'public', cells: [
      { label: 'by département', method: 'POST', path: () => '/api/stats/query', body: () => ({ year: ids.year - 1, indicators: ['finances.produits'], level: 'departement', territories: ['69', '13'] }), expect: everyone(200) },
      { label: 'no indicator', method: 'POST', path: () => '/api/stats/query', body: () => ({ year: ids.year - 1, indicators: [], level: 'region' }), expect: everyone(400) },
    ],
  },
  // Comparison: the position among peers is private to the structure and its territory; named comparison and consents to its director.
  { route: 'GET /api/structures/:id/position', visibility: 'private', cells: structureCells(`/position?year=2024`) },
  // Publication: plaquettes print published figures and the public directory only; a centre's fact sheet is private like its position.
  {
    route: 'GET /api/reports/plaquette', visibility: 'public', cells: [
      { label: 'département 13', path: (ids) => `/api/reports/plaquette?level=departement&code=13&year=${ids.year - 1}`, expect: everyone(200) },
      { label: 'unknown département', path: (ids) => `/api/reports/plaquette?level=departement&code=00&year=${ids.year - 1}`, expect: everyone(404) },
      { label: 'unknown year', path: () => '/api/reports/plaquette?level=nation&year=2001', expect: everyone(404) },
    ],
  },
  { route: 'GET /api/structures/:id/fact-sheet', visibility: 'private', cells: structureCells(`/fact-sheet?year=2024`) },
  ...(['named-comparison?year=2024', 'consents'] as const).map((sub): Row => ({
    route: `GET /api/structures/:id/${sub.split('?')[0]}`, visibility: 'private', cells: [
      ...TARGETS.map((t): Cell => ({ label: t, path: (ids) => `/api/structures/${ids[t]}/${sub}`, expect: onlyFor(STRUCTURE_MANAGERS[t]) })),
      { label: 'unknown id', path: (ids) => `/api/structures/${ids.missing}/${sub}`, expect: signedIn(404) },
      { label: 'id that cannot exist', path: () => `/api/structures/abc/${sub}`, expect: everyone(404) },
    ],
  })),
  {
    // Asking oneself: the director reaches the check (400), nothing is requested.
    route: 'POST /api/structures/:id/consents', visibility: 'private', cells: [
      ...TARGETS.map((t): Cell => ({ label: t, method: 'POST', path: (ids) => `/api/structures/${ids[t]}/consents`, body: () => ({ targetIds: [ids[t]] }), expect: statusFor(STRUCTURE_MANAGERS[t], 400) })),
      { label: 'unknown id', method: 'POST', path: (ids) => `/api/structures/${ids.missing}/consents`, body: () => ({ targetIds: [ids.lyon] }), expect: signedIn(404) },
    ],
  },
  // Exports: the same permissions as the tables they export (XLSX cells are not compared across actors: the file is zipped).
  {
    route: 'GET /api/exports/dashboard', visibility: 'public', cells: [
      { label: 'published, nation, CSV', path: (ids) => `/api/exports/dashboard?year=${ids.year - 1}`, expect: everyone(200) },
      { label: 'published, région 84, XLSX', restricted: true, path: (ids) => `/api/exports/dashboard?year=${ids.year - 1}&level=region&code=84&format=xlsx`, expect: everyone(200) },
      { label: 'working, département 69', restricted: true, path: (ids) => `/api/exports/dashboard?year=${ids.year - 1}&view=working&level=departement&code=69`, expect: onlyFor(TERRITORY_FOLLOWERS['level=departement&code=69']) },
      { label: 'unknown year', path: () => '/api/exports/dashboard?year=2001', expect: everyone(404) },
    ],
  },
  {
    route: 'POST /api/exports/query', visibility: 'public', cells: [
      { label: 'by département, CSV', method: 'POST', path: () => '/api/exports/query?format=csv', body: () => ({ year: ids.year - 1, indicators: ['finances.produits'], level: 'departement', territories: ['69', '13'] }), expect: everyone(200) },
      { label: 'no indicator', method: 'POST', path: () => '/api/exports/query', body: () => ({ year: ids.year - 1, indicators: [], level: 'region' }), expect: everyone(400) },
    ],
  },
  {
    route: 'GET /api/exports/structures', visibility: 'public', cells: [
      { label: 'département 69, CSV', path: () => '/api/exports/structures?departement=69', expect: everyone(200) },
      { label: 'département 13, XLSX', restricted: true, path: () => '/api/exports/structures?departement=13&format=xlsx', expect: everyone(200) },
    ],
  },
  {
    route: 'GET /api/exports/structures/:id/position', visibility: 'private', cells: [
      ...TARGETS.map((t): Cell => ({ label: t, path: (ids) => `/api/exports/structures/${ids[t]}/position?year=2024`, expect: onlyFor(STRUCTURE_READERS[t]) })),
      { label: 'unknown id', path: (ids) => `/api/exports/structures/${ids.missing}/position?year=2024`, expect: everyone(404) },
    ],
  },
  {
    route: 'GET /api/exports/campaigns/:year/responses', visibility: 'private', cells: [
      ...followerCells((ids, qs) => `/api/exports/campaigns/${ids.year}/responses${qs ? `?${qs}` : ''}`, 200),
      { label: 'unknown campaign', path: () => '/api/exports/campaigns/1999/responses?level=departement&code=69', expect: everyone(404) },
    ],
  },
  // Open data: public files of a campaign.
  {
    route: 'GET /api/opendata/:year', visibility: 'public', cells: [
      { label: 'previous campaign', path: (ids) => `/api/opendata/${ids.year - 1}`, expect: everyone(200) },
      { label: 'unknown year', path: () => '/api/opendata/1999', expect: everyone(404) },
      { label: 'not a year', path: () => '/api/opendata/abc', expect: everyone(404) },
    ],
  },
  {
    route: 'GET /api/opendata/:year/files/:file', visibility: 'public', cells: [
      { label: 'datapackage', path: (ids) => `/api/opendata/${ids.year - 1}/files/datapackage.json`, expect: everyone(200) },
      { label: 'départements CSV', path: (ids) => `/api/opendata/${ids.year - 1}/files/agregats-departements-${ids.year - 1}.csv`, expect: everyone(200) },
      { label: 'unknown file', path: (ids) => `/api/opendata/${ids.year - 1}/files/secret.csv`, expect: everyone(404) },
    ],
  },
  // Fiches actions: published ones are public; a draft shows itself to its structure and territory only (404
  // elsewhere); the team writes drafts, the director publishes. SHEET_CONTENT equals the draft's content, so a PUT changes nothing.
  {
    route: 'GET /api/action-sheets', visibility: 'public', cells: [
      { label: 'all published', path: () => '/api/action-sheets', expect: everyone(200) },
      { label: 'keyword and theme', path: () => '/api/action-sheets?q=jardin&theme=ecologie&departement=69', expect: everyone(200) },
      { label: 'drafts of Lyon', restricted: true, path: (ids) => `/api/action-sheets?structure=${ids.lyon}&drafts=1`, expect: onlyFor(STRUCTURE_READERS.lyon) },
    ],
  },
  { route: 'GET /api/action-sheets/themes', visibility: 'public', cells: [{ label: 'themes', path: () => '/api/action-sheets/themes', expect: everyone(200) }] },
  {
    route: 'GET /api/action-sheets/:id', visibility: 'public', cells: [
      { label: 'published', path: () => `/api/action-sheets/${sheets.published}`, expect: everyone(200) },
      { label: 'draft of Lyon', restricted: true, path: () => `/api/action-sheets/${sheets.draft}`, expect: Object.fromEntries(ACTORS.map((a) => [a, STRUCTURE_READERS.lyon.includes(a) ? 200 : 404])) as Expect },
      { label: 'unknown', path: () => `/api/action-sheets/${sheets.draft + 100000}`, expect: everyone(404) },
    ],
  },
  {
    route: 'POST /api/structures/:id/action-sheets', visibility: 'private', cells: [
      ...TARGETS.map((t): Cell => ({ label: t, method: 'POST', path: (ids) => `/api/structures/${ids[t]}/action-sheets`, body: () => SHEET_CONTENT, expect: statusFor(STRUCTURE_FILLERS[t], 201) })),
      { label: 'unknown id', method: 'POST', path: (ids) => `/api/structures/${ids.missing}/action-sheets`, body: () => SHEET_CONTENT, expect: everyone(404) },
    ],
  },
  {
    route: 'PUT /api/action-sheets/:id', visibility: 'private', cells: [
      { label: 'draft of Lyon', method: 'PUT', path: () => `/api/action-sheets/${sheets.draft}`, body: () => SHEET_CONTENT, expect: draftExpect(['director', 'team', 'board'], 200) },
      { label: 'unknown', method: 'PUT', path: () => `/api/action-sheets/${sheets.draft + 100000}`, body: () => SHEET_CONTENT, expect: signedIn(404) },
    ],
  },
  { route: 'POST /api/action-sheets/:id/publish', visibility: 'private', cells: [
    { label: 'published fiche of Lyon', method: 'POST', path: () => `/api/action-sheets/${sheets.published}/publish`, expect: { ...statusFor(['director'], 409) } },
  ] },
  { route: 'POST /api/action-sheets/:id/unpublish', visibility: 'private', cells: [
    { label: 'draft of Lyon', method: 'POST', path: () => `/api/action-sheets/${sheets.draft}/unpublish`, expect: draftExpect(['director'], 409) },
  ] },
  {
    // Actors run in a fixed order: the director deletes the fiche, those after find nothing.
    route: 'DELETE /api/action-sheets/:id', visibility: 'private', cells: [
      { label: 'second published fiche of Lyon', method: 'DELETE', path: () => `/api/action-sheets/${sheets.toDelete}`,
        expect: { anonymous: 401, national: 403, regionAra: 403, caf69: 403, federation69: 403, director: 200, team: 404, board: 404, cor13: 404, dir13: 404 } },
      { label: 'draft of Lyon, unknown to outsiders', method: 'DELETE', path: () => `/api/action-sheets/${sheets.draft + 100000}`, expect: signedIn(404) },
    ],
  },
  { route: 'POST /api/consents/:id/accept', visibility: 'private', cells: consentCells('accept', ['dir13'], ['director']) },
  { route: 'POST /api/consents/:id/refuse', visibility: 'private', cells: consentCells('refuse', ['dir13'], ['director']) },
  { route: 'POST /api/consents/:id/withdraw', visibility: 'private', cells: consentCells('withdraw', ['dir13', 'director'], []) },
  // ESS, cash and partners: a structure's profile, cash and partners are private to it and its territory.
  { route: 'GET /api/structures/:id/ess', visibility: 'private', cells: structureCells('/ess') },
  { route: 'GET /api/structures/:id/ess/export', visibility: 'private', cells: structureCells('/ess/export?format=csv') },
  {
    route: 'GET /api/stats/ess', visibility: 'public', cells: [
      { label: 'nation', path: (ids) => `/api/stats/ess?year=${ids.year - 1}`, expect: everyone(200) },
      { label: 'département 13', path: (ids) => `/api/stats/ess?year=${ids.year - 1}&level=departement&code=13`, expect: everyone(200) },
      { label: 'unknown year', path: () => '/api/stats/ess?year=2001', expect: everyone(404) },
    ],
  },
  { route: 'GET /api/structures/:id/cash', visibility: 'private', cells: structureCells('/cash') },
  { route: 'GET /api/stats/cash', visibility: 'private', cells: followerCells((ids, qs) => `/api/stats/cash?year=${ids.year - 1}${qs ? `&${qs}` : ''}`, 200) },
  { route: 'GET /api/stats/cash/structures', visibility: 'private', cells: followerCells((ids, qs) => `/api/stats/cash/structures?year=${ids.year - 1}${qs ? `&${qs}` : ''}`, 200) },
  { route: 'GET /api/structures/:id/partners', visibility: 'private', cells: structureCells('/partners') },
  {
    // An invalid SIRET: the structure's people reach the check (400), nothing is stored.
    route: 'POST /api/structures/:id/partners', visibility: 'private', cells: [
      ...TARGETS.map((t): Cell => ({ label: t, method: 'POST', path: (ids) => `/api/structures/${ids[t]}/partners`, body: () => ({ kind: 'caf', name: 'CAF test', siret: '12345678901234' }), expect: statusFor(STRUCTURE_FILLERS[t], 400) })),
      { label: 'unknown id', method: 'POST', path: (ids) => `/api/structures/${ids.missing}/partners`, body: () => ({ kind: 'caf', name: 'CAF test' }), expect: everyone(404) },
    ],
  },
  {
    route: 'PUT /api/structures/:id/partners/:partnerId', visibility: 'private', cells: [
      ...TARGETS.map((t): Cell => ({ label: t, method: 'PUT', path: (ids) => `/api/structures/${ids[t]}/partners/1`, body: () => ({ kind: 'caf', name: 'CAF test', siret: '12345678901234' }), expect: statusFor(STRUCTURE_FILLERS[t], 400) })),
    ],
  },
  {
    // A partner that does not exist: the structure's people reach the lookup (404), nothing is removed.
    route: 'DELETE /api/structures/:id/partners/:partnerId', visibility: 'private', cells: [
      ...TARGETS.map((t): Cell => ({ label: t, method: 'DELETE', path: (ids) => `/api/structures/${ids[t]}/partners/999999999`, expect: statusFor(STRUCTURE_FILLERS[t], 404) })),
    ],
  },
  {
    // Not sharing (the seeded state of the demo centre): only the director decides.
    route: 'POST /api/structures/:id/partner-sharing', visibility: 'private', cells: [
      ...TARGETS.map((t): Cell => ({ label: t, method: 'POST', path: (ids) => `/api/structures/${ids[t]}/partner-sharing`, body: () => ({ shared: false }), expect: statusFor(STRUCTURE_MANAGERS[t], 200) })),
    ],
  },
  // Partner search and network: any signed-in person; only what structures agreed to share comes out.
  {
    route: 'GET /api/partners/search', visibility: 'self', cells: [
      { label: 'social landlords on housing', path: () => '/api/partners/search?kind=bailleurs&theme=logement', expect: signedIn(200) },
      { label: 'near Lyon', path: (ids) => `/api/partners/search?from=${ids.lyon}&km=20`, expect: signedIn(200) },
      { label: 'bad kind', path: () => '/api/partners/search?kind=banque', expect: everyone(400) },
    ],
  },
  {
    route: 'GET /api/partners/network', visibility: 'self', cells: [
      { label: 'Rhône', path: () => '/api/partners/network?departement=69', expect: signedIn(200) },
      { label: 'unknown département', path: () => '/api/partners/network?departement=00', expect: signedIn(404) },
    ],
  },
  // Invitations by e-mail link: the structure's director and the nation; the link itself needs no session.
  {
    route: 'GET /api/structures/:id/invitations', visibility: 'private', cells: [
      ...TARGETS.map((t): Cell => ({ label: t, path: (ids) => `/api/structures/${ids[t]}/invitations`, expect: inviterExpect(t, 200) })),
      { label: 'unknown id', path: (ids) => `/api/structures/${ids.missing}/invitations`, expect: signedIn(404) },
      { label: 'id that cannot exist', path: () => '/api/structures/abc/invitations', expect: everyone(404) },
    ],
  },
  {
    // Inviting someone already in the team: inviters reach the check (409), nothing is sent.
    route: 'POST /api/structures/:id/invitations', visibility: 'private', cells: [
      { label: 'lyon, a member already', method: 'POST', path: (ids) => `/api/structures/${ids.lyon}/invitations`, body: () => ({ email: DEMO.team, role: 'contributor' }), expect: inviterExpect('lyon', 409) },
      { label: 's13, a member already', method: 'POST', path: (ids) => `/api/structures/${ids.s13}/invitations`, body: () => ({ email: DIR13, role: 'board_member' }), expect: inviterExpect('s13', 409) },
      { label: 'unknown id', method: 'POST', path: (ids) => `/api/structures/${ids.missing}/invitations`, body: () => ({ email: 'x@example.org', role: 'contributor' }), expect: signedIn(404) },
    ],
  },
  {
    route: 'POST /api/structures/:id/invitations/:invitationId/revoke', visibility: 'private', cells: [
      ...(['lyon', 's13'] as const).map((t): Cell => ({ label: `revoked already, ${t}`, method: 'POST', path: (ids) => `/api/structures/${ids[t]}/invitations/${ids.invitations[t]}/revoke`, body: () => ({}), expect: inviterExpect(t, 409) })),
      { label: 'invitation of another structure', method: 'POST', path: (ids) => `/api/structures/${ids.lyon}/invitations/${ids.invitations.s13}/revoke`, body: () => ({}), expect: inviterExpect('lyon', 404) },
    ],
  },
  {
    route: 'GET /api/invitations/:token', visibility: 'self', cells: [
      { label: 'pending link', path: (ids) => `/api/invitations/${ids.pendingToken}`, expect: everyone(200) },
      { label: 'revoked link', path: (ids) => `/api/invitations/${ids.revokedToken}`, expect: everyone(410) },
      { label: 'unknown link', path: () => '/api/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', expect: everyone(404) },
    ],
  },
  {
    route: 'POST /api/invitations/:token/accept', visibility: 'self', cells: [
      { label: 'revoked link', method: 'POST', path: (ids) => `/api/invitations/${ids.revokedToken}/accept`, body: () => ({ name: 'Personne', password: 'un mot de passe assez long' }), expect: everyone(410) },
      { label: 'unknown link', method: 'POST', path: () => '/api/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/accept', body: () => ({}), expect: everyone(404) },
    ],
  },];

let database: Database$;
let client: ReturnType<typeof testClient>;
let ids: Ids;
const headers = new Map<ActorKey, Record<string, string>>();
/**
 * Refused writes change nothing: the database's fingerprint (row counts and a hash of every table's rows)
 * before and after each write the matrix expects refused. The rate limiter's login counters (PostgreSQL
 * only) are left out: a refused login counts, by design.
 */
let watch: ReturnType<typeof writeWatcher>;
/** Bodies of successful public responses, per actor, for the leak checks. */
const publicBodies: { route: string; label: string; actor: ActorKey; text: string }[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  const { db } = database;
  const pick = async (where: (q: ReturnType<typeof base>) => ReturnType<typeof base>) => (await where(base()).orderBy('id').executeTakeFirstOrThrow()).id;
  const year0 = (await db.selectFrom('campaigns').select((eb) => eb.fn.max('year').as('y')).executeTakeFirstOrThrow()).y;
  const base = () => db.selectFrom('structures').select('id')
    .where((eb) => eb.exists(eb.selectFrom('responses').innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id').whereRef('responses.structure_id', '=', 'structures.id').where('campaigns.year', '=', year0 - 1).select('responses.id')));
  const lyon = await pick((q) => q.where('name', '=', 'Centre social de la Croix-Rousse'));
  const year = (await db.selectFrom('campaigns').select((eb) => eb.fn.max('year').as('y')).executeTakeFirstOrThrow()).y;
  ids = {
    lyon,
    other69: await pick((q) => q.where('departement_code', '=', '69').where('id', '!=', lyon)),
    ara73: await pick((q) => q.where('departement_code', '=', '73')),
    s13: await pick((q) => q.where('departement_code', '=', '13')),
    missing: (await db.selectFrom('structures').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m + 1000,
    year,
    responses: { lyon: 0, other69: 0, ara73: 0, s13: 0 },
    missingResponse: (await db.selectFrom('responses').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m + 1000,
    queries: { lyon: 0, s13: 0 }, localQuestions: { d69: 0, d13: 0 }, localYear: year - 2, consent: 0, sentMail: 0, sirets: { lyon: '', s13: '' },
    invitations: { lyon: 0, s13: 0 }, pendingToken: 'jeton-en-attente-0123456789abcdef', revokedToken: 'jeton-revoque-0123456789abcdef', nationalJob: 0,
  };
  for (const t of TARGETS) {
    ids.responses[t] = (await db.selectFrom('responses').innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id')
      .select('responses.id').where('responses.structure_id', '=', ids[t]).where('campaigns.year', '=', year - 1).where('campaigns.state', '!=', 'open')
      .executeTakeFirstOrThrow(() => new Error(`${t} has no response to the previous campaign`))).id;
  }
  await createUser({ db, email: COR13, name: 'Correspondante des Bouches-du-Rhône', password: TEST_PASSWORD, role: 'correspondent', departementCode: '13', organisation: 'caf' });
  await createUser({ db, email: DIR13, name: 'Direction d’un centre marseillais', password: TEST_PASSWORD, role: 'director', structureId: ids.s13 });
  const national = (await db.selectFrom('users').select('id').where('email', '=', DEMO.national).executeTakeFirstOrThrow()).id;
  for (const t of ['lyon', 's13'] as const) {
    const q = await db.insertInto('queries').values({ response_id: ids.responses[t], code: 'some_code', opened_by: national, state: 'closed' }).returning('id').executeTakeFirstOrThrow();
    ids.queries[t] = q.id;
    const s = await db.selectFrom('structures').select('siret').where('id', '=', ids[t]).executeTakeFirstOrThrow();
    if (!s.siret) throw new Error(`${t} has no SIRET`);
    ids.sirets[t] = s.siret;
  }
  const older = await db.selectFrom('campaigns').select('id').where('year', '=', ids.localYear).where('state', '=', 'closed').executeTakeFirstOrThrow(() => new Error(`no closed campaign ${ids.localYear}`));
  for (const [k, code] of [['d69', '69'], ['d13', '13']] as const) {
    ids.localQuestions[k] = (await db.insertInto('local_questions').values({ campaign_id: older.id, level: 'departement', territory_code: code, code: `local.${code}.jardins`, element: JSON.stringify(LOCAL_ELEMENT), author_id: national })
      .returning('id').executeTakeFirstOrThrow()).id;
  }
  ids.sentMail = (await db.insertInto('outbox').values({ to_email: 'direction@exemple.fr', subject: 'Relance', body: 'Bonjour', structure_id: ids.lyon, state: 'sent', attempts: 1, sent_at: new Date() })
    .returning('id').executeTakeFirstOrThrow()).id;
  ids.nationalJob = await enqueueJob(db, { kind: 'test.asked', requestedBy: national, delayMs: 3_600_000 });
  ids.consent = (await db.insertInto('consent_requests').values({ requester_id: ids.lyon, target_id: ids.s13, requested_by: national, state: 'refused' }).returning('id').executeTakeFirstOrThrow()).id;
  for (const t of ['lyon', 's13'] as const) {
    ids.invitations[t] = (await db.insertInto('invitations').values({ structure_id: ids[t], email: `invitee-${t}@example.org`, role: 'contributor', token_hash: invitationTokenHash(`${ids.revokedToken}-${t}`),
      invited_by: national, expires_at: new Date(Date.now() + 864e5), revoked_at: new Date(), revoked_by: national }).returning('id').executeTakeFirstOrThrow()).id;
  }
  ids.revokedToken = `${ids.revokedToken}-lyon`;
  await db.insertInto('invitations').values({ structure_id: ids.lyon, email: 'invitee-pending@example.org', role: 'board_member', token_hash: invitationTokenHash(ids.pendingToken), invited_by: national, expires_at: new Date(Date.now() + 864e5) }).execute();
  headers.set('anonymous', {});
  for (const a of SIGNED_IN) headers.set(a, await client.loginAs(email(a)));
  watch = writeWatcher(db, { except: ['login_limits'] });
});
afterAll(() => database?.close());

beforeAll(async () => {
  const rows = await database.db.selectFrom('action_sheets').selectAll().where('structure_id', '=', ids.lyon).orderBy('id').execute();
  const published = rows.filter((r) => r.state === 'published');
  const draft = rows.find((r) => r.state === 'draft');
  if (published.length < 2 || !draft) throw new Error('the Lyon centre needs two published fiches and a draft in the demo seed');
  [sheets.published, sheets.toDelete, sheets.draft] = [published[0].id, published[1].id, draft.id];
  const { id: _id, structure_id: _s, state: _st, author_id: _a, created_at: _c, updated_at: _u, published_at: _p, ...content } = draft;
  SHEET_CONTENT = content;
});

beforeAll(async () => {
  peopleIds.cor13 = (await database.db.selectFrom('users').select('id').where('email', '=', COR13).executeTakeFirstOrThrow()).id;
});

/** Users the personal-data rows point at (issue 20). */
const privacyIds = { national: 0 };
beforeAll(async () => {
  privacyIds.national = (await database.db.selectFrom('users').select('id').where('email', '=', DEMO.national).executeTakeFirstOrThrow()).id;
});

async function send(row: Row, cell: Cell, actor: ActorKey) {
  let h = headers.get(actor)!;
  if (cell.freshSession && actor !== 'anonymous') h = await client.loginAs(email(actor));
  if (cell.noCsrf) h = h.cookie ? { cookie: h.cookie } : {};
  const init: RequestInit = { method: cell.method ?? 'GET', headers: { ...h } };
  if (cell.body) init.body = JSON.stringify(cell.body(actor));
  if (cell.body) (init.headers as Record<string, string>)['content-type'] = 'application/json';
  if (cell.raw) { init.body = cell.raw.body(ids); (init.headers as Record<string, string>)['content-type'] = cell.raw.type; }
  // A refused write is compared with the database as it was just before it (after any fresh login, and
  // once the quality re-checks an earlier accepted write left pending have run).
  const refusedWrite = init.method !== 'GET' && cell.expect[actor] >= 400;
  if (refusedWrite) { await flushQualityRecomputes(database.db); await watch.mark(); }
  const res = await client.request(cell.path(ids), init);
  // The live feed never ends: its status is enough.
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) { await res.body?.cancel(); return { status: res.status, text: '', changes: [] }; }
  const text = await res.text();
  if (row.visibility === 'public' && !cell.restricted && res.status === 200) publicBodies.push({ route: row.route, label: cell.label, actor, text });
  return { status: res.status, text, changes: refusedWrite ? await watch.changes() : [] };
}

describe('authorization matrix', () => {
  it('has a row for every documented route, and every registered route is documented', () => {
    const documented = allRouteDocs.map((d) => `${d.method.toUpperCase()} ${d.path}`);
    const covered = MATRIX.map((r) => r.route);
    expect(documented.filter((r) => !covered.includes(r)), 'routes without a matrix row').toEqual([]);
    expect(covered.filter((r) => !documented.includes(r)), 'matrix rows for routes that no longer exist').toEqual([]);
    const registered = client.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
    expect([...new Set(registered)].filter((r) => !documented.includes(r)), 'registered routes missing from allRouteDocs').toEqual([]);
  });

  it('every private route refuses the anonymous visitor and some signed-in actor somewhere', () => {
    for (const row of MATRIX.filter((r) => r.visibility === 'private')) {
      expect(row.cells.some((c) => c.expect.anonymous === 401), row.route).toBe(true);
      // Refused: 403, or 404 where the resource hides itself from those who may not read it.
      expect(row.cells.filter((c) => !c.label.startsWith('unknown')).some((c) => SIGNED_IN.some((a) => c.expect[a] === 403 || c.expect[a] === 404)), row.route).toBe(true);
    }
  });

  // Logout ends sessions: it runs last.
  const ordered = [...MATRIX.filter((r) => !r.route.includes('logout')), ...MATRIX.filter((r) => r.route.includes('logout'))];
  for (const row of ordered) {
    it(`${row.route}: ${row.cells.length} cells × ${ACTORS.length} actors`, async () => {
      const wrong: string[] = [];
      for (const cell of row.cells) {
        for (const actor of ACTORS) {
          const { status, text, changes } = await send(row, cell, actor);
          if (status !== cell.expect[actor]) wrong.push(`${cell.label} as ${actor}: expected ${cell.expect[actor]}, got ${status} ${text.slice(0, 120)}`);
          if (changes.length > 0) wrong.push(`${cell.label} as ${actor}: refused (${status}) but wrote ${changes.join(', ')}`);
          if (status >= 400) {
            const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
            if (!body.error?.code || !body.error.message) wrong.push(`${cell.label} as ${actor}: error without code and message: ${text.slice(0, 120)}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe('private payloads of the own territory', () => {
  const json = async (path: string, actor: ActorKey) => {
    const res = await client.request(path, { headers: headers.get(actor) });
    expect(res.status, path).toBe(200);
    return res.json();
  };

  it('the director sees the members of the Lyon centre, the three demo accounts among them', async () => {
    const body = await json(`/api/structures/${ids.lyon}/members`, 'director');
    const roles = Object.fromEntries(body.items.map((m: { email: string; role: string }) => [m.email, m.role]));
    expect(roles).toMatchObject({ [DEMO.director]: 'director', [DEMO.team]: 'contributor', [DEMO.board]: 'board_member' });
    const n = await database.db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n')).where('structure_id', '=', ids.lyon).executeTakeFirstOrThrow();
    expect(body.total).toBe(Number(n.n));
    expect(body.items).toHaveLength(Number(n.n));
    expect(JSON.stringify(body)).not.toMatch(/password|hash|csrf/i);
  });

  it('the director of the Marseille structure sees only its own member', async () => {
    const body = await json(`/api/structures/${ids.s13}/members`, 'dir13');
    expect(body.items.map((m: { email: string }) => m.email)).toEqual([DIR13]);
  });

  it('caf69 progress counts equal a direct SQL count', async () => {
    const body = await json(`/api/campaigns/${ids.year}/progress?level=departement&code=69`, 'caf69');
    const rows = await sql<{ state: string; n: number }>`
      select coalesce(r.state, 'not_started') as state, count(*)::int as n
      from structures s left join responses r on r.structure_id = s.id and r.campaign_id = (select id from campaigns where year = ${ids.year})
      where s.departement_code = '69' group by 1`.execute(database.db);
    const expected = Object.fromEntries(rows.rows.map((r) => [r.state, Number(r.n)]));
    expect(body.byState).toEqual(expected);
    expect(body.expected).toBe(rows.rows.reduce((a, r) => a + Number(r.n), 0));
    expect(body.expected).toBeGreaterThanOrEqual(10);
    expect(body.territory).toEqual({ level: 'departement', code: '69' });
  });

  it('the regional coordinator lists every response of region 84 and only those', async () => {
    const body = await json(`/api/campaigns/${ids.year}/responses?level=region&code=84&pageSize=200`, 'regionAra');
    const n = await database.db.selectFrom('structures').select((eb) => eb.fn.countAll<number>().as('n')).where('region_code', '=', '84').executeTakeFirstOrThrow();
    expect(body.total).toBe(Number(n.n));
    expect(body.items).toHaveLength(Number(n.n));
    const depts84 = (await database.db.selectFrom('departements').select('code').where('region_code', '=', '84').execute()).map((d) => d.code);
    for (const item of body.items) expect(depts84).toContain(item.departementCode);
    expect(body.items.map((i: { departementCode: string }) => i.departementCode)).toContain('73');
  });

  it('the national admin sees the responses of the Lyon centre with their answer counts', async () => {
    const body = await json(`/api/structures/${ids.lyon}/responses`, 'national');
    const rows = await sql<{ id: number; n: number }>`
      select r.id, (select count(*)::int from answers a where a.response_id = r.id) as n from responses r where r.structure_id = ${ids.lyon}`.execute(database.db);
    expect(body.total).toBe(rows.rows.length);
    expect(rows.rows.length).toBeGreaterThan(0);
    const byId = Object.fromEntries(rows.rows.map((r) => [r.id, Number(r.n)]));
    for (const item of body.items) expect(Number(item.answerCount)).toBe(byId[item.id]);
    expect(rows.rows.some((r) => Number(r.n) > 0)).toBe(true);
  });

  it('/api/me tells each actor who they are, and nobody for the visitor', async () => {
    for (const a of ACTORS) {
      const body = await json('/api/me', a);
      if (a === 'anonymous') expect(body).toEqual({ user: null, memberships: [] });
      else expect(body.user.email).toBe(email(a));
    }
  });
});

describe('public payloads', () => {
  const FORBIDDEN_KEYS = ['password_hash', 'passwordHash', 'cell_key', 'answers', 'answer_count', 'answerCount', 'members', 'memberships', 'csrf_token', 'csrfToken', 'user_id', 'author_id', 'authorId', 'response_id', 'responseId', 'session'];

  function keysOf(v: unknown, out = new Set<string>()): Set<string> {
    if (Array.isArray(v)) v.forEach((x) => keysOf(x, out));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { out.add(k); keysOf(x, out); }
    return out;
  }

  it('were collected for every public route (the matrix ran first)', () => {
    const routes = new Set(publicBodies.map((b) => b.route));
    for (const row of MATRIX.filter((r) => r.visibility === 'public')) expect(routes.has(row.route), row.route).toBe(true);
  });

  it('never carry private fields, user e-mails or password hashes', async () => {
    const users = await database.db.selectFrom('users').select(['email', 'password_hash']).execute();
    // CSRF tokens are derived from the session cookie and not stored: those of every signed-in actor.
    const csrfTokens = [...headers.values()].map((h) => (h as Record<string, string>)['x-csrf-token']).filter((t): t is string => Boolean(t));
    expect(csrfTokens.length).toBeGreaterThan(0);
    expect(users.length).toBeGreaterThanOrEqual(9);
    const leaks: string[] = [];
    for (const b of publicBodies) {
      // CSV downloads are text but not JSON: they are searched for e-mails and secrets like the rest.
      const keys = /^\s*[[{]/.test(b.text) ? keysOf(JSON.parse(b.text)) : new Set<string>();
      // The OpenAPI document describes private routes' schemas; it holds no data, only names.
      if (b.route !== 'GET /api/openapi.json') for (const k of FORBIDDEN_KEYS) if (keys.has(k)) leaks.push(`${b.route} ${b.label} as ${b.actor}: key ${k}`);
      for (const u of users) {
        if (b.text.includes(u.email)) leaks.push(`${b.route} ${b.label} as ${b.actor}: e-mail ${u.email}`);
        if (b.text.includes(u.password_hash)) leaks.push(`${b.route} ${b.label} as ${b.actor}: a password hash`);
      }
      for (const t of csrfTokens) if (b.text.includes(t)) leaks.push(`${b.route} ${b.label} as ${b.actor}: a CSRF token`);
    }
    expect(leaks).toEqual([]);
  });

  it('are the same for the visitor and for every signed-in actor', () => {
    const anonymous = new Map(publicBodies.filter((b) => b.actor === 'anonymous').map((b) => [`${b.route} ${b.label}`, b.text]));
    const differ: string[] = [];
    for (const b of publicBodies) {
      if (b.route === 'GET /api/health') continue;
      if (anonymous.get(`${b.route} ${b.label}`) !== b.text) differ.push(`${b.route} ${b.label} as ${b.actor}`);
    }
    expect(differ).toEqual([]);
  });
});
