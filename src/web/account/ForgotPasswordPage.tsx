import { useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { useSubmit } from '../lib/useSubmit';
import { Link } from '../components/Link';
import { ErrorAlert } from '../components/Status';

/** `/mot-de-passe-oublie`: asks for a one-time link by e-mail; the answer is the same whether the address has an account or not. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [answer, setAnswer] = useState<string | null>(null);
  const { busy, error, run } = useSubmit(() => {});
  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => setAnswer((await api.post('/auth/password-reset', { email })).message));
  }
  return (
    <div className="narrow">
      <h1>Mot de passe oublié</h1>
      <p>Indiquez l’adresse e-mail de votre compte : vous recevrez un lien, valable une heure et utilisable une seule fois, pour choisir un nouveau mot de passe.</p>
      {answer ? <p className="alert alert-info" role="status">{answer}</p> : (
        <form className="form panel" onSubmit={submit} aria-label="Recevoir un lien de réinitialisation">
          <div className="field">
            <label htmlFor="reset-email">Adresse e-mail <span className="hint">(exemple : prenom.nom@exemple.fr)</span></label>
            <input id="reset-email" type="email" autoComplete="username" value={email} required onChange={(e) => setEmail(e.target.value)} />
          </div>
          <button type="submit" className="button" disabled={busy}>{busy ? 'Envoi…' : 'Recevoir le lien'}</button>
        </form>
      )}
      {error && <ErrorAlert error={error} />}
      <p><Link to="/connexion">Retour à la connexion</Link></p>
    </div>
  );
}
