import { useState, type FormEvent } from 'react';
import type { ApiResponse } from '../../http/apiTypes';
import { api, ApiError } from '../lib/api';
import { useSession } from '../lib/session';
import { useApi } from '../lib/useApi';
import { useSubmit } from '../lib/useSubmit';
import { Link } from '../components/Link';
import { ErrorAlert, Loading, Show } from '../components/Status';
import { DirectorsPanel } from './DirectorsPanel';
import { CorrectionsList } from '../directory/CorrectionsList';
import { RemovePersonButton } from '../privacy/RemovePersonButton';

type Membership = Person['memberships'][number];
type Person = ApiResponse<'get', '/people'>['people'][number];

const org = (o?: string | null) => (o === 'caf' ? ' CAF' : o === 'federation' ? ' fédération' : '');
const scopeText = (m: Membership) => m.role === 'national_admin' ? 'Administration nationale'
  : m.role === 'regional_coordinator' ? `Coordination régionale${org(m.organisation)}, région ${m.regionCode}`
    : `Correspondant·e${org(m.organisation)}, département ${m.departementCode}`;
const date = (iso: string) => new Date(iso).toLocaleDateString('fr-FR');

/**
 * `/personnes`: the people who run the observatory in the territories. The national administration (and a
 * regional coordination, a correspondent, within their own scope) invites correspondents and regional
 * coordinators, suspends and reactivates them; correspondents invite their structures' directors.
 */
export function PeoplePage() {
  const { me } = useSession();
  const [version, setVersion] = useState(0);
  const staff = me?.memberships.some((m) => ['national_admin', 'regional_coordinator', 'correspondent'].includes(m.role));
  const list = useApi(staff ? `people-${version}` : null, (signal) => api.get('/people', undefined, signal));
  const reload = () => setVersion((v) => v + 1);
  const suspend = useSubmit(reload);
  // The national administration removes a person who left (issue 20): account closed, pseudonym everywhere.
  const [removed, setRemoved] = useState<string | null>(null);
  const national = me?.memberships.some((m) => m.role === 'national_admin') ?? false;
  if (!me) return <Loading />;
  if (!staff) return <><h1>Personnes</h1><p>Cette page est réservée aux correspondants, aux coordinations régionales et à l’administration nationale.{!me.user && <> <Link to="/connexion?retour=%2Fpersonnes">Se connecter</Link></>}</p></>;
  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">Personnes et invitations</h1>
      <p className="lead">Les correspondants et coordinations des territoires, et les directions des structures. Personne ne peut donner un périmètre plus large que le sien ; chaque invitation, suspension et réactivation est tracée.</p>
      <InviteForm onDone={reload} national={me.memberships.some((m) => m.role === 'national_admin')} />
      <Show loaded={list}>
        {(data) => (
          <>
            <h2>Personnes des territoires</h2>
            {suspend.error && <ErrorAlert error={suspend.error} />}
            {removed && <div className="alert alert-info" role="status">{removed}</div>}
            <table className="table">
              <caption>Correspondants, coordinations régionales, administration nationale</caption>
              <thead><tr><th scope="col">Nom</th><th scope="col">Courriel</th><th scope="col">Périmètre</th><th scope="col">État</th><th scope="col">Action</th></tr></thead>
              <tbody>
                {data.people.map((p) => (
                  <tr key={p.id}>
                    <td>{p.name}</td><td>{p.email}</td>
                    <td><ul>{p.memberships.map((m, i) => <li key={i}>{scopeText(m)}</li>)}</ul></td>
                    <td>{p.disabled ? 'Suspendu·e' : 'Actif·ve'}</td>
                    <td>{p.manageable && (
                      <button type="button" className="button small" disabled={suspend.busy}
                        onClick={() => suspend.run(() => api.post(`/people/${p.id}/suspension`, { suspended: !p.disabled }))}>
                        {p.disabled ? `Réactiver ${p.name}` : `Suspendre ${p.name}`}
                      </button>
                    )}
                    {national && p.id !== me.user?.id && <RemovePersonButton person={p} onDone={(message) => { setRemoved(message); reload(); }} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.pending.length > 0 && (
              <>
                <h2>Invitations en attente</h2>
                <ul>{data.pending.map((i) => <li key={i.id}>{i.email} — {i.label} — {i.expired ? 'lien expiré' : `valable jusqu’au ${date(i.expiresAt)}`}</li>)}</ul>
              </>
            )}
          </>
        )}
      </Show>
      <DirectorsPanel memberships={me.memberships} />
      <CorrectionsList />
    </section>
  );
}

function InviteForm({ onDone, national }: { onDone: () => void; national: boolean }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('correspondent');
  const [organisation, setOrganisation] = useState('caf');
  const [departements, setDepartements] = useState('');
  const [region, setRegion] = useState('');
  const [result, setResult] = useState<ApiResponse<'post', '/people/invitations'> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true); setError(null); setResult(null);
    try {
      const body = { email, role, organisation: organisation || null, ...(role === 'correspondent' ? { departements: departements.split(/[\s,;]+/).filter(Boolean) } : { regionCode: region.trim() }) };
      setResult(await api.post('/people/invitations', body));
      setEmail(''); onDone();
    } catch (err) { setError(err instanceof ApiError ? err : new ApiError(0, 'internal', 'L’invitation a échoué.')); } finally { setBusy(false); }
  }
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="invite-person-title">
      <h2 id="invite-person-title">Inviter {national ? 'un·e correspondant·e ou une coordination régionale' : 'un·e correspondant·e'}</h2>
      <div className="field"><label htmlFor="person-email">Courriel</label><input id="person-email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} /></div>
      <div className="field"><label htmlFor="person-role">Rôle</label>
        <select id="person-role" value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="correspondent">Correspondant·e départemental·e</option>
          <option value="regional_coordinator">Coordination régionale</option>
        </select></div>
      <div className="field"><label htmlFor="person-org">Organisation</label>
        <select id="person-org" value={organisation} onChange={(e) => setOrganisation(e.target.value)}>
          <option value="caf">CAF</option><option value="federation">Fédération</option><option value="">Aucune</option>
        </select></div>
      {role === 'correspondent'
        ? <div className="field"><label htmlFor="person-deps">Départements (codes séparés par des virgules, par exemple 69, 01)</label><input id="person-deps" required value={departements} onChange={(e) => setDepartements(e.target.value)} /></div>
        : <div className="field"><label htmlFor="person-region">Code de la région (par exemple 84)</label><input id="person-region" required value={region} onChange={(e) => setRegion(e.target.value)} /></div>}
      <button type="submit" className="button primary" disabled={busy}>{busy ? 'Invitation…' : 'Inviter'}</button>
      <div aria-live="polite">
        {error && <ErrorAlert error={error} />}
        {result && <p className="success">Invitation créée pour {result.email} ({result.label}).{result.link && <> Aucun serveur de courriel : transmettez ce lien, affiché une seule fois : <code className="invitation-link">{result.link}</code></>}</p>}
      </div>
    </form>
  );
}
