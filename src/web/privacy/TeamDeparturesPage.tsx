import { useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { roleLabel } from '../lib/labels';
import { useSession } from '../lib/session';
import type { Member, } from '../lib/types';
import { useApi } from '../lib/useApi';
import { useSubmit } from '../lib/useSubmit';
import { Link } from '../components/Link';
import { ErrorAlert, Show } from '../components/Status';
import { RemovePersonButton } from './RemovePersonButton';

/**
 * `/structures/:id/equipe`: departures. The director (or the national administration) hands the direction
 * to a member of the team, and removes a person who left: account closed, name replaced by a pseudonym.
 */
export function TeamDeparturesPage({ id }: { id: string }) {
  const { me } = useSession();
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const members = useApi(me?.user ? `team/${id}/${reload}` : null, (signal) => api.get(`/structures/${id}/members`, undefined, signal));
  if (me && !me.user) return <><h1>Départs et direction</h1><p><Link to={`/connexion?retour=${encodeURIComponent(`/structures/${id}/equipe`)}`}>Connectez-vous</Link> pour gérer l’équipe.</p></>;
  const national = me?.memberships.some((m) => m.role === 'national_admin') ?? false;
  const directs = me?.memberships.some((m) => m.role === 'director' && m.structureId === Number(id)) ?? false;
  const done = (message: string) => { setNotice(message); setReload((n) => n + 1); };
  return (
    <>
      <h1>Départs et direction</h1>
      <p><Link to={`/structures/${id}`}>Retour à la fiche de la structure</Link></p>
      {notice && <div className="alert alert-info" role="status">{notice}</div>}
      {!national && !directs && <p className="panel panel-note">Seule la direction de la structure, ou l’administration nationale, gère les départs.</p>}
      <Show loaded={members} loadingText="Chargement de l’équipe…">
        {(page) => (
          <>
            {(national || directs) && <HandOver structureId={id} members={page.items} leaving={directs} onDone={done} />}
            <section className="panel" aria-labelledby="team-removal">
              <h2 id="team-removal">Retirer une personne partie</h2>
              <p>La personne ne peut plus se connecter ; son nom et son adresse sont remplacés par un pseudonyme partout
                (réponses, versions, commentaires, journal, courriels). Les réponses de la structure restent, avec leur historique.</p>
              <table className="table">
                <caption>Membres de l’équipe ({page.items.length})</caption>
                <thead><tr><th scope="col">Nom</th><th scope="col">Rôle</th><th scope="col">Action</th></tr></thead>
                <tbody>
                  {page.items.map((m) => (
                    <tr key={`${m.id}-${m.role}`}>
                      <th scope="row">{m.name}</th>
                      <td>{roleLabel(m.role)}</td>
                      <td>{(national || (directs && m.role !== 'director')) && m.id !== me?.user?.id ? <RemovePersonButton person={m} onDone={done} /> : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </>
        )}
      </Show>
    </>
  );
}

function HandOver({ structureId, members, leaving, onDone }: { structureId: string; members: Member[]; leaving: boolean; onDone: (message: string) => void }) {
  const candidates = members.filter((m) => m.role !== 'director');
  const [successor, setSuccessor] = useState('');
  const [leave, setLeave] = useState(false);
  const { busy, error, run } = useSubmit(() => {});
  function submit(e: FormEvent) {
    e.preventDefault();
    const who = candidates.find((m) => String(m.id) === successor);
    void run(async () => {
      await api.post(`/structures/${structureId}/direction`, { successorId: Number(successor), leave });
      onDone(`${who?.name ?? 'La personne choisie'} dirige désormais la structure.`);
    });
  }
  return (
    <form className="form panel" onSubmit={submit} aria-labelledby="handover-title">
      <h2 id="handover-title">Transmettre la direction</h2>
      {candidates.length === 0 ? <p>Invitez d’abord la personne qui reprend la direction dans l’équipe.</p> : (
        <>
          <div className="field">
            <label htmlFor="handover-successor">Personne qui reprend la direction</label>
            <select id="handover-successor" required value={successor} onChange={(e) => setSuccessor(e.target.value)}>
              <option value="">— choisir —</option>
              {candidates.map((m) => <option key={m.id} value={m.id}>{m.name} ({roleLabel(m.role)})</option>)}
            </select>
          </div>
          <div className="field">
            <input id="handover-leave" type="checkbox" checked={leave} onChange={(e) => setLeave(e.target.checked)} />{' '}
            <label htmlFor="handover-leave">{leaving ? 'Je quitte la structure' : 'La direction actuelle quitte la structure'} (sinon elle reste dans l’équipe comme contributeur·rice)</label>
          </div>
          {error && <ErrorAlert error={error} />}
          <button type="submit" className="button" disabled={busy || !successor}>Transmettre la direction</button>
        </>
      )}
    </form>
  );
}
