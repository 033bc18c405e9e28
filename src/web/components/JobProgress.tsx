import { useId } from 'react';
import { formatNumber, pluralWord } from '../lib/labels';
import type { FollowedJob } from '../lib/jobs';

/**
 * What a job's progress counts: 'steps' (a publication: « Étape 2 sur 3 »), or the words of the things its
 * step counts (an import's rows, then the responses re-checked), singular and plural.
 */
export type Counting = 'steps' | ((step: string) => [one: string, many: string]);

/**
 * A job's progress in French, from the step the server names.
 * @example jobProgressText(job, 'steps') // 'Étape 2 sur 3 : calcul des tableaux et audit exact du secret'
 * @example jobProgressText(job, () => ['ligne', 'lignes']) // 'Enregistrement : 1 200 / 3 569 lignes'
 */
export function jobProgressText(job: FollowedJob | null, counting: Counting): string {
  if (!job || job.state === 'pending') return 'En attente de démarrage…';
  const p = job.progress;
  if (!p) return job.state === 'running' ? 'Démarrage…' : '';
  if (counting === 'steps') return p.total > 0 ? `Étape ${Math.min(p.done + 1, p.total)} sur ${p.total} : ${p.step}` : upperFirst(p.step);
  if (p.total === 0) return `${upperFirst(p.step)}…`;
  return `${upperFirst(p.step)} : ${formatNumber(p.done)} / ${formatNumber(p.total)} ${pluralWord(p.total, ...counting(p.step))}`;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A running job in the page: what runs, a progress bar when the job counts something, and its step. Put it
 * in a live region that is already there before the job starts, so screen readers announce the steps.
 */
export function JobProgress({ job, label, counting }: { job: FollowedJob | null; label: string; counting: Counting }) {
  const id = useId();
  const p = job?.state === 'running' ? job.progress : null;
  return (
    <div className="job-progress">
      <p className="loading">{label}</p>
      {p && p.total > 0 && <progress max={p.total} value={Math.min(p.done, p.total)} aria-labelledby={id} />}
      <p id={id} className="job-progress-step">{jobProgressText(job, counting)}</p>
    </div>
  );
}
