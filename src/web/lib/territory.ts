import { api } from './api';
import type { Campaign, } from './types';

export type TerritoryLevel = 'nation' | 'region' | 'departement';

/** The name people use for a territory: "France", "Auvergne-Rhône-Alpes", "Rhône (69)". */
export async function territoryName(level: TerritoryLevel, code: string | undefined, signal?: AbortSignal): Promise<string> {
  if (level === 'nation' || !code) return 'France';
  if (level === 'region') {
    const { items } = await api.get('/territories/regions', undefined, signal);
    return items.find((r) => r.code === code)?.name ?? `Région ${code}`;
  }
  const { items } = await api.get('/territories/departements', undefined, signal);
  const d = items.find((x) => x.code === code);
  return d ? `${d.name} (${d.code})` : `Département ${code}`;
}

/** The campaign a home page opens on: the open one, else the most recent (the API lists newest first). */
export function currentCampaign(campaigns: Campaign[]): Campaign | undefined {
  return campaigns.find((c) => c.state === 'open') ?? campaigns[0];
}
