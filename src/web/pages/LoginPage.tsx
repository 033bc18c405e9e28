import { useState, type FormEvent } from 'react';
import { ApiError } from '../lib/api';
import { navigate, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { Link } from '../components/Link';
import { ErrorAlert } from '../components/Status';

/** Only in-app paths are followed after login, so a crafted link cannot send people elsewhere. */
function safeReturn(to: string | null): string {
  return to?.startsWith('/') && !to.startsWith('//') ? to : '/';
}

/** E-mail and password; the API's French message is shown as is when it refuses. */
export function LoginPage() {
  const { me, login } = useSession();
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    // Our own French messages rather than the browser's, whose language follows the browser, not the page.
    const m = {
      ...(email.trim() ? {} : { email: 'Saisissez votre adresse e-mail.' }),
      ...(password ? {} : { password: 'Saisissez votre mot de passe.' }),
    };
    setMissing(m);
    if (m.email || m.password) {
      setError(`Le formulaire est incomplet : ${[m.email, m.password].filter(Boolean).join(' ')}`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
      navigate(safeReturn(search.get('retour')));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'La connexion a échoué. Réessayez.');
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  if (me?.user) {
    return (
      <div className="narrow">
        <h1>Connexion</h1>
        <p>Vous êtes connecté·e en tant que <strong>{me.user.name}</strong> ({me.user.email}).</p>
        <p><Link to="/">Aller à mon accueil</Link></p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <h1>Connexion</h1>
      <p>Espace réservé aux structures, aux correspondant·es des CAF et des fédérations et aux coordinations.</p>
      {search.get('deconnecte') && <p className="alert alert-info" role="status">Vous êtes déconnecté·e.</p>}
      {error && <ErrorAlert error={error} />}
      <form className="form panel" onSubmit={onSubmit} noValidate aria-label="Connexion">
        <p className="muted">Tous les champs sont obligatoires.</p>
        <div className="field">
          <label htmlFor="login-email">Adresse e-mail <span className="hint">(exemple : prenom.nom@exemple.fr)</span></label>
          <input id="login-email" name="email" type="email" autoComplete="username" value={email} required
            aria-invalid={missing.email ? true : undefined} aria-describedby={missing.email ? 'login-email-error' : undefined}
            onChange={(e) => setEmail(e.target.value)} />
          {missing.email && <p id="login-email-error" className="field-error">{missing.email}</p>}
        </div>
        <div className="field">
          <label htmlFor="login-password">Mot de passe</label>
          <input id="login-password" name="password" type="password" autoComplete="current-password" value={password} required
            aria-invalid={missing.password ? true : undefined} aria-describedby={missing.password ? 'login-password-error' : undefined}
            onChange={(e) => setPassword(e.target.value)} />
          {missing.password && <p id="login-password-error" className="field-error">{missing.password}</p>}
        </div>
        {/* Not disabled while busy: a disabled button drops keyboard focus to the page body. */}
        <button type="submit" className="button" aria-disabled={busy || undefined}>{busy ? 'Connexion…' : 'Se connecter'}</button>
      </form>
      <p><Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link></p>
    </div>
  );
}
