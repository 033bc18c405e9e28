import type { Line } from '../aggregation/table';

/** A cell as secondary suppression sees it: its additive magnitude (sum, or number of yes) and status. */
export interface SuppressionCell {
  magnitude: number;
  n: number;
  status: 'published' | 'empty' | 'primary' | 'secondary';
}

/**
 * Secondary suppression over a fixed table (rows × columns with totals, and territorial hierarchy), so that
 * no suppressed cell can be recomputed — exactly or to within the protection level — from the published
 * cells of any line (total = Σ parts).
 *
 * Heuristic (a line-by-line version of τ-ARGUS's "hypercube" idea, iterated to a fixpoint):
 * - every suppressed cell s carries a required protection req(s): protectionRatio × |magnitude| for a
 *   primary magnitude cell (so the attacker's upper bound on the largest contributor overshoots it by more
 *   than 10 %), 1 for a yes/no count (so the number of yes is never pinned to one value);
 * - in each line holding s, the other suppressed cells must be at least one and their protection capacity
 *   (|magnitude|; for yes/no counts min(yes, n − yes), the slack on both sides) must reach req(s);
 * - otherwise the published cell of that line with the smallest sufficient capacity is suppressed (least
 *   information lost; if none suffices, the largest, and the line is revisited), and inherits req(s), so
 *   the lines through *it* get protected in turn (this is how protection travels up the hierarchy);
 * - empty cells (no contributor) are publicly zero and are never chosen.
 * Repeat until no line changes. It terminates (each step suppresses one more cell) and is deterministic,
 * so a table is always published with the same pattern. It is not optimal (no linear programming): it may
 * suppress more than needed, and the attacker tests audit it with interval propagation.
 * @example secondarySuppression(cells, lines, { protectionRatio: 0.15, yesNo: false }) // new statuses
 */
export function secondarySuppression(
  cells: readonly SuppressionCell[], lines: readonly Line[], options: { protectionRatio: number; yesNo: boolean },
): SuppressionCell['status'][] {
  const status = cells.map((c) => c.status);
  const capacity = (i: number) => options.yesNo ? Math.min(cells[i].magnitude, cells[i].n - cells[i].magnitude) : Math.abs(cells[i].magnitude);
  const req = cells.map((c) => c.status !== 'primary' ? 0 : options.yesNo ? 1 : options.protectionRatio * Math.abs(c.magnitude));
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
  return status;
}
