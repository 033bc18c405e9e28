import { Link } from '../components/Link';
import { useSession } from '../lib/session';

/** `/mes-donnees`: the right of access and portability — the person downloads what Senacs holds about them. */
export function MyDataPage() {
  const { me } = useSession();
  if (me && !me.user) {
    return <><h1>Mes données</h1><p><Link to="/connexion?retour=%2Fmes-donnees">Connectez-vous</Link> pour télécharger vos données.</p></>;
  }
  return (
    <section aria-labelledby="my-data-title" className="narrow">
      <h1 id="my-data-title">Mes données</h1>
      <p>Téléchargez tout ce que Senacs conserve sur vous : votre profil, vos rôles, les réponses et leurs versions que vous avez saisies,
        vos commentaires et messages aux correspondants, les invitations reçues, vos sessions et vos actions dans le journal d’audit.</p>
      <p className="actions">
        <a className="button" href="/api/account/data?format=json" download>Télécharger en JSON</a>
        <a className="button button-secondary" href="/api/account/data?format=csv" download>Télécharger en CSV</a>
      </p>
      <p className="muted">Le JSON convient pour transmettre vos données à un autre service ; le CSV s’ouvre dans un tableur
        (une ligne par information : section, élément, champ, valeur).</p>
      <p>Pour corriger votre nom ou votre adresse, voir <Link to="/compte">Mon compte</Link>. Pour être retiré·e de l’observatoire,
        adressez-vous à la direction de votre structure ou à l’administration nationale ; voir aussi <Link to="/donnees-personnelles">Données personnelles</Link>.</p>
    </section>
  );
}
