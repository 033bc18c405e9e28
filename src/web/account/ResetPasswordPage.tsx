import { useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { useSubmit } from '../lib/useSubmit';
import { Link } from '../components/Link';
import { ErrorAlert } from '../components/Status';

/**
 * `/mot-de-passe/nouveau#<jeton>`: chooses a new password with the link of the e-mail. The token is read
 * from the fragment (never sent to the server with the page) and removed from the address bar at once.
 */
export function ResetPasswordPage() {
  const [token] = useState(() => {
    const t = window.location.hash.slice(1);
    if (t) window.history.replaceState(null, '', window.location.pathname);
    return t;
  });
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const { busy, error, run } = useSubmit(() => setDone(true));
  function submit(e: FormEvent) {
    e.preventDefault();
    setMismatch(password !== confirm);
    if (password !== confirm) return;
    void run(() => api.post('/auth/password-reset/confirm', { token, password }));
  }
  if (done) {
    return (
      <div className="narrow">
        <h1>Nouveau mot de passe</h1>
        <p className="alert alert-info" role="status">Votre mot de passe est changé. Toutes vos sessions ont été fermées : connectez-vous avec le nouveau.</p>
        <p><Link to="/connexion">Se connecter</Link></p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Nouveau mot de passe</h1>
      {!token ? <p>Ce lien est incomplet. Ouvrez le lien reçu par courriel tel quel, ou <Link to="/mot-de-passe-oublie">demandez-en un nouveau</Link>.</p> : (
        <form className="form panel" onSubmit={submit} aria-label="Choisir un nouveau mot de passe">
          <p className="muted">Au moins 12 caractères, difficile à deviner : une phrase de plusieurs mots fait très bien l’affaire.</p>
          <div className="field">
            <label htmlFor="new-password">Nouveau mot de passe</label>
            <input id="new-password" type="password" autoComplete="new-password" value={password} required minLength={12} onChange={(e) => setPassword(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="new-password-2">Confirmer le mot de passe</label>
            <input id="new-password-2" type="password" autoComplete="new-password" value={confirm} required
              aria-invalid={mismatch || undefined} aria-describedby={mismatch ? 'new-password-2-error' : undefined} onChange={(e) => setConfirm(e.target.value)} />
            {mismatch && <p id="new-password-2-error" className="field-error">Les deux mots de passe diffèrent.</p>}
          </div>
          <button type="submit" className="button" disabled={busy}>{busy ? 'Enregistrement…' : 'Enregistrer le mot de passe'}</button>
        </form>
      )}
      {error && <ErrorAlert error={error} />}
      {error?.status === 404 && <p><Link to="/mot-de-passe-oublie">Demander un nouveau lien</Link></p>}
    </div>
  );
}
