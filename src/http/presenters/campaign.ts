import type { getCampaignCockpit } from '../../app/campaigns/getCampaignCockpit';
import type { listFollowUp } from '../../app/campaigns/listFollowUp';
import type { listCampaigns, TerritoryScope } from '../../db/campaign.repo';
import { parseDeadlines } from '../../domain/deadlines';

type Campaign = Awaited<ReturnType<typeof listCampaigns>>[number];
type FollowUpRow = Awaited<ReturnType<typeof listFollowUp>>['items'][number];
type Cockpit = Awaited<ReturnType<typeof getCampaignCockpit>>;

/**
 * A yearly campaign: state, dates, questionnaire and later deadlines per territory.
 * @example presentCampaign(c) // { id: 2, year: 2025, state: 'open', opensOn: …, closesOn: …, questionnaireId: 5, deadlines: { 'departement:69': '2026-07-31' } }
 */
export function presentCampaign(c: Campaign) {
  return { id: c.id, year: c.year, state: c.state, opensOn: c.opens_on, closesOn: c.closes_on, questionnaireId: c.questionnaire_id, deadlines: c.deadlines };
}

/**
 * One row of a territory's follow-up list: the awaited structure, its response (if any), state, score and open queries.
 * @example presentFollowUpRow(r) // { structureId: 3, name: 'CS Les Tilleuls', kind: 'CS', departementCode: '69', responseId: 12, updatedAt: …, qualityScore: 82, state: 'submitted', openQueries: 1 }
 */
export function presentFollowUpRow(r: FollowUpRow) {
  return {
    structureId: r.structure_id, name: r.name, kind: r.kind, departementCode: r.departement_code,
    responseId: r.response_id, updatedAt: r.updated_at, qualityScore: r.quality_score, state: r.state, openQueries: r.open_queries,
  };
}

/**
 * A territory's follow-up dashboard: the campaign (closing day and later deadlines), the territory, then the cockpit's figures.
 * @example presentCockpit(campaign, scope, cockpit) // { campaign: { year: 2025, state: 'open', closesOn: …, deadlines: [] }, territory: { level: 'nation' }, expected: 120, …, mostFindings: [{ id: 3, name: '…', responseId: 12, qualityScore: 40, findings: 6 }] }
 */
export function presentCockpit(campaign: Pick<Campaign, 'year' | 'state' | 'closes_on' | 'deadlines'>, territory: TerritoryScope, k: Cockpit) {
  return {
    campaign: { year: campaign.year, state: campaign.state, closesOn: campaign.closes_on, deadlines: parseDeadlines(campaign.deadlines) },
    territory,
    expected: k.expected, byState: k.byState, onTimeRate: k.onTimeRate, timeliness: k.timeliness,
    qualityDistribution: k.qualityDistribution, openQueries: k.openQueries,
    mostFindings: k.mostFindings.map((w) => ({ id: w.id, name: w.name, responseId: w.response_id, qualityScore: w.quality_score, findings: w.findings })),
  };
}
