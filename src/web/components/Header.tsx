import { useState } from 'react';
import { membershipLabel } from '../lib/labels';
import { navigate, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { Link } from './Link';
import { RunningJobs } from './RunningJobs';

const sections = [
  { to: '/', label: 'Accueil', current: (p: string) => p === '/' },
  { to: '/structures', label: 'Annuaire des structures', current: (p: string) => p.startsWith('/structures') },
  { to: '/carte', label: 'Carte', current: (p: string) => p === '/carte' },
  { to: '/tableau-de-bord', label: 'Tableau de bord', current: (p: string) => p.startsWith('/tableau-de-bord') },
  { to: '/partenaires', label: 'Partenaires', current: (p: string) => p.startsWith('/partenaires') },
  { to: '/fiches-actions', label: 'Fiches actions', current: (p: string) => p.startsWith('/fiches-actions') },
];

/** Site title, main navigation and who is connected. */
export function Header() {
  const { me, logout } = useSession();
  const { path } = useLocation();
  const [leaving, setLeaving] = useState(false);

  async function onLogout() {
    setLeaving(true);
    try { await logout(); } finally { setLeaving(false); }
    navigate('/connexion?deconnecte=1');
  }

  const roles = [...new Set(me?.memberships.map(membershipLabel) ?? [])].join(', ');
  return (
    <header className="site-header">
      <div className="container header-bar">
        <Link to="/" className="brand">
          <span className="brand-name">Senacs</span>
          <span className="brand-tagline">Observatoire des centres sociaux et espaces de vie sociale</span>
        </Link>
        <div className="account">
          {me?.user ? (
            <>
              <p className="account-who">
                <Link to="/compte" className="account-name">{me.user.name}<span className="visually-hidden"> : mon compte</span></Link>
                {roles && <span className="account-roles">{roles}</span>}
              </p>
              {me.memberships.some((m) => m.role === 'national_admin') && <Link to="/admin" className="button button-secondary">Administration</Link>}
              <button type="button" className="button button-secondary" onClick={onLogout} disabled={leaving}>
                Se déconnecter
              </button>
            </>
          ) : me ? (
            path !== '/connexion' && <Link to="/connexion" className="button">Se connecter</Link>
          ) : null}
        </div>
      </div>
      <nav className="main-nav" aria-label="Navigation principale">
        <ul className="container">
          {sections.map((s) => (
            <li key={s.to}>
              <Link to={s.to} aria-current={s.current(path) ? 'page' : undefined}>{s.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <RunningJobs />
    </header>
  );
}
