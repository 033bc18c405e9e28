import type { Db } from '../../db/connection';
import { listCampaigns } from '../../db/campaign.repo';
import { listReleases, type ReleaseInfo } from '../../db/release.repo';

/** A campaign year with its releases, newest first (public: releases are the published figures). */
export interface CampaignReleases {
  year: number;
  state: string;
  closesOn: Date | string;
  releases: ReleaseInfo[];
}

/**
 * Every campaign with the releases of its year. Public: no figure, no population is read here.
 * @example const campaigns = await listCampaignReleases({ db }); campaigns[0].releases[0]?.number
 */
export async function listCampaignReleases(p: { db: Db }): Promise<CampaignReleases[]> {
  const [releases, campaigns] = await Promise.all([listReleases(p.db), listCampaigns(p.db)]);
  return campaigns.map((k) => ({
    year: k.year, state: k.state, closesOn: k.closes_on,
    releases: releases.filter((r) => r.year === k.year),
  }));
}
