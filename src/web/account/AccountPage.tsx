import { useState, type FormEvent } from 'react';
import type { ApiResponse } from '../../http/apiTypes';
import { api } from '../lib/api';
import { useSession } from '../lib/session';
import { useApi } from '../lib/useApi';
import { useSubmit } from '../lib/useSubmit';
import { Link } from '../components/Link';
import { ErrorAlert, Show } from '../components/Status';

type Account = ApiResponse<'get', '/account'>;

/** `/compte`: the signed-in person's name, e-mail, password and sessions. */
export function AccountPage() {
  const { me } = useSession();
  const [reload, setReload] = useState(0);
  const loaded = useApi(me?.user ? `account/${reload}` : null, (signal) => api.get('/account', undefined, signal), { keepPrevious: true });
  if (me && !me.user) return <><h1>Mon compte</h1><p><Link to="/connexion?retour=%2Fcompte">Connectez-vous</Link> pour gérer votre compte.</p></>;
  const refresh = () => setReload((n) => n + 1);
  return (
    <section aria-labelledby="account-title" className="narrow">
      <h1 id="account-title">Mon compte</h1>
      <Show loaded={loaded} loadingText="Chargement de votre compte…">
        {(a) => (
          <>
            <Identity account={a} onDone={refresh} />
            <PasswordForm onDone={refresh} />
            <Sessions count={a.sessions} onDone={refresh} />
            <p className="panel"><Link to="/mes-donnees">Mes données personnelles</Link> : télécharger tout ce que Senacs conserve sur vous (JSON ou CSV).</p>
          </>
        )}
      </Show>
    </section>
  );
}

function Identity({ account, onDone }: { account: Account; onDone: () => void }) {
  const [name, setName] = useState(account.name);
  const [email, setEmail] = useState(account.email);
  const [current, setCurrent] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useSubmit(onDone);
  const emailChanged = email.trim().toLowerCase() !== account.email;
  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      await api.put('/account', { name, email, ...(emailChanged ? { currentPassword: current } : {}) });
      setDone('Vos informations sont enregistrées.'); setCurrent('');
    });
  }
  return (
    <form className="form panel" onSubmit={submit} aria-labelledby="identity-title">
      <h2 id="identity-title">Nom et adresse e-mail</h2>
      <div className="field">
        <label htmlFor="account-name">Nom affiché</label>
        <input id="account-name" value={name} required maxLength={200} autoComplete="name" onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="account-email">Adresse e-mail (identifiant de connexion)</label>
        <input id="account-email" type="email" value={email} required autoComplete="email" onChange={(e) => setEmail(e.target.value)} />
      </div>
      {emailChanged && (
        <div className="field">
          <label htmlFor="account-current">Mot de passe actuel (pour changer d’adresse)</label>
          <input id="account-current" type="password" value={current} required autoComplete="current-password" onChange={(e) => setCurrent(e.target.value)} />
        </div>
      )}
      <button type="submit" className="button" disabled={busy}>Enregistrer</button>
      <div role="status" aria-live="polite">{done && <p className="alert alert-info">{done}</p>}</div>
      {error && <ErrorAlert error={error} />}
    </form>
  );
}

function PasswordForm({ onDone }: { onDone: () => void }) {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useSubmit(onDone);
  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      await api.post('/account/password', { current, password });
      setDone('Mot de passe changé. Vos autres sessions ont été fermées.'); setCurrent(''); setPassword('');
    });
  }
  return (
    <form className="form panel" onSubmit={submit} aria-labelledby="password-title">
      <h2 id="password-title">Changer de mot de passe</h2>
      <div className="field">
        <label htmlFor="password-current">Mot de passe actuel</label>
        <input id="password-current" type="password" value={current} required autoComplete="current-password" onChange={(e) => setCurrent(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="password-new">Nouveau mot de passe <span className="hint">(au moins 12 caractères, difficile à deviner)</span></label>
        <input id="password-new" type="password" value={password} required minLength={12} autoComplete="new-password" onChange={(e) => setPassword(e.target.value)} />
      </div>
      <button type="submit" className="button" disabled={busy}>Changer le mot de passe</button>
      <div role="status" aria-live="polite">{done && <p className="alert alert-info">{done}</p>}</div>
      {error && <ErrorAlert error={error} />}
    </form>
  );
}

function Sessions({ count, onDone }: { count: number; onDone: () => void }) {
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useSubmit(onDone);
  const others = Math.max(0, count - 1);
  return (
    <div className="panel">
      <h2>Sessions ouvertes</h2>
      <p>{others === 0 ? 'Vous n’êtes connecté·e que sur cet appareil.' : `Vous êtes aussi connecté·e sur ${new Intl.PluralRules('fr-FR').select(others) === 'one' ? 'un autre appareil ou navigateur' : `${others} autres appareils ou navigateurs`}.`}</p>
      <button type="button" className="button button-secondary" disabled={busy || others === 0}
        onClick={() => void run(async () => {
          const r = await api.post('/account/sessions/end-others');
          setDone(r.ended === 0 ? 'Aucune autre session n’était ouverte.' : `${r.ended} ${r.ended > 1 ? 'sessions fermées' : 'session fermée'}.`);
        })}>Me déconnecter des autres sessions</button>
      <div role="status" aria-live="polite">{done && <p className="alert alert-info">{done}</p>}</div>
      {error && <ErrorAlert error={error} />}
    </div>
  );
}
