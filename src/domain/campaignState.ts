/**
 * A campaign's life: prepared, open to answers, closed, then published and archived (the last two are
 * part of the vocabulary and of the database's CHECK constraint; no use case moves there yet).
 * @example campaignStates.includes(state as CampaignState)
 */
export const campaignStates = ['preparation', 'open', 'closed', 'published', 'archived'] as const;
export type CampaignState = (typeof campaignStates)[number];
