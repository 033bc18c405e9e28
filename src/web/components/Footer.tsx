/** Plain links only: the API description is public, like the directory. */
export function Footer() {
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
      </div>
    </footer>
  );
}
