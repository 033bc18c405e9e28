import type { Db } from '../../db/connection';
import { campaignYears } from '../../db/aggregation.repo';
import { listReleases } from '../../db/release.repo';
import { dashboardIndicators } from '../../domain/dashboardIndicators';
import { publish, publishedChange, type PublishedCell, type PublishedFigure, type Stat, type Territory } from '../../domain/disclosure';
import { AppError } from '../../domain/errors';
import { coreIndicator } from '../../domain/indicators';
import { anonymous, type Actor } from '../../domain/roles';
import { canFollowTerritory } from '../../policies/territory';
import { getPopulation, memoOf, type CampaignPopulation } from './populationCache';
import { resolveTerritory, type TableLevel } from '../territories/resolveTerritory';

export type DashboardLevel = TableLevel;

export interface DashboardFigure {
  indicator: string; stat: Stat; territory: Territory; cell: PublishedCell;
  /** Change from the previous year's published cell; null when either is suppressed or missing. */
  change: { absolute: number; relative: number | null } | null;
}

/**
 * The national fixed table of the key indicators (nation, régions, départements), published once per
 * population. Every dashboard is a slice of this one table, so all pages share one suppression pattern
 * and no two tables can be differenced against each other.
 * @example nationalTable(pop).length // ≈ 40 indicators × 120 territories × their statistics
 */
export function nationalTable(pop: CampaignPopulation): readonly PublishedFigure[] {
  // Published: the release's audited table, as stored. Working (private, live): computed from the live population.
  if (pop.releaseTable) return pop.releaseTable;
  return memoOf(pop, 'dashboard:national', () => publish(pop.population, {
    kind: 'fixed_table', indicators: dashboardIndicators, levels: ['nation', 'region', 'departement'],
  }).figures);
}

/**
 * The latest release of the year before, for the change over a year; null when there is none (a change is
 * never computed against a year whose results are not published).
 * @example await previousRelease(db, 2025)
 */
export async function previousReleasePopulation(db: Db, year: number): Promise<CampaignPopulation | null> {
  return getPopulation({ db, year, mode: 'published' }).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_published') return null;
    throw e;
  });
}

const keyOf = (f: { indicator: string; stat: string; territory: Territory }) => `${f.indicator}|${f.stat}|${f.territory.level}:${f.territory.code}`;

/**
 * The dashboard of one territory and its children (nation → régions, région → départements; a
 * département alone, the fixed table stopping there), with the change from the previous year.
 * `view: 'working'` is the private view of those who follow the territory: it counts responses not yet
 * validated too, and says how many per territory.
 * @example await getDashboard({ db, actor, year: 2024, level: 'region', code: '84' })
 */
export async function getDashboard(p: { db: Db; actor: Actor; year: number; level: DashboardLevel; code?: string; view?: 'published' | 'working' }) {
  const { db, actor, year, level } = p;
  const view = p.view ?? 'published';
  // Independent reads side by side (under load each awaited statement waits its turn again).
  const [years, resolved] = await Promise.allSettled([campaignYears(db), resolveTerritory(db, level, p.code)]);
  if (years.status === 'rejected') throw years.reason;
  if (!years.value.includes(year)) throw new AppError('not_found', `Aucune campagne pour l’année ${year}.`);
  if (resolved.status === 'rejected') throw resolved.reason;
  const { ref, territory: named, children: namedChildren } = resolved.value;
  if (view === 'working') {
    if (!actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour la vue de travail.');
    if (!canFollowTerritory(actor, ref)) throw new AppError('forbidden', 'Vous ne suivez pas ce territoire : seule la vue publiée vous est ouverte.');
  }
  const territory: Territory = { level: named.level, code: named.code };
  const children: Territory[] = namedChildren.map((c) => ({ level: c.level, code: c.code }));

  const [pop, previousPop] = await Promise.all([getPopulation({ db, year, mode: view }),
    years.value.includes(year - 1) ? previousReleasePopulation(db, year - 1) : null]);
  const previousYear = previousPop ? year - 1 : null;
  // One answer per territory, population and previous release: computed once, then served from the population's
  // memo — the same object each time, so the HTTP layer keeps its JSON and compressed bytes too (src/http/jsonBody.ts).
  // The working view adds its live counts of unvalidated responses, so it is built afresh on each call.
  const build = () => ({
    year, view, previousYear, territory: named,
    release: pop.release ? { number: pop.release.number, publishedAt: pop.release.publishedAt.toISOString(), note: pop.release.note } : null,
    previousRelease: previousPop?.release ? { year: previousPop.year, number: previousPop.release.number } : null,
    children: namedChildren,
    indicators: dashboardIndicators.map((c) => { const i = coreIndicator(c)!; return { code: c, label: i.label, unit: i.unit }; }),
    figures: memoOf(pop, `dashboard:${territory.level}:${territory.code}:${previousPop?.release?.number ?? previousPop?.loadedAt.getTime() ?? 'none'}`,
      () => dashboardFigures(pop, previousPop, [territory, ...children])),
  });
  if (view === 'working') return { ...build(), unvalidated: countUnvalidated(pop, [territory, ...children]) };
  return memoOf(pop, `dashboard-answer:${territory.level}:${territory.code}:${previousPop?.release?.number ?? previousPop?.loadedAt.getTime() ?? 'none'}`, build);
}

/** The national table's lines of the dashboard (its indicators, no column) by territory, with their place in the table: indexed once per population. */
function dashboardLinesByTerritory(pop: CampaignPopulation): ReadonlyMap<string, readonly { f: PublishedFigure; at: number }[]> {
  return memoOf(pop, 'dashboard:lines-by-territory', () => {
    const shown = new Set<string>(dashboardIndicators);
    const out = new Map<string, { f: PublishedFigure; at: number }[]>();
    nationalTable(pop).forEach((f, at) => {
      if (!shown.has(f.indicator) || f.column !== null) return;
      const key = `${f.territory.level}:${f.territory.code}`;
      let lines = out.get(key);
      if (!lines) out.set(key, (lines = []));
      lines.push({ f, at });
    });
    return out;
  });
}

/** The national table's cells by indicator, statistic and territory: indexed once per population (the year before's, for changes). */
function cellsByKey(pop: CampaignPopulation): ReadonlyMap<string, PublishedCell> {
  return memoOf(pop, 'dashboard:cells-by-key', () => new Map(nationalTable(pop).map((f) => [keyOf(f), f.cell])));
}

/** The key figures of some territories from the national table (in its order), with their change from the previous release. */
function dashboardFigures(pop: CampaignPopulation, previousPop: CampaignPopulation | null, territories: readonly Territory[]): DashboardFigure[] {
  const before = previousPop ? cellsByKey(previousPop) : new Map<string, PublishedCell>();
  const byTerritory = dashboardLinesByTerritory(pop);
  const lines = [...new Set(territories.map((t) => `${t.level}:${t.code}`))].flatMap((key) => byTerritory.get(key) ?? []).sort((a, b) => a.at - b.at);
  return lines.map(({ f }) => {
    const prev = before.get(keyOf(f));
    return { indicator: f.indicator, stat: f.stat, territory: f.territory, cell: f.cell, change: prev ? publishedChange(f.cell, prev) : null };
  });
}

/** Responses counted in a working view that are not validated yet, per territory (the follow-up list shows them anyway). */
function countUnvalidated(pop: CampaignPopulation, territories: Territory[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of territories) out[`${t.level}:${t.code}`] = 0;
  for (const r of pop.records) {
    if (pop.places.get(r.structureId)?.validated) continue;
    for (const k of ['nation:FR', `region:${r.attributes.regionCode}`, `departement:${r.attributes.departementCode}`]) if (k in out) out[k]++;
  }
  return out;
}

/**
 * Makes the latest published year's national dashboard before anyone asks (its release and the year before's
 * loaded, the table indexed, the answer kept): the server does it before it listens, so the first visitor after
 * a start does not wait for it. Answers the year warmed, or null when nothing is published yet.
 * @example await warmPublishedFigures(db); // before listening
 */
export async function warmPublishedFigures(db: Db): Promise<number | null> {
  const latest = (await listReleases(db))[0];
  if (!latest) return null;
  await getDashboard({ db, actor: anonymous, year: latest.year, level: 'nation' });
  return latest.year;
}
