import { useState, type FormEvent } from 'react';
import { api, ApiError, setCsrfToken } from '../lib/api';
import { formatDate } from '../lib/labels';
import { useSession } from '../lib/session';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { ErrorAlert, Loading } from '../components/Status';

/** A title per stable error code, so each dead link says plainly what happened. */
const deadTitles: Record<string, string> = {
  invitation_unknown: 'Invitation introuvable',
  invitation_expired: 'Invitation expirée',
  invitation_used: 'Invitation déjà utilisée',
  invitation_revoked: 'Invitation annulée',
};

/**
 * `/invitation/:token`: the link of an invitation e-mail. The invitee chooses a password (new account)
 * or gives theirs (existing account), or simply accepts when already signed in with the invited address;
 * then the app reloads on their structure, signed in.
 */
export function InvitationPage({ token }: { token: string }) {
  const { me, logout } = useSession();
  const loaded = useApi(me === null ? null : `${token}/${me.user?.id ?? 0}`, (signal) => api.get(`/invitations/${encodeURIComponent(token)}`, undefined, signal));
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<ApiError | string | null>(null);
  const [busy, setBusy] = useState(false);

  if (loaded.status === 'loading') return <><h1>Invitation</h1><Loading what="Lecture de l’invitation…" /></>;
  if (loaded.status === 'error') {
    const e = loaded.error;
    return (
      <div className="narrow">
        <h1>{deadTitles[e.code] ?? 'Invitation'}</h1>
        <ErrorAlert error={e} />
        <p>Si vous avez déjà un compte, <Link to="/connexion">connectez-vous</Link>. Sinon, demandez une nouvelle invitation à la direction de votre structure.</p>
      </div>
    );
  }
  const inv = loaded.data;

  async function accept(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    if (inv.account === 'none') {
      if (!name.trim()) { setError('Indiquez votre nom.'); return; }
      if (password.length < 12) { setError('Le mot de passe doit compter au moins 12 caractères.'); return; }
      if (password !== confirm) { setError('Les deux mots de passe ne sont pas identiques.'); return; }
    }
    if (inv.account === 'existing' && !password) { setError('Saisissez le mot de passe de votre compte.'); return; }
    setBusy(true); setError(null);
    try {
      const r = await api.post(`/invitations/${encodeURIComponent(token)}/accept`,
        inv.account === 'none' ? { name: name.trim(), password } : inv.account === 'existing' ? { password } : {});
      if (r.csrfToken) setCsrfToken(r.csrfToken);
      // A full load: the session (roles, structure) is read afresh, as after a login.
      window.location.assign('/?bienvenue=1');
    } catch (err) {
      setError(err instanceof ApiError ? err : 'L’invitation n’a pas pu être acceptée. Réessayez.');
      setPassword(''); setConfirm('');
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <h1>Rejoindre {inv.structure.name}</h1>
      <p className="lead">
        Vous êtes invité·e à rejoindre <strong>{inv.structure.name}</strong> sur l’observatoire Senacs avec le rôle : <strong>{inv.roleLabel}</strong>.
      </p>
      <p>Invitation adressée à <strong>{inv.email}</strong>, valable jusqu’au {formatDate(inv.expiresAt)} et utilisable une seule fois.</p>
      {error && <ErrorAlert error={error} />}
      {inv.account === 'other_account' && (
        <div className="panel panel-note">
          <p>Vous êtes connecté·e avec un autre compte ({me?.user?.email}). Déconnectez-vous, puis rouvrez le lien de l’invitation.</p>
          <button type="button" className="button" onClick={() => void logout()}>Se déconnecter</button>
        </div>
      )}
      {inv.account === 'signed_in' && (
        <div className="actions">
          <button type="button" className="button" onClick={() => void accept()} disabled={busy}>Accepter l’invitation</button>
        </div>
      )}
      {inv.account === 'existing' && (
        <form className="form panel" onSubmit={accept} noValidate aria-label="Accepter l’invitation">
          <p>Un compte existe déjà pour cette adresse : saisissez son mot de passe pour accepter.</p>
          <div className="field">
            <label htmlFor="invitation-password">Mot de passe de votre compte</label>
            <input id="invitation-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </div>
          <button type="submit" className="button" disabled={busy}>{busy ? 'Acceptation…' : 'Accepter l’invitation'}</button>
        </form>
      )}
      {inv.account === 'none' && (
        <form className="form panel" onSubmit={accept} noValidate aria-label="Créer mon compte et accepter l’invitation">
          <p className="muted">Tous les champs sont obligatoires. Votre adresse de connexion sera {inv.email}.</p>
          <div className="field">
            <label htmlFor="invitation-name">Votre nom <span className="hint">(prénom et nom, visibles par l’équipe)</span></label>
            <input id="invitation-name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="invitation-password">Choisissez un mot de passe <span className="hint">(12 caractères au moins, difficile à deviner : une phrase de plusieurs mots sans lien convient)</span></label>
            <input id="invitation-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required minLength={12} />
          </div>
          <div className="field">
            <label htmlFor="invitation-confirm">Confirmez le mot de passe</label>
            <input id="invitation-confirm" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} required minLength={12} />
          </div>
          <button type="submit" className="button" disabled={busy}>{busy ? 'Création du compte…' : 'Créer mon compte et rejoindre la structure'}</button>
        </form>
      )}
    </div>
  );
}
