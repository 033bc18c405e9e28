import type { Line } from '../aggregation/table';

/** The part of the HiGHS solver (the `highs` package, HiGHS compiled to WebAssembly) the audit uses. */
export interface LpSolver {
  solve(problem: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number };
}

/** One cell of a linked table as the auditor sees it. */
export interface AuditCell {
  /** The published value, or null when the cell is hidden (secret). */
  published: number | null;
  /** The true value (server side only): what protection is measured against. */
  value: number;
  /** Bounds an outsider knows before reading anything (0 and +∞ for magnitudes, 0 and n for a number of yes). */
  lower: number;
  upper: number;
  /** Whether the cell must stay protected (its primary rule broke). */
  sensitive: boolean;
}

/** What the attacker's exact linear program can say of one sensitive cell. */
export interface AuditRange { cell: number; lower: number; upper: number; value: number; pinned: boolean }

/**
 * The exact audit of a linked table (τ-ARGUS's audit): for each sensitive hidden cell, the smallest and
 * largest value it can take given every published cell and every line (total = Σ parts), by linear
 * programming — not the interval relaxation, which misses what a chain of lines pins. A cell is pinned when
 * the range is narrower than `protection` × its value on both sides (money and counts), or a single value
 * (yes/no counts, `exact`). Each cell is solved within the connected part of the lines it belongs to.
 * @example exactAudit(highs, cells, lines, { protection: 0.1 }).filter((r) => r.pinned) // []
 */
export function exactAudit(solver: LpSolver, cells: readonly AuditCell[], lines: readonly Line[], options: { protection: number; exact?: boolean }): AuditRange[] {
  const hidden = (i: number) => cells[i].published === null;
  const open = lines.filter((l) => hidden(l.total) || l.parts.some(hidden));
  const linesOf = cells.map((): number[] => []);
  open.forEach((l, li) => { for (const m of [l.total, ...l.parts]) linesOf[m].push(li); });
  const out: AuditRange[] = [];
  cells.forEach((c, i) => {
    if (!c.sensitive || !hidden(i)) return;
    // The hidden cells and lines reachable from this one: nothing else constrains it.
    const members = new Set<number>([i]);
    const used = new Set<number>();
    const queue = [i];
    while (queue.length) {
      const m = queue.pop()!;
      for (const li of linesOf[m]) {
        if (used.has(li)) continue;
        used.add(li);
        for (const o of [open[li].total, ...open[li].parts]) if (hidden(o) && !members.has(o)) { members.add(o); queue.push(o); }
      }
    }
    const lower = solveBound(solver, cells, [...used].map((li) => open[li]), [...members], i, 'Minimize');
    const upper = solveBound(solver, cells, [...used].map((li) => open[li]), [...members], i, 'Maximize');
    const v = Math.abs(c.value);
    const tol = 1e-6 * Math.max(1, v);
    const pinned = options.exact
      ? upper - lower < 0.5
      : upper - lower < tol || (upper < v * (1 + options.protection) - tol && lower > v * (1 - options.protection) + tol);
    out.push({ cell: i, lower, upper, value: c.value, pinned });
  });
  return out;
}

const name = (i: number) => `x${i}`;
const num = (x: number) => (Number.isFinite(x) ? String(x) : x > 0 ? 'inf' : '-inf');

/** One bound of one cell: an LP in CPLEX LP format over the cells of its component. */
function solveBound(solver: LpSolver, cells: readonly AuditCell[], lines: readonly Line[], members: number[], target: number, sense: 'Minimize' | 'Maximize'): number {
  const rows: string[] = [];
  lines.forEach((l, k) => {
    // total − Σ parts = 0, published members moved to the right-hand side.
    let rhs = 0;
    const terms: string[] = [];
    const add = (m: number, sign: 1 | -1) => {
      const p = cells[m].published;
      if (p === null) terms.push(`${sign > 0 ? '+' : '-'} ${name(m)}`);
      else rhs -= sign * p;
    };
    add(l.total, 1);
    for (const p of l.parts) add(p, -1);
    if (terms.length) rows.push(` l${k}: ${terms.join(' ')} = ${num(rhs)}`);
  });
  const bounds = members.map((m) => ` ${num(cells[m].lower)} <= ${name(m)} <= ${num(cells[m].upper)}`);
  const problem = `${sense}\n obj: ${name(target)}\nSubject To\n${rows.length ? rows.join('\n') : ` l0: ${name(target)} >= ${num(cells[target].lower)}`}\nBounds\n${bounds.join('\n')}\nEnd`;
  const r = solver.solve(problem, { output_flag: false });
  if (r.Status === 'Unbounded') return sense === 'Maximize' ? Infinity : -Infinity;
  if (r.Status !== 'Optimal') throw new Error(`exact audit: ${r.Status}`);
  return r.ObjectiveValue;
}
