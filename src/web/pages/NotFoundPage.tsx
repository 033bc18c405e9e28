import { Link } from '../components/Link';

export function NotFoundPage() {
  return (
    <>
      <h1>Page introuvable</h1>
      <p>L’adresse demandée n’existe pas ou a changé.</p>
      <p><Link to="/">Revenir à l’accueil</Link> ou <Link to="/structures">consulter l’annuaire des structures</Link>.</p>
    </>
  );
}
