/** A change between two years: absolute difference and relative change (null when the base is 0). */
export interface Change { absolute: number; relative: number | null }

/**
 * Change from the previous year's figure to this year's. Null when either figure is missing, so that a
 * suppressed or absent previous value never turns into a fake "+100 %".
 * @example changeFromPrevious(110, 100) // { absolute: 10, relative: 0.1 }
 */
export function changeFromPrevious(current: number | null | undefined, previous: number | null | undefined): Change | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  if (!Number.isFinite(current) || !Number.isFinite(previous)) return null;
  const absolute = current - previous;
  return { absolute, relative: previous === 0 ? null : absolute / Math.abs(previous) };
}
