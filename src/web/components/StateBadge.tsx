import { responseStateLabel } from '../lib/labels';

/** The state in words; colour only repeats it, so the badge also reads in grey scale. */
export function StateBadge({ state }: { state: string }) {
  return <span className={`badge badge-${state}`}>{responseStateLabel(state)}</span>;
}
