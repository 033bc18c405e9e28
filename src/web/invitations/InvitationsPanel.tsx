import './invitations.css';
import type { ApiResponse } from '../../http/apiTypes';
import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../lib/api';
import { formatDate, roleLabel } from '../lib/labels';
import { useApi } from '../lib/useApi';
import { ErrorAlert, Show } from '../components/Status';

type Invitation = ApiResponse<'get', `/structures/${number}/invitations`>['items'][number];

const stateLabel: Record<Invitation['state'], string> = { pending: 'En attente', accepted: 'Acceptée', expired: 'Expirée', revoked: 'Révoquée' };

/**
 * The director invites people by e-mail link (team or board), sees the invitations and revokes pending
 * ones. The link is written into the e-mail only when it leaves; without a mail server, the API hands it
 * once to the person inviting, shown here to be passed on, and then it is gone (stored nowhere).
 */
export function InvitationsPanel({ structureId, structureName, headingLevel = 2 }: { structureId: number; structureName: string; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const id = useId();
  const [reload, setReload] = useState(0);
  const loaded = useApi(`${structureId}/${reload}`, (signal) => api.get(`/structures/${structureId}/invitations`, undefined, signal), { keepPrevious: true });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'contributor' | 'board_member'>('contributor');
  const [days, setDays] = useState(7);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [handOver, setHandOver] = useState<{ email: string; link: string } | null>(null);

  async function run(work: () => Promise<string>) {
    setBusy(true); setError(null); setMessage(null); setHandOver(null);
    try { setMessage(await work()); setReload((n) => n + 1); }
    catch (e) { setError(e instanceof ApiError ? e : new ApiError(0, 'internal', 'L’opération a échoué.')); }
    finally { setBusy(false); }
  }
  function invite(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const r = await api.post(`/structures/${structureId}/invitations`, { email, role, days });
      setEmail('');
      if (r.link) setHandOver({ email: r.email, link: r.link });
      return `Invitation envoyée à ${r.email}, valable jusqu’au ${formatDate(r.expiresAt)}${r.sent ? '.' : r.link ? ' : pas de serveur de messagerie configuré, transmettez-lui vous-même le lien ci-dessous.' : ' (courriel en attente d’envoi).'}`;
    });
  }

  return (
    <div className="panel invitations-panel">
      <H id={`${id}-title`}>Inviter des personnes</H>
      <p className="muted">
        Invitez l’équipe ou des membres du conseil d’administration à remplir le questionnaire de {structureName} avec vous.
        Chaque personne reçoit par courriel un lien personnel, utilisable une seule fois.
      </p>
      <form className="form invite-form" onSubmit={invite} aria-labelledby={`${id}-title`}>
        <div className="field">
          <label htmlFor={`${id}-email`}>Adresse e-mail de la personne</label>
          <input id={`${id}-email`} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} required maxLength={254} />
        </div>
        <fieldset>
          <legend>Rôle</legend>
          <label className="choice"><input type="radio" name={`${id}-role`} value="contributor" checked={role === 'contributor'} onChange={() => setRole('contributor')} /> Équipe (contributeur·rice)</label>
          <label className="choice"><input type="radio" name={`${id}-role`} value="board_member" checked={role === 'board_member'} onChange={() => setRole('board_member')} /> Membre du conseil d’administration</label>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-days`}>Validité du lien</label>
          <select id={`${id}-days`} value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {[1, 3, 7, 14, 30].map((d) => <option key={d} value={d}>{d} jour{d > 1 ? 's' : ''}</option>)}
          </select>
        </div>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Envoi…' : 'Envoyer l’invitation'}</button>
      </form>
      <div role="status" aria-live="polite">{message && <p className="alert alert-info">{message}</p>}</div>
      {handOver && (
        <div className="alert alert-info invitation-handover">
          <label htmlFor={`${id}-link`}>Lien personnel de {handOver.email}, à lui transmettre (il ne sera plus affiché)</label>
          <input id={`${id}-link`} type="text" readOnly value={handOver.link} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      {error && <ErrorAlert error={error} />}
      <Show loaded={loaded} loadingText="Chargement des invitations…">
        {(data) => data.items.length === 0 ? <p>Aucune invitation envoyée pour l’instant.</p> : (
          <table className="table invitations-table">
            <caption>Invitations ({data.pending} en attente)</caption>
            <thead><tr><th scope="col">Adresse</th><th scope="col">Rôle</th><th scope="col">État</th><th scope="col">Envoyée le</th><th scope="col">Action</th></tr></thead>
            <tbody>
              {data.items.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.email}</th>
                  <td>{roleLabel(i.role)}</td>
                  <td>
                    <span className={`badge invitation-${i.state}`}>{stateLabel[i.state]}</span>
                    {i.state === 'pending' && <> jusqu’au {formatDate(i.expiresAt)}</>}
                    {i.state === 'accepted' && i.acceptedByName && <> par {i.acceptedByName}</>}
                  </td>
                  <td>{formatDate(i.createdAt)}</td>
                  <td>
                    {i.state === 'pending' ? (
                      <button type="button" className="button button-secondary button-small" disabled={busy}
                        onClick={() => void run(async () => { await api.post(`/structures/${structureId}/invitations/${i.id}/revoke`); return `Invitation de ${i.email} révoquée : son lien ne fonctionne plus.`; })}>
                        Révoquer<span className="visually-hidden"> l’invitation de {i.email}</span>
                      </button>
                    ) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
    </div>
  );
}
