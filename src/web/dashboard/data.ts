import { api } from '../lib/api';
import type { Departement, Page, Region } from '../lib/types';
import type { ChartCell } from '../../domain/charts/theme';

/** Published cells as the API gives them (value / suppressed / no data). */
export type Cell = ChartCell;
export type Level = 'nation' | 'region' | 'departement';

export interface DashboardFigure { indicator: string; stat: string; territory: { level: string; code: string }; cell: Cell; change: { absolute: number; relative: number | null } | null }
/** A published release as the API lists it. */
export interface ReleaseItem {
  year: number; number: number; publishedAt: string; note: string; publishedBy: string | null;
  responses: number | null; changedStructures: number | null; heldBack: number | null; suppressedDepartementPct: number | null;
  previousNumber: number | null;
  difference: { changed: number; nowSecret: number; nowPublished: number; indicators: { indicator: string; changed: number }[] } | null;
}
export interface CampaignReleases { year: number; state: string; closesOn: string; releases: ReleaseItem[] }

export const listReleases = (signal?: AbortSignal) => api.get<{ campaigns: CampaignReleases[] }>('/releases', undefined, signal);

export interface Dashboard {
  year: number; view: string; previousYear: number | null;
  release: { number: number; publishedAt: string; note: string } | null;
  territory: { level: string; code: string; name: string };
  children: { level: string; code: string; name: string }[];
  indicators: { code: string; label: string; unit: string }[];
  figures: DashboardFigure[];
}
export interface DepartementMap {
  year: number; stat: string; indicator: { code: string; label: string; unit: string };
  departements: { code: string; name: string; cell: Cell }[];
}
export interface StatsQueryAnswer { figures: { indicator: string; stat: string; territory: { level: string; code: string }; filters: { dimension: string; value: string }[]; cell: Cell }[] }

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
  api.get<Dashboard>('/stats/dashboard', { year, level, code }, signal);

export const getDepartementMap = (year: number, indicator: string, region: string | undefined, signal?: AbortSignal) =>
  api.get<DepartementMap>('/stats/departement-map', { year, indicator, region }, signal);

export async function listRegions(signal?: AbortSignal) { return (await api.get<Page<Region>>('/territories/regions', undefined, signal)).items; }
export async function listDepartements(signal?: AbortSignal) { return (await api.get<Page<Departement>>('/territories/departements', undefined, signal)).items; }

/**
 * Share of structures inside a QPV (quartier prioritaire) for a territory: two flexible counts from the
 * gate (perturbed), their ratio; null when either is withheld.
 */
export async function qpvShare(year: number, level: Level, code: string | undefined, signal?: AbortSignal): Promise<{ share: number | null; cell: Cell }> {
  const base = { year, indicators: ['territoire.population'], level, ...(level === 'nation' ? {} : { territories: [code] }), stats: ['count'] };
  const [all, inside] = await Promise.all([
    api.post<StatsQueryAnswer>('/stats/query', { ...base, filters: [] }),
    api.post<StatsQueryAnswer>('/stats/query', { ...base, filters: [{ dimension: 'qpv', value: 'inside' }] }),
  ]);
  void signal;
  const a = all.figures[0]?.cell ?? NO_DATA; const i = inside.figures[0]?.cell ?? NO_DATA;
  if (a.state === 'value' && i.state === 'value' && a.value > 0) return { share: Math.min(1, i.value / a.value), cell: i };
  return { share: null, cell: i.state !== 'value' ? i : a };
}
