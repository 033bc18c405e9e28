import { Link } from '../components/Link';

/** What a visitor sees: what Senacs is and the way into the public directory. */
export function PublicHome() {
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">L’observatoire des centres sociaux et des espaces de vie sociale</h1>
        <p className="lead">
          Chaque année, les centres sociaux et les espaces de vie sociale agréés par les CAF décrivent leur projet,
          leurs actions, leurs bénévoles, leurs équipes et leurs financements. Les correspondants des CAF et des
          fédérations vérifient les réponses, qui deviennent des analyses partagées.
        </p>
        <p><Link to="/structures" className="button button-large">Consulter l’annuaire des structures</Link></p>
      </section>
      <div className="cards">
        <section className="card" aria-labelledby="card-directory">
          <h2 id="card-directory">Un annuaire public</h2>
          <p>Retrouvez chaque structure, son adresse, son mode de gestion et son lien avec les quartiers prioritaires.</p>
        </section>
        <section className="card" aria-labelledby="card-together">
          <h2 id="card-together">Un questionnaire rempli ensemble</h2>
          <p>Équipe salariée, bénévoles et conseil d’administration remplissent le questionnaire ensemble : un miroir pour l’assemblée générale.</p>
        </section>
        <section className="card" aria-labelledby="card-confidential">
          <h2 id="card-confidential">Des données protégées</h2>
          <p>Les réponses d’une structure ne sont visibles que par elle et par ses correspondants ; les chiffres publiés sont protégés contre toute ré-identification.</p>
          <p><Link to="/territoires/comparer">Comparer les territoires</Link></p>
        </section>
      </div>
      <p>
        Vous faites partie d’une structure, d’une CAF ou d’une fédération ? <Link to="/connexion">Connectez-vous</Link> pour suivre la campagne.
      </p>
    </>
  );
}
