import { useState } from 'react';
import type { ApiResponse } from '../../http/apiTypes';
import { api, ApiError } from '../lib/api';
import { useApi } from '../lib/useApi';
import { ErrorAlert, Show } from '../components/Status';
import { plural } from '../lib/labels';

type Row = ApiResponse<'get', '/directors'>[number];
type Sent = ApiResponse<'post', '/directors/invitations'>;

const statusText: Record<Row['status'], string> = {
  joined: 'Direction inscrite', invited: 'Invitée, pas encore inscrite', expired: 'Lien expiré ou annulé', not_invited: 'Pas encore invitée', no_email: 'Pas de courriel dans l’annuaire',
};

/** The directors of a département's structures: who joined, who is invited; invite one, or all those not invited yet. */
export function DirectorsPanel({ memberships }: { memberships: { role: string; departementCode?: string | null }[] }) {
  const own = memberships.find((m) => m.role === 'correspondent' && m.departementCode)?.departementCode ?? '';
  const [code, setCode] = useState(own);
  const [asked, setAsked] = useState(own);
  const [version, setVersion] = useState(0);
  const [sent, setSent] = useState<Sent | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const rows = useApi(asked ? `directors-${asked}-${version}` : null, (signal) => api.get('/directors', { level: 'departement', code: asked }, signal));
  async function invite(structureIds?: number[]) {
    setBusy(true); setError(null);
    try {
      const r = await api.post(`/directors/invitations?level=departement&code=${encodeURIComponent(asked)}`, structureIds ? { structureIds } : {});
      setSent(r); setVersion((v) => v + 1);
    } catch (e) { setError(e instanceof ApiError ? e : new ApiError(0, 'internal', 'L’invitation a échoué.')); } finally { setBusy(false); }
  }
  return (
    <section className="panel" aria-labelledby="directors-title">
      <h2 id="directors-title">Directions des structures</h2>
      <form onSubmit={(e) => { e.preventDefault(); setAsked(code.trim()); setSent(null); }} className="inline-form">
        <label htmlFor="directors-dep">Département</label>
        <input id="directors-dep" value={code} onChange={(e) => setCode(e.target.value)} size={4} />
        <button type="submit" className="button">Afficher</button>
      </form>
      <div aria-live="polite">
        {error && <ErrorAlert error={error} />}
        {sent && (
          <div className="success">
            <p>{plural(sent.invited.length, 'direction invitée', 'directions invitées')} à l’adresse de l’annuaire.</p>
            {sent.invited.some((i) => i.link) && (
              <>
                <p>Aucun serveur de courriel : transmettez à chacune son lien, affiché une seule fois.</p>
                <ul>{sent.invited.map((i) => <li key={i.structureId}>{i.email} : <code className="invitation-link">{i.link}</code></li>)}</ul>
              </>
            )}
          </div>
        )}
      </div>
      {asked && (
        <Show loaded={rows}>
          {(data) => {
            const waiting = data.filter((r) => r.status === 'not_invited' || r.status === 'expired');
            return (
              <>
                <p>{plural(data.filter((r) => r.status === 'joined').length, 'direction inscrite', 'directions inscrites')} sur {plural(data.length, 'structure', 'structures')} ; {plural(data.filter((r) => r.status === 'invited').length, 'invitée pas encore inscrite', 'invitées pas encore inscrites')}.</p>
                <button type="button" className="button primary" disabled={busy || waiting.length === 0} onClick={() => invite()}>
                  Inviter toutes les directions pas encore invitées ({waiting.length})
                </button>
                <table className="table">
                  <caption>Directions des structures du département {asked}</caption>
                  <thead><tr><th scope="col">Structure</th><th scope="col">Courriel de l’annuaire</th><th scope="col">État</th><th scope="col">Action</th></tr></thead>
                  <tbody>
                    {data.map((r) => (
                      <tr key={r.id}>
                        <td>{r.name}</td><td>{r.email ?? '—'}</td>
                        <td>{statusText[r.status]}{r.directors ? ` (${r.directors})` : ''}</td>
                        <td>{(r.status === 'not_invited' || r.status === 'expired') && r.email && (
                          <button type="button" className="button small" disabled={busy} onClick={() => invite([r.id])}>Inviter la direction de {r.name}</button>
                        )}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            );
          }}
        </Show>
      )}
    </section>
  );
}
