import { contributionValue, type IndicatorSpec } from '../aggregation/contributions';
import { buildFixedTables, type RawTable } from '../aggregation/table';
import type { Territory } from '../aggregation/territory';
import { suppressedCell, type PublishedCell } from './cell';
import { exactAudit, type AuditCell, type LpSolver } from './exactAudit';
import { defaultPolicy, type DisclosurePolicy } from './policy';
import { publishFixed, resolveIndicator, type IndicatorRef, type Population, type PublishedFigure } from './publish';
import { allowedStats, type Stat } from './stats';

/**
 * A release: the one fixed table of a campaign (every exact number any public output shows), published
 * from a frozen population and checked against the campaign's earlier releases. A cell that changed since
 * an earlier release for fewer structures than the minimum group size is held back (rule `release`): the
 * difference of the two releases would isolate those structures; secondary suppression then protects it
 * like any primary cell, so it cannot be recomputed from the release's own totals either.
 */
export interface ReleaseTable { figures: PublishedFigure[]; heldBack: number; changedStructures: number }

const cellKey = (t: Territory, column: string | null) => `${t.level}:${t.code}|${column ?? ''}`;

/**
 * The statistics a release publishes for an indicator: its defaults plus the additive one (sum of amounts,
 * number of yes), so totals, means and shares of every page come from the same cells.
 * @example releaseStats(produits) // ['count', 'sum', 'mean', 'median', 'q1', 'q3']
 */
export function releaseStats(ind: IndicatorSpec): readonly Stat[] {
  return allowedStats(ind);
}

/**
 * Publishes a release's table. `earlier` are the populations of the campaign's earlier releases.
 * @example publishRelease(population, [release1.population], coreAggregatable).heldBack // cells held back
 */
export function publishRelease(population: Population, earlier: readonly Population[], indicators: readonly IndicatorRef[], policy: DisclosurePolicy = defaultPolicy): ReleaseTable {
  const specs = indicators.map(resolveIndicator);
  const layout = { levels: policy.fixedTableLevels, columns: policy.fixedTableColumns };
  // Per indicator, the contributions of each earlier release by cell (territory × column).
  const before = new Map<string, Map<string, Map<number, number>>[]>();
  const beforeOf = (table: RawTable) => {
    let maps = before.get(table.indicator.code);
    if (!maps) {
      maps = earlier.map((pop) => {
        const [raw] = buildFixedTables(pop.index, [table.indicator], layout);
        return new Map(raw.cells.map((c) => [cellKey(c.territory, c.column), new Map(c.contributions.map((x) => [x.structureId, x.value]))]));
      });
      before.set(table.indicator.code, maps);
    }
    return maps;
  };
  let heldBack = 0;
  const figures: PublishedFigure[] = [];
  for (const ind of specs) {
    figures.push(...publishFixed(population.index, [ind], { kind: 'fixed_table', indicators: [ind], levels: policy.fixedTableLevels, stats: releaseStats(ind) }, policy, (table, i) => {
      const cell = table.cells[i];
      const now = new Map(cell.contributions.map((x) => [x.structureId, x.value]));
      for (const earlierCells of beforeOf(table)) {
        const then = earlierCells.get(cellKey(cell.territory, cell.column)) ?? new Map<number, number>();
        let changed = 0;
        for (const [id, v] of now) if (then.get(id) !== v) changed++;
        for (const id of then.keys()) if (!now.has(id)) changed++;
        if (changed > 0 && changed < policy.minSize) { heldBack++; return true; }
      }
      return false;
    }));
  }
  return { figures, heldBack, changedStructures: changedStructures(population, earlier, specs) };
}

/** Structures whose answers to the release's indicators differ from the latest earlier release (added, removed or corrected). */
function changedStructures(population: Population, earlier: readonly Population[], specs: readonly IndicatorSpec[]): number {
  const last = earlier[earlier.length - 1];
  if (!last) return population.index.records.length;
  const then = new Map(last.index.records.map((r) => [r.structureId, r]));
  let n = 0;
  const seen = new Set<number>();
  for (const r of population.index.records) {
    seen.add(r.structureId);
    const b = then.get(r.structureId);
    if (!b || specs.some((s) => contributionValue(r.values[s.code], s.unit) !== contributionValue(b.values[s.code], s.unit))) n++;
  }
  for (const id of then.keys()) if (!seen.has(id)) n++;
  return n;
}

/** The result of a release's exact audit. */
export interface ReleaseAudit {
  /** Sensitive (primarily suppressed) cells audited by linear programming. */
  sensitive: number;
  /** Cells hidden by the audit because the linear program pinned a sensitive cell (0 when the heuristic held). */
  addedSuppressions: number;
  /** Sensitive cells still pinned within the protection after the audit's own suppressions (must be 0). */
  pinned: number;
  /** The narrowest range found, relative to the cell's value (∞ when every cell is unbounded). */
  narrowestRelativeRange: number;
}

/**
 * The exact audit of a release (linear programming over every line of each indicator's table, HiGHS): a
 * primarily suppressed money or count cell must not be confined within ±protection of its value, a yes/no
 * count not to one value. Where the secondary-suppression heuristic left one pinned, the audit hides the
 * largest published cell of one of its lines and solves again, so the release that goes out passes.
 * Mutates `release.figures` in that case.
 * @example auditRelease(highs, population, release).pinned // 0
 */
export function auditRelease(solver: LpSolver, population: Population, release: ReleaseTable, policy: DisclosurePolicy = defaultPolicy, protection = 0.1): ReleaseAudit {
  const layout = { levels: policy.fixedTableLevels, columns: policy.fixedTableColumns };
  const byIndicator = new Map<string, PublishedFigure[]>();
  for (const f of release.figures) (byIndicator.get(f.indicator) ?? byIndicator.set(f.indicator, []).get(f.indicator)!).push(f);
  const result: ReleaseAudit = { sensitive: 0, addedSuppressions: 0, pinned: 0, narrowestRelativeRange: Infinity };
  for (const [code, figs] of byIndicator) {
    const ind = resolveIndicator(code);
    const [raw] = buildFixedTables(population.index, [ind], layout);
    const byCell = new Map<string, PublishedFigure[]>();
    for (const f of figs) (byCell.get(cellKey(f.territory, f.column)) ?? byCell.set(cellKey(f.territory, f.column), []).get(cellKey(f.territory, f.column))!).push(f);
    const yesNo = ind.unit === 'yesno';
    for (let round = 0; round < 20; round++) {
      const cells: AuditCell[] = raw.cells.map((c) => {
        const own = byCell.get(cellKey(c.territory, c.column)) ?? [];
        const value = c.contributions.reduce((s, x) => s + x.value, 0);
        const first = own[0]?.cell;
        return {
          published: publishedMagnitude(own), value,
          lower: 0, upper: yesNo ? c.contributions.length : Infinity,
          sensitive: first?.state === 'suppressed' && first.rule !== 'secondary' && c.contributions.length > 0,
        };
      });
      const ranges = exactAudit(solver, cells, raw.lines, { protection, exact: yesNo });
      if (round === 0) result.sensitive += ranges.length;
      const pinned = ranges.filter((r) => r.pinned);
      for (const r of ranges) {
        const rel = (r.upper - r.lower) / Math.max(1, Math.abs(r.value));
        if (rel < result.narrowestRelativeRange) result.narrowestRelativeRange = rel;
      }
      if (pinned.length === 0) break;
      // Hide the largest published cell in a line of each pinned cell, then solve again.
      let hidOne = false;
      for (const p of pinned) {
        const candidates = raw.lines.filter((l) => l.total === p.cell || l.parts.includes(p.cell))
          .flatMap((l) => [l.total, ...l.parts]).filter((m) => cells[m].published !== null);
        if (candidates.length === 0) continue;
        const pick = candidates.reduce((a, b) => (Math.abs(cells[b].value) > Math.abs(cells[a].value) ? b : a));
        const key = cellKey(raw.cells[pick].territory, raw.cells[pick].column);
        for (const f of byCell.get(key) ?? []) f.cell = suppressedCell('secondary');
        cells[pick].published = null;
        result.addedSuppressions++;
        hidOne = true;
      }
      if (!hidOne || round === 19) { result.pinned += pinned.length; break; }
    }
  }
  return result;
}

/** The additive figure a cell publishes (sum, or mean × n, or share × n), or null when it is secret. */
function publishedMagnitude(figures: readonly PublishedFigure[]): number | null {
  const get = (stat: Stat): PublishedCell | undefined => figures.find((f) => f.stat === stat)?.cell;
  const sum = get('sum');
  if (sum?.state === 'value') return sum.value;
  const mean = get('mean') ?? get('share');
  if (mean?.state === 'value') return mean.value * mean.n;
  return null;
}

/** What changed from one release to the next, as the publication page says it. */
export interface ReleaseDifference {
  /** Cells published in both with another value. */
  changed: number;
  /** Cells published before and secret now, and the other way round. */
  nowSecret: number;
  nowPublished: number;
  /** Changed cells per indicator, largest first (at most 10). */
  indicators: { indicator: string; changed: number }[];
}

/**
 * Compares two releases' tables cell by cell (additive statistics only: sum, share, count).
 * @example compareReleases(previous.figures, next.figures).changed // 12
 */
export function compareReleases(before: readonly PublishedFigure[], after: readonly PublishedFigure[]): ReleaseDifference {
  const key = (f: PublishedFigure) => `${f.indicator}|${f.stat}|${f.territory.level}:${f.territory.code}|${f.column ?? ''}`;
  const old = new Map(before.map((f) => [key(f), f.cell]));
  const out: ReleaseDifference = { changed: 0, nowSecret: 0, nowPublished: 0, indicators: [] };
  const per = new Map<string, number>();
  for (const f of after) {
    if (f.stat !== 'sum' && f.stat !== 'count' && f.stat !== 'share' && f.stat !== 'mean') continue;
    const o = old.get(key(f));
    if (!o) continue;
    const was = o.state === 'value', is = f.cell.state === 'value';
    if (was && !is) out.nowSecret++;
    else if (!was && is) out.nowPublished++;
    else if (was && is && o.state === 'value' && f.cell.state === 'value' && Math.abs(o.value - f.cell.value) > 1e-9 * Math.max(1, Math.abs(o.value))) {
      out.changed++;
      per.set(f.indicator, (per.get(f.indicator) ?? 0) + 1);
    }
  }
  out.indicators = [...per].map(([indicator, changed]) => ({ indicator, changed })).sort((a, b) => b.changed - a.changed || a.indicator.localeCompare(b.indicator)).slice(0, 10);
  return out;
}
