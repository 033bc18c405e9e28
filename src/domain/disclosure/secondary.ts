import type { Line } from '../aggregation/table';
import { propagate } from './intervals';

/** A cell as secondary suppression sees it: its additive magnitude (sum, or number of yes) and status. */
export interface SuppressionCell {
  magnitude: number;
  n: number;
  status: 'published' | 'empty' | 'primary' | 'secondary';
}
type Status = SuppressionCell['status'];
interface Options {
  protectionRatio: number;
  yesNo: boolean;
}

/**
 * Secondary suppression over a fixed table (rows × columns with totals, and territorial hierarchy), so that
 * no suppressed cell can be recomputed — exactly or to within the protection level — from the published
 * cells of any line (total = Σ parts).
 *
 * Two steps, repeated until the audit passes:
 * 1. cover (`coverLines`): a line-by-line version of τ-ARGUS's "hypercube" heuristic, to a fixpoint;
 * 2. audit: the attacker's own reasoning — interval propagation over every line (`propagate`) from the cells
 *    that would be published — gives each primary cell the widest range an outsider can still deduce. A
 *    magnitude cell is protected when its upper bound exceeds its value by protectionRatio × value (which also
 *    keeps a contributor from bounding the largest other one, since that bound is the cell's bound minus her
 *    own value); a yes/no count when it is not pinned to one value. The cover heuristic counts a partner's
 *    whole magnitude as slack, but other lines may pin that partner's lower bound: the audit catches it (a
 *    dominant 12.7 M€ contributor once slipped through that way) and doubles the failing cell's requirement,
 *    so step 1 adds more cover; after a few rounds, every published cell of its lines is hidden.
 * Deterministic (the same table always gives the same pattern), terminates (each round hides more cells or
 * stops), not optimal (no linear programming): it may suppress more than needed.
 * @example secondarySuppression(cells, lines, { protectionRatio: 0.15, yesNo: false }) // new statuses
 */
export function secondarySuppression(cells: readonly SuppressionCell[], lines: readonly Line[], options: Options): Status[] {
  const status = cells.map((c) => c.status);
  const req = cells.map((c) => c.status !== 'primary' ? 0 : options.yesNo ? 1 : options.protectionRatio * Math.abs(c.magnitude));
  if (!status.includes('primary')) return status;
  const linesOf = cells.map((): Line[] => []);
  for (const line of lines) for (const m of [line.total, ...line.parts]) linesOf[m].push(line);
  for (let round = 0; ; round++) {
    const before = status.filter((x) => x === 'secondary').length;
    coverLines(cells, lines, status, req, options);
    const failing = unprotected(cells, lines, status, options);
    if (failing.length === 0) return status;
    for (const s of failing) {
      if (round < 4) { req[s] *= 2; continue; }
      // The heuristic keeps believing in slack other lines take away: hide every published cell around s.
      for (const line of linesOf[s]) for (const m of [line.total, ...line.parts]) {
        if (status[m] === 'published') { status[m] = 'secondary'; req[m] = Math.max(req[m], req[s]); }
      }
    }
    // Nothing left to hide around the failing cells: stop rather than spin.
    if (round >= 4 && status.filter((x) => x === 'secondary').length === before) return status;
  }
}

/** Step 1: in each line holding a suppressed cell s, the other suppressed cells' capacity must reach req(s). */
function coverLines(cells: readonly SuppressionCell[], lines: readonly Line[], status: Status[], req: number[], options: Options): void {
  const capacity = (i: number) => options.yesNo ? Math.min(cells[i].magnitude, cells[i].n - cells[i].magnitude) : Math.abs(cells[i].magnitude);
  const suppressed = (i: number) => status[i] === 'primary' || status[i] === 'secondary';
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const members = [line.total, ...line.parts];
      for (const s of members) {
        if (!suppressed(s)) continue;
        for (;;) {
          const others = members.filter((o) => o !== s && suppressed(o));
          const cover = others.reduce((acc, o) => acc + capacity(o), 0);
          if (others.length > 0 && cover >= req[s]) break;
          const need = req[s] - cover;
          const candidates = members.filter((o) => status[o] === 'published');
          if (candidates.length === 0) break; // nothing left to hide in this line; other lines must protect s
          const byCapacity = candidates.sort((a, b) => capacity(a) - capacity(b) || cells[a].n - cells[b].n || a - b);
          const pick = byCapacity.find((o) => capacity(o) >= need && capacity(o) > 0) ?? byCapacity[byCapacity.length - 1];
          status[pick] = 'secondary';
          req[pick] = Math.max(req[pick], req[s]);
          changed = true;
        }
      }
    }
  }
}

/** Step 2: the primary cells an outsider could still pin down from what would be published. */
function unprotected(cells: readonly SuppressionCell[], lines: readonly Line[], status: readonly Status[], options: Options): number[] {
  const hidden = (i: number) => status[i] === 'primary' || status[i] === 'secondary';
  // Only lines with a hidden member constrain anything the attacker does not already read.
  const open = lines.filter((l) => hidden(l.total) || l.parts.some(hidden));
  const bounds = propagate(cells.map((c, i) => ({
    known: hidden(i) ? null : c.magnitude, lower: 0, upper: options.yesNo ? c.n : Infinity,
  })), open);
  const failing: number[] = [];
  cells.forEach((c, i) => {
    if (status[i] !== 'primary') return;
    const [lo, hi] = bounds[i];
    const v = Math.abs(c.magnitude);
    const pinned = hi - lo < 1e-6 * Math.max(1, v);
    if (pinned || (!options.yesNo && hi < v * (1 + options.protectionRatio) - 1e-9 * Math.max(1, v))) failing.push(i);
  });
  return failing;
}
