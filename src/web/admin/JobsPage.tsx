import { useRef, useState } from 'react';
import type { ApiResponse } from '../../http/apiTypes';
import { jobStateLabels, queueStates, type QueueState } from '../../domain/jobs';
import { api, ApiError } from '../lib/api';
import { formatNumber, plural, pluralWord } from '../lib/labels';
import { navigate, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { ErrorAlert, Loading, Show } from '../components/Status';
import { formatDateTime } from '../trust/labels';
import { NationalOnly } from './AdminPage';

type QueueJob = ApiResponse<'get', '/jobs'>['items'][number];

/** The counts' words, singular and plural (the state column uses jobStateLabels). */
const countWords: Record<QueueState, [string, string]> = {
  pending: ['en attente', 'en attente'], running: ['en cours', 'en cours'], failed: ['abandonnée', 'abandonnées'],
};

const isState = (s: string | null): s is QueueState => queueStates.includes(s as QueueState);

/** When the job runs next: its time if it waits, else why there is none. */
function nextAttempt(j: QueueJob): string {
  if (j.state === 'pending') return formatDateTime(j.runAt);
  if (j.state === 'running') return 'en cours d’exécution';
  return 'aucun : à relancer une fois la cause réparée';
}

/**
 * `/admin/taches?etat=`: the durable job queue for the national administration (GET /api/jobs): counts by
 * state, the jobs (given-up ones first) with their last error, and « Relancer » on a given-up job
 * (POST /api/jobs/:id/retry), whose answer, or French refusal (409, 404), is announced.
 * @example if (matchPath('/admin/taches', path)) return { title: 'Tâches de fond', page: <JobsPage /> }; // App.tsx
 */
export function JobsPage() {
  const { me } = useSession();
  const { search } = useLocation();
  const raw = search.get('etat');
  const state = isState(raw) ? raw : undefined;
  const [version, setVersion] = useState(0);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [result, setResult] = useState<{ text: string } | { error: ApiError } | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const national = Boolean(me?.memberships.some((m) => m.role === 'national_admin'));
  const loaded = useApi(national ? JSON.stringify([state, version]) : null, (signal) => api.get('/jobs', { state }, signal), { keepPrevious: true });
  if (!me) return <Loading />;
  if (!national) return <NationalOnly title="Tâches de fond" back="/admin/taches" signedIn={Boolean(me.user)} />;

  async function retry(j: QueueJob) {
    setBusyId(j.id);
    setResult(null);
    try {
      const r = await api.post(`/jobs/${j.id}/retry`);
      setResult({ text: `Tâche n° ${r.id} (${j.label}) remise dans la file : ${jobStateLabels[r.state]}, ses essais comptés de zéro.` });
    } catch (e) {
      setResult({ error: e instanceof ApiError ? e : new ApiError(0, 'internal', 'La relance a échoué ; réessayez.') });
    } finally {
      setBusyId(null);
      // Success or refusal (already put back, or done meanwhile): the list shows where the job stands now.
      setVersion((v) => v + 1);
      resultRef.current?.focus();
    }
  }

  return (
    <section aria-labelledby="jobs-title">
      <h1 id="jobs-title">Tâches de fond</h1>
      <p className="lead">Travaux que le serveur fait en arrière-plan, comme le recalcul de la qualité d’une réponse après une saisie. Une tâche terminée quitte la file ; une tâche qui échoue est réessayée, de plus en plus espacée, puis abandonnée après ses essais. Réparez la cause indiquée par sa dernière erreur, puis relancez-la.</p>
      <div ref={resultRef} tabIndex={-1} aria-live="polite">
        {result && ('error' in result ? <ErrorAlert error={result.error} /> : <p className="alert alert-info">{result.text}</p>)}
      </div>
      <form className="inline-form" aria-label="Filtrer les tâches" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="jobs-state">État des tâches</label>
          <select id="jobs-state" value={state ?? ''} onChange={(e) => navigate(e.target.value ? `/admin/taches?etat=${e.target.value}` : '/admin/taches', { replace: true })}>
            <option value="">Tous les états</option>
            {queueStates.map((s) => <option key={s} value={s}>{jobStateLabels[s]}</option>)}
          </select>
        </div>
      </form>
      <Show loaded={loaded} loadingText="Chargement de la file des tâches…">
        {(data) => {
          const total = state ? data.counts[state] : queueStates.reduce((n, s) => n + data.counts[s], 0);
          return (
            <>
              <ul className="key-figures" aria-label="Tâches par état">
                {queueStates.map((s) => (
                  <li key={s}><span className="figure">{formatNumber(data.counts[s])}</span> {pluralWord(data.counts[s], ...countWords[s])}</li>
                ))}
              </ul>
              <p role="status" className="result-count">
                {plural(total, 'tâche', 'tâches')}{state ? ` ${pluralWord(total, ...countWords[state])}` : ' dans la file'}
                {data.items.length < total ? ` ; les ${formatNumber(data.items.length)} premières sont listées` : ''}
              </p>
              {data.items.length > 0 && <JobsTable jobs={data.items} state={state} busyId={busyId} onRetry={retry} />}
            </>
          );
        }}
      </Show>
    </section>
  );
}

/** The jobs listed, one card per job on a phone; a given-up job has its « Relancer » button. */
function JobsTable({ jobs, state, busyId, onRetry }: { jobs: QueueJob[]; state?: QueueState; busyId: number | null; onRetry: (j: QueueJob) => void }) {
  return (
    <div className="table-wrap">
      <table className="table table-cards">
        <caption>File des tâches{state ? ` (${jobStateLabels[state]})` : ', les abandonnées d’abord'}</caption>
        <thead>
          <tr><th scope="col">Tâche</th><th scope="col">État</th><th scope="col" className="num">Essais</th><th scope="col">Prochain essai</th><th scope="col">Dernière erreur</th><th scope="col">Créée le</th><th scope="col">Action</th></tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr key={j.id}>
              <th scope="row">
                {j.label} <span className="muted">n° {j.id}</span>
                {j.responseId !== null && <> – <Link to={`/controle/${j.responseId}`}>réponse n° {j.responseId}</Link></>}
              </th>
              <td data-label="État">{j.state === 'failed' ? <strong>{jobStateLabels[j.state]}</strong> : jobStateLabels[j.state]}</td>
              <td data-label="Essais" className="num">{j.attempts} sur {j.maxAttempts}</td>
              <td data-label="Prochain essai">{nextAttempt(j)}</td>
              <td data-label="Dernière erreur">{j.lastError ?? '—'}</td>
              <td data-label="Créée le">{formatDateTime(j.createdAt)}</td>
              <td data-label="Action">
                {j.state === 'failed'
                  ? <button type="button" className="button button-secondary" disabled={busyId !== null} onClick={() => onRetry(j)}>{busyId === j.id ? 'Relance…' : 'Relancer'}<span className="visually-hidden"> la tâche n° {j.id}</span></button>
                  : <span className="muted">—</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
