import { conformity, useLegal } from '../legal/legal';

/** Plain links only: the API description is public, like the directory. The legal pages are on every page (RGAA 12). */
export function Footer() {
  const legal = useLegal();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          <strong>Senacs</strong> — Système d’échanges national des centres sociaux : un observatoire ouvert,
          partagé entre les structures, les CAF et les fédérations.
        </p>
        <ul className="footer-links">
          <li><a href="/donnees-ouvertes">Données ouvertes</a></li>
          <li><a href="/publication">Versions publiées</a></li>
          <li><a href="/api/openapi.json">API ouverte (OpenAPI)</a></li>
          <li><a href="/api/health">État du service</a></li>
        </ul>
        <ul className="footer-links" aria-label="Informations légales">
          <li><a href="/mentions-legales">Mentions légales</a></li>
          <li><a href="/donnees-personnelles">Données personnelles</a></li>
          <li><a href="/accessibilite">Accessibilité : {conformity(legal.status === 'ok' ? legal.data : null)}</a></li>
          <li><a href="/plan-du-site">Plan du site</a></li>
        </ul>
      </div>
    </footer>
  );
}
