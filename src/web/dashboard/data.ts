import type { ApiResponse } from '../../http/apiTypes';
import { api } from '../lib/api';
import type { ChartCell } from '../../domain/charts/theme';

/** Published cells as the API gives them (value / suppressed / no data). */
export type Cell = ChartCell;
export type Level = 'nation' | 'region' | 'departement';

export type DashboardFigure = Dashboard['figures'][number];
/** A campaign and its published releases as the API lists them. */
export type CampaignReleases = ApiResponse<'get', '/releases'>['campaigns'][number];
/** A published release as the API lists it. */
export type ReleaseItem = CampaignReleases['releases'][number];

export const listReleases = (signal?: AbortSignal) => api.get('/releases', undefined, signal);

export type Dashboard = ApiResponse<'get', '/stats/dashboard'>;
export type DepartementMap = ApiResponse<'get', '/stats/departement-map'>;
export type StatsQueryAnswer = ApiResponse<'post', '/stats/query'>;

const NO_DATA: Cell = { state: 'no_data' };

/** The published cell of one indicator/statistic for one territory of a dashboard. */
export function cellOf(d: Dashboard, indicator: string, stat: string, territory = d.territory): Cell {
  return d.figures.find((f) => f.indicator === indicator && f.stat === stat && f.territory.level === territory.level && f.territory.code === territory.code)?.cell ?? NO_DATA;
}

/**
 * Years that have a campaign, newest first, with their releases; the default is the newest year with a
 * published release (public figures come from releases only).
 */
export async function campaignYears(signal: AbortSignal): Promise<{ years: number[]; defaultYear: number | null; campaigns: CampaignReleases[] }> {
  const { campaigns } = await listReleases(signal);
  const years = campaigns.filter((c) => c.state !== 'preparation').map((c) => c.year).sort((a, b) => b - a);
  const released = campaigns.filter((c) => c.releases.length > 0).map((c) => c.year).sort((a, b) => b - a);
  return { years, defaultYear: released[0] ?? null, campaigns };
}

export const getDashboard = (year: number, level: Level, code: string | undefined, signal?: AbortSignal) =>
  api.get('/stats/dashboard', { year, level, code }, signal);

export const getDepartementMap = (year: number, indicator: string, region: string | undefined, signal?: AbortSignal) =>
  api.get('/stats/departement-map', { year, indicator, region }, signal);

export async function listRegions(signal?: AbortSignal) { return (await api.get('/territories/regions', undefined, signal)).items; }
export async function listDepartements(signal?: AbortSignal) { return (await api.get('/territories/departements', undefined, signal)).items; }

/**
 * Share of structures inside a QPV (quartier prioritaire) for a territory: two flexible counts from the
 * gate (perturbed), their ratio; null when either is withheld.
 */
export async function qpvShare(year: number, level: Level, code: string | undefined, signal?: AbortSignal): Promise<{ share: number | null; cell: Cell }> {
  const base = { year, indicators: ['territoire.population'], level, ...(level === 'nation' ? {} : { territories: [code] }), stats: ['count'] };
  const [all, inside] = await Promise.all([
    api.post('/stats/query', { ...base, filters: [] }),
    api.post('/stats/query', { ...base, filters: [{ dimension: 'qpv', value: 'inside' }] }),
  ]);
  void signal;
  const a = all.figures[0]?.cell ?? NO_DATA; const i = inside.figures[0]?.cell ?? NO_DATA;
  if (a.state === 'value' && i.state === 'value' && a.value > 0) return { share: Math.min(1, i.value / a.value), cell: i };
  return { share: null, cell: i.state !== 'value' ? i : a };
}
