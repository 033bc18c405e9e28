import type { ReleaseInfo } from '../../db/release.repo';

/**
 * A release as the public reads it: no figures, no population. `publishedAt` may come back from a job's
 * stored result as its ISO text.
 * @example presentRelease(release) // { year: 2024, number: 2, publishedAt: '2025-03-01T…', note: '…', … }
 */
export function presentRelease(r: Omit<ReleaseInfo, 'publishedAt'> & { publishedAt: Date | string }) {
  const s = r.summary as { responses?: number; heldBack?: number; changedStructures?: number; suppressedDepartementPct?: number; difference?: unknown; previousNumber?: number | null };
  return {
    year: r.year, number: r.number, publishedAt: new Date(r.publishedAt).toISOString(), note: r.note, publishedBy: r.publishedBy,
    responses: s.responses ?? null, changedStructures: s.changedStructures ?? null, heldBack: s.heldBack ?? null,
    suppressedDepartementPct: s.suppressedDepartementPct ?? null, difference: s.difference ?? null, previousNumber: s.previousNumber ?? null,
  };
}

/** What a publication answers, at once or as its job's result. */
export function presentPublication(r: { release: (Omit<ReleaseInfo, 'publishedAt'> & { publishedAt: Date | string }) | null; summary: unknown }) {
  return { release: r.release ? presentRelease(r.release) : null, summary: r.summary };
}
