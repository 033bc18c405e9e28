import { DEMO_YEARS, generateAnswers, type Answers } from './answers';
import type { CampaignState } from '../campaignState';
import { Random } from './random';
import type { DemoStructure } from './structures';

/** The demo's campaigns: past years closed, the last one open and under way. */
export const demoCampaigns = DEMO_YEARS.map((year, i) => ({
  year,
  state: (i === DEMO_YEARS.length - 1 ? 'open' : 'closed') as CampaignState,
  opens_on: `${year + 1}-03-01`,
  closes_on: `${year + 1}-06-30`,
}));

export type ResponseState = 'not_started' | 'in_progress' | 'submitted' | 'returned' | 'validated' | 'locked';

/** One structure's response to one campaign, with the answers given so far. */
export interface DemoResponse { structureKey: number; year: number; state: ResponseState; answers: Answers }

/**
 * Responses of a structure over the demo years. Closed campaigns are locked (a few structures never
 * answered); the open one is spread over every state, with partial answers while in progress.
 * The demo centre (key 0) is in progress this year, so its team has something to fill.
 */
export function generateResponses(s: DemoStructure, seed = 2026): DemoResponse[] {
  const r = new Random(seed).fork(`r${s.key}`);
  const out: DemoResponse[] = [];
  for (const c of demoCampaigns) {
    const answers = generateAnswers(s, c.year, seed);
    if (c.state === 'closed') {
      if (r.chance(0.06)) continue;
      out.push({ structureKey: s.key, year: c.year, state: 'locked', answers });
      continue;
    }
    const state: ResponseState | null = s.key === 0 ? 'in_progress'
      : r.weighted([[null, 8], ['in_progress', 22], ['submitted', 25], ['returned', 5], ['validated', 40]] as const);
    if (!state) continue;
    if (state !== 'in_progress') { out.push({ structureKey: s.key, year: c.year, state, answers }); continue; }
    // Sections are filled in order; an in-progress response stops somewhere along the way.
    const keep = 0.2 + r.next() * 0.6;
    const codes = Object.keys(answers);
    const partial: Answers = {};
    for (const code of codes.slice(0, Math.round(codes.length * keep))) partial[code] = answers[code];
    out.push({ structureKey: s.key, year: c.year, state, answers: partial });
  }
  return out;
}
