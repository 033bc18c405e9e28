import { useState } from 'react';
import { api, ApiError } from '../lib/api';
import { formatDate } from '../lib/labels';
import { useApi } from '../lib/useApi';
import { ErrorAlert, Show } from '../components/Status';
import { ownText } from './labels';
import type { Candidate, ConsentRequest, } from './types';

const stateLabel: Record<ConsentRequest['state'], string> = { pending: 'En attente de réponse', accepted: 'Acceptée', refused: 'Refusée', withdrawn: 'Retirée' };
const actionLabel: Record<string, string> = { request: 'Demande', grant: 'Accord', refuse: 'Refus', withdraw: 'Retrait' };

/**
 * Joint consent, for the director: ask nearby structures, answer their requests, withdraw, read the
 * ledger; and the named table, which lists only structures that both agreed.
 */
export function ConsentPanel({ structureId, structureName, year, indicators }: { structureId: number; structureName: string; year: number; indicators: string[] }) {
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const loaded = useApi(`${structureId}:${version}`, (signal) => api.get(`/structures/${structureId}/consents`, undefined, signal), { keepPrevious: true });

  async function act(what: () => Promise<unknown>, done: string) {
    setError(null);
    setStatus(null);
    try {
      await what();
      setStatus(done);
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'internal', 'Une erreur inattendue est survenue.'));
    }
  }
  const other = (r: ConsentRequest) => (r.requesterId === structureId ? r.targetName : r.requesterName);

  return (
    <section className="panel consent" aria-labelledby="consent-title">
      <h2 id="consent-title">Comparaison nominative, avec l’accord des deux structures</h2>
      <p>
        Vous pouvez proposer à des structures proches (à 50 km au plus, ou parmi vos plus proches voisins) de comparer vos chiffres à visage
        découvert. Les noms et les valeurs n’apparaissent qu’entre deux structures qui ont toutes deux accepté ; chacune peut retirer son accord à tout moment.
      </p>
      <div aria-live="polite" role="status" className="consent-status">{status && <p className="alert alert-info">{status}</p>}</div>
      {error && <ErrorAlert error={error} />}
      <Show loaded={loaded} loadingText="Chargement des demandes…">
        {({ requests, ledger, candidates }) => {
          const incoming = requests.filter((r) => r.targetId === structureId && r.state === 'pending');
          const live = new Set(requests.filter((r) => r.state === 'pending' || r.state === 'accepted').map((r) => (r.requesterId === structureId ? r.targetId : r.requesterId)));
          return (
            <>
              <h3>Demandes reçues</h3>
              {incoming.length === 0 ? <p className="muted">Aucune demande en attente.</p> : (
                <ul className="consent-list">
                  {incoming.map((r) => (
                    <li key={r.id}>
                      <span><strong>{r.requesterName}</strong> propose de comparer vos chiffres (demande du {formatDate(r.createdAt)}).</span>
                      <span className="actions">
                        <button type="button" className="button button-small" onClick={() => act(() => api.post(`/consents/${r.id}/accept`), `Vous avez accepté la comparaison avec ${r.requesterName}.`)}>
                          Accepter<span className="visually-hidden"> la demande de {r.requesterName}</span>
                        </button>
                        <button type="button" className="button button-secondary button-small" onClick={() => act(() => api.post(`/consents/${r.id}/refuse`), `Vous avez refusé la demande de ${r.requesterName}.`)}>
                          Refuser<span className="visually-hidden"> la demande de {r.requesterName}</span>
                        </button>
                      </span>
                    </li>
                  ))}
                </ul>
              )}

              <h3>Toutes les demandes</h3>
              {requests.length === 0 ? <p className="muted">Aucune demande pour l’instant.</p> : (
                <div className="table-wrap">
                  <table className="table table-compact consent-requests">
                    <caption className="visually-hidden">Demandes envoyées et reçues</caption>
                    <thead><tr><th scope="col">Structure</th><th scope="col">Sens</th><th scope="col">État</th><th scope="col">Action</th></tr></thead>
                    <tbody>
                      {requests.map((r) => (
                        <tr key={r.id}>
                          <th scope="row">{other(r)}</th>
                          <td>{r.requesterId === structureId ? 'Envoyée' : 'Reçue'} le {formatDate(r.createdAt)}</td>
                          <td>{stateLabel[r.state]}</td>
                          <td>
                            {(r.state === 'pending' || r.state === 'accepted') && (
                              <button type="button" className="button button-secondary button-small"
                                onClick={() => act(() => api.post(`/consents/${r.id}/withdraw`), `Accord retiré : ${other(r)} ne voit plus vos chiffres, ni vous les siens.`)}>
                                Retirer<span className="visually-hidden"> {r.state === 'accepted' ? 'l’accord avec' : 'la demande à'} {other(r)}</span>
                              </button>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}

              <AskForm candidates={candidates.filter((c) => !live.has(c.id))}
                onAsk={(ids, names) => act(() => api.post(`/structures/${structureId}/consents`, { targetIds: ids }), `Demande envoyée à ${names.join(', ')}.`)} />

              <NamedTable structureId={structureId} structureName={structureName} year={year} indicators={indicators} version={version} />

              <details className="ledger">
                <summary>Registre des accords ({ledger.length} inscription{ledger.length > 1 ? 's' : ''})</summary>
                <div className="table-wrap">
                  <table className="table table-compact">
                    <caption className="visually-hidden">Registre : chaque demande, accord, refus et retrait</caption>
                    <thead><tr><th scope="col">Date</th><th scope="col">Acte</th><th scope="col">Demande</th><th scope="col">Par</th></tr></thead>
                    <tbody>
                      {ledger.map((l) => {
                        const r = requests.find((x) => x.id === l.requestId);
                        return (
                          <tr key={l.id}>
                            <td>{formatDate(l.at)}</td>
                            <td>{actionLabel[l.action] ?? l.action}</td>
                            <td>{r ? `${r.requesterName} → ${r.targetName}` : `n° ${l.requestId}`}</td>
                            <td>{l.actorName ?? '—'}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </details>
            </>
          );
        }}
      </Show>
    </section>
  );
}

function AskForm({ candidates, onAsk }: { candidates: Candidate[]; onAsk: (ids: number[], names: string[]) => Promise<void> }) {
  const [chosen, setChosen] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const names = candidates.filter((c) => chosen.includes(c.id)).map((c) => c.name);
  return (
    <form className="ask" onSubmit={async (e) => {
      e.preventDefault();
      if (!chosen.length) return;
      setBusy(true);
      await onAsk(chosen.slice(0, 20), names);
      setChosen([]);
      setBusy(false);
    }}>
      <fieldset>
        <legend>Proposer une comparaison à des structures proches</legend>
        {candidates.length === 0 ? <p className="muted">Aucune autre structure proche à solliciter.</p> : (
          <div className="candidates" role="group" aria-label="Structures proches">
            {candidates.map((c) => (
              <div className="check" key={c.id}>
                <input type="checkbox" id={`ask-${c.id}`} checked={chosen.includes(c.id)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id))} />
                <label htmlFor={`ask-${c.id}`}>
                  {c.name} <span className="muted">({c.commune}{c.km !== null ? `, ${String(c.km).replace('.', ',')} km` : ''}{c.neighbour ? ', plus proche voisin' : ''})</span>
                </label>
              </div>
            ))}
          </div>
        )}
      </fieldset>
      <button type="submit" className="button" disabled={busy || chosen.length === 0}>Envoyer {chosen.length > 1 ? `les ${chosen.length} demandes` : 'la demande'}</button>
    </form>
  );
}

function NamedTable({ structureId, structureName, year, indicators, version }: { structureId: number; structureName: string; year: number; indicators: string[]; version: number }) {
  const loaded = useApi(JSON.stringify([structureId, year, indicators, version]),
    (signal) => api.get(`/structures/${structureId}/named-comparison`, { year, indicators: indicators.join(',') }, signal), { keepPrevious: true });
  return (
    <div className="named">
      <h3>Comparaison nominative {year}</h3>
      <Show loaded={loaded} loadingText="Chargement de la comparaison nominative…">
        {(n) => n.structures.length <= 1 ? (
          <p className="muted named-empty">Aucune structure n’a encore accepté de se comparer avec {structureName}.</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-compact named-table">
              <caption>Valeurs {year} des structures qui ont accepté de se comparer (réponses validées seulement)</caption>
              <thead>
                <tr><th scope="col">Indicateur</th>{n.structures.map((s) => <th scope="col" key={s.id} className="num">{s.name}{s.self ? ' (vous)' : ''}</th>)}</tr>
              </thead>
              <tbody>
                {n.indicators.map((i) => (
                  <tr key={i.code}>
                    <th scope="row">{i.label}</th>
                    {n.structures.map((s) => <td key={s.id} className="num">{s.validated ? ownText(s.values[i.code], i.unit) : 'réponse non validée'}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Show>
    </div>
  );
}
