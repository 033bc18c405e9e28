import './trust.css';
import { useState } from 'react';
import { api, ApiError } from '../lib/api';
import { useApi } from '../lib/useApi';
import { ErrorAlert, Show } from '../components/Status';
import { questionsOf } from './labels';
import { QueryThread } from './QueryThread';

/**
 * The structure's side of the query loop, self-contained (mount it on the filling page): the
 * correspondents' questions on this response, each with its thread; an open one can be answered,
 * changing the questioned value if needed. Renders nothing when there is no query.
 * @example <QueriesPanel responseId={12} />
 */
export function QueriesPanel({ responseId, onChange }: { responseId: number; onChange?: () => void }) {
  const [reload, setReload] = useState(0);
  const loaded = useApi(`${responseId}/${reload}`, async (signal) => {
    const [queries, detail, definition] = await Promise.all([
      api.get(`/responses/${responseId}/queries`, undefined, signal),
      api.get(`/responses/${responseId}`, undefined, signal),
      api.get(`/responses/${responseId}/questionnaire`, undefined, signal),
    ]);
    return { queries: queries.items, detail, labels: new Map(questionsOf(definition).map((q) => [q.code, q.label])) };
  }, { keepPrevious: true });
  return (
    <Show loaded={loaded} loadingText="Chargement des questions du correspondant…">
      {({ queries, detail, labels }) => {
        if (queries.length === 0) return null;
        const open = queries.filter((q) => q.state === 'open').length;
        return (
          <section className="panel panel-note queries-panel" aria-labelledby="queries-panel-title">
            <h2 id="queries-panel-title">Questions de votre correspondant{open > 0 ? ` (${open} en attente de votre réponse)` : ''}</h2>
            {open > 0 && <p>Seules les réponses questionnées sont modifiables. Corrigez la valeur si elle est fausse, ou expliquez-la, puis envoyez votre réponse.</p>}
            {queries.map((q) => (
              <QueryThread key={q.id} query={q} label={labels.get(q.code) ?? q.code} side="structure" responseId={responseId}
                answer={detail.answers.find((a) => a.code === q.code)} onChange={() => { setReload((n) => n + 1); onChange?.(); }} />
            ))}
            {open === 0 && detail.response.state === 'returned' && detail.can.submit && <Resubmit responseId={responseId} onDone={() => { setReload((n) => n + 1); onChange?.(); }} />}
          </section>
        );
      }}
    </Show>
  );
}

function Resubmit({ responseId, onDone }: { responseId: number; onDone: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true); setError(null);
    try { await api.post(`/responses/${responseId}/submit`); onDone(); }
    catch (e) { setError(e instanceof ApiError ? e : new ApiError(0, 'internal', 'La transmission a échoué.')); }
    finally { setBusy(false); }
  }
  return (
    <div className="actions">
      <p>Vous avez répondu à toutes les questions : transmettez de nouveau la réponse à votre correspondant.</p>
      {error && <ErrorAlert error={error} />}
      <button type="button" className="button" onClick={submit} disabled={busy}>Transmettre de nouveau</button>
    </div>
  );
}
