import { Show } from '../components/Status';
import { Link } from '../components/Link';
import { useLegal } from './legal';
import { Setting } from './Setting';
import './legal.css';

/**
 * Déclaration d’accessibilité (loi du 11 février 2005, article 47; RGAA 4.1). Without a full RGAA audit the
 * law asks to declare the service « non conforme »: the automatic tests are stated as what they are.
 */
export function AccessibilityPage() {
  const legal = useLegal();
  return (
    <div className="legal-page">
      <h1>Déclaration d’accessibilité</h1>
      <Show loaded={legal} loadingText="Chargement de la déclaration…">
        {(l) => (
          <>
            <p><Setting legal={l} field="publisher" /> s’engage à rendre ce service accessible, conformément à l’article 47 de la loi
              n° 2005-102 du 11 février 2005. Cette déclaration s’applique à l’application web Senacs de cette instance.</p>

            <h2>État de conformité</h2>
            {l.accessibilityAudit
              ? <p>Résultat de l’audit selon le référentiel général d’amélioration de l’accessibilité (RGAA 4.1) : {l.accessibilityAudit}.</p>
              : <p>Le service est <strong>non conforme</strong> au RGAA 4.1 : aucun audit complet des 106 critères n’a encore été réalisé
                  (l’exploitant en indique le résultat par la variable <code>{l.variables.accessibilityAudit}</code>).</p>}

            <h2>Ce que vérifient les tests du logiciel</h2>
            <p>À chaque version, des tests automatiques dans un navigateur (Chromium) vérifient :</p>
            <ul>
              <li>l’absence de violation des règles WCAG 2.1 niveaux A et AA détectables par axe-core, sur l’accueil, la connexion,
                l’annuaire, les fiches des structures, le questionnaire, le suivi et le contrôle des réponses, les tableaux de bord, les pages de
                comparaison, les fiches actions et les pages légales ;</li>
              <li>la présence d’un lien d’évitement « Aller au contenu », visible au focus, et le déplacement du focus sur le contenu après chaque navigation ;</li>
              <li>l’affichage sans défilement horizontal sur un écran de 375 pixels de large (critère 10.11) ;</li>
              <li>la saisie du questionnaire au clavier.</li>
            </ul>
            <p>Ces tests ne remplacent pas un audit : ils ne jugent ni la pertinence des alternatives textuelles, ni la clarté des contenus, ni l’usage avec un lecteur d’écran.</p>

            <h2>Contenus non accessibles</h2>
            <p>Les graphiques et la carte sont des images vectorielles ; leurs chiffres sont aussi donnés dans des tableaux ou en téléchargement (CSV, XLSX).
              Les plaquettes PDF générées ne sont pas balisées pour l’accessibilité.</p>

            <h2>Retour d’information et contact</h2>
            <p>Si vous n’arrivez pas à accéder à un contenu ou à un service, écrivez à : <Setting legal={l} field="contact" />. Nous vous
              répondrons et vous proposerons une autre manière d’obtenir l’information.</p>

            <h2>Voies de recours</h2>
            <p>Si vous n’obtenez pas de réponse satisfaisante, vous pouvez saisir le Défenseur des droits : par le formulaire
              en ligne (<a href="https://formulaire.defenseurdesdroits.fr/">formulaire.defenseurdesdroits.fr</a>), auprès d’un délégué
              dans votre région, ou par courrier gratuit à : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</p>
            <p>Voir aussi le <Link to="/plan-du-site">plan du site</Link>.</p>
          </>
        )}
      </Show>
    </div>
  );
}
