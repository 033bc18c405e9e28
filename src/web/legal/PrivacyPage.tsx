import { Show } from '../components/Status';
import { Link } from '../components/Link';
import { formatDays, useLegal } from './legal';
import { Setting } from './Setting';
import './legal.css';

/** Données personnelles (RGPD, articles 13 and 14): what is processed, why, on which basis, how long, for whom, and the rights. */
export function PrivacyPage() {
  const legal = useLegal();
  return (
    <div className="legal-page">
      <h1>Données personnelles</h1>
      <Show loaded={legal} loadingText="Chargement de la notice…">
        {(l) => (
          <>
            <h2>Responsable du traitement</h2>
            <p><Setting legal={l} field="publisher" />, <Setting legal={l} field="publisherAddress" />.</p>
            <p>Délégué·e à la protection des données : <Setting legal={l} field="dpoContact" />.</p>

            <h2>Données traitées et finalités</h2>
            <p>L’observatoire recueille chaque année les réponses des centres sociaux et espaces de vie sociale, les fait vérifier par
              les correspondants de leur territoire et en publie des chiffres agrégés, protégés par le secret statistique. Pour cela, il traite :</p>
            <ul>
              <li>le compte de chaque personne : nom, adresse e-mail, rôle et structure ou territoire, empreinte du mot de passe (jamais le mot de passe lui-même) ;</li>
              <li>les sessions de connexion (cookie de session strictement nécessaire, sans mesure d’audience) et les compteurs de tentatives de connexion par adresse IP, contre les attaques ;</li>
              <li>l’auteur et la date de chaque réponse, de chaque version d’une réponse, de chaque commentaire et de chaque question échangée avec les correspondants ;</li>
              <li>les invitations (adresse e-mail de la personne invitée) et les courriels envoyés (invitations, relances) ;</li>
              <li>le journal d’audit : qui a fait quelle opération et quand, pour la sécurité et la traçabilité des chiffres.</li>
            </ul>
            <p>Les réponses au questionnaire décrivent la structure, pas les personnes ; elles appartiennent à la structure.</p>

            <h2>Base légale</h2>
            <p>{l.legalBasis ?? <>Exécution d’une mission d’intérêt public (article 6, paragraphe 1, point e, du RGPD) — <Setting legal={l} field="legalBasis" />.</>}</p>

            <h2>Durées de conservation</h2>
            <ul>
              <li>Sessions : {formatDays(l.retention.sessionDays)} au plus, effacées dès leur expiration.</li>
              <li>Invitations et liens de réinitialisation du mot de passe : effacés {formatDays(l.retention.tokensDays)} après leur utilisation, leur révocation ou leur expiration.</li>
              <li>Courriels envoyés : adresse, objet et contenu effacés après {formatDays(l.retention.outboxDays)}.</li>
              <li>Fichiers déposés pour un import qui a échoué : effacés {formatDays(l.retention.tokensDays)} après l’échec (la tâche et son erreur restent visibles de l’administration).</li>
              <li>Compteurs de tentatives de connexion : effacés dès leur expiration (15 minutes).</li>
              <li>Journal d’audit : pseudonymisé après {formatDays(l.retention.auditDays)} (l’auteur et les adresses citées sont retirés).</li>
              <li>Comptes : tant que la personne participe à l’observatoire ; à son départ, le compte est fermé et la personne remplacée par un pseudonyme partout où elle apparaît.</li>
            </ul>

            <h2>Destinataires</h2>
            <p>Les réponses et leurs auteurs sont visibles de l’équipe de la structure, des correspondants de son département (CAF et fédération),
              de la coordination régionale et de l’administration nationale de l’observatoire, chacun dans son périmètre. L’hébergeur
              (<Setting legal={l} field="host" />) les conserve pour le compte de l’éditeur. Aucune donnée n’est vendue ni transmise à des fins commerciales ;
              les chiffres publiés sont agrégés et ne désignent personne.</p>

            <h2>Vos droits</h2>
            <p>Vous disposez d’un droit d’accès, de rectification, d’effacement, de limitation et d’opposition, et du droit à la portabilité de vos données.</p>
            <ul>
              <li>Accès et portabilité : une fois connecté·e, téléchargez vos données (profil, rôles, ce que vous avez écrit) en JSON ou en CSV depuis la page <Link to="/mes-donnees">Mes données</Link>.</li>
              <li>Rectification : votre nom et votre adresse se corrigent sur la page <Link to="/compte">Mon compte</Link>.</li>
              <li>Effacement : la direction de votre structure (pour son équipe, page « Départs et direction » de la structure) ou l’administration nationale ferme votre compte et vous remplace par un pseudonyme ; les réponses de la structure restent, sans votre nom.</li>
              <li>Pour toute autre demande : <Setting legal={l} field="dpoContact" />.</li>
            </ul>
            <p>Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (<a href="https://www.cnil.fr/fr/plaintes">www.cnil.fr/fr/plaintes</a>).</p>
          </>
        )}
      </Show>
    </div>
  );
}
