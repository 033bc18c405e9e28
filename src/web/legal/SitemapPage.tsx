import { Link } from '../components/Link';
import { useSession } from '../lib/session';
import './legal.css';

interface Entry { to?: string; label: string; note?: string }

/** The app's pages, grouped by who reaches them; pages of one structure or one response are reached from the lists. */
const groups: { title: string; entries: Entry[] }[] = [
  {
    title: 'Pages publiques',
    entries: [
      { to: '/', label: 'Accueil' },
      { to: '/structures', label: 'Annuaire des structures', note: 'chaque structure a sa fiche, ouverte depuis l’annuaire' },
      { to: '/carte', label: 'Carte des structures' },
      { to: '/tableau-de-bord', label: 'Tableau de bord : France', note: 'et celui de chaque région et département' },
      { to: '/territoires/comparer', label: 'Comparer les territoires' },
      { to: '/partenaires', label: 'Trouver des partenaires' },
      { to: '/fiches-actions', label: 'Fiches actions' },
      { to: '/donnees-ouvertes', label: 'Données ouvertes' },
      { to: '/publication', label: 'Versions publiées des chiffres' },
      { to: '/connexion', label: 'Connexion' },
    ],
  },
  {
    title: 'Pages des personnes connectées',
    entries: [
      { to: '/mes-donnees', label: 'Mes données', note: 'télécharger ses données personnelles (JSON, CSV)' },
      { to: '/compte', label: 'Mon compte' },
      { label: 'Départs et direction', note: 'direction et administration nationale, depuis la fiche privée de la structure' },
      { label: 'Fiche privée de sa structure', note: 'réponses, équipe, invitations, profil ESS, trésorerie, partenaires, comparaison : depuis l’accueil' },
      { label: 'Questionnaire et questions des correspondants', note: 'depuis la fiche de la structure' },
      { to: '/territoires/tresorerie', label: 'Trésorerie du territoire', note: 'correspondants et coordinations' },
      { label: 'Suivi de la campagne et contrôle des réponses', note: 'correspondants et coordinations, depuis l’accueil' },
      { to: '/suivi/envois', label: 'Boîte d’envoi des courriels', note: 'correspondants et coordinations' },
      { to: '/donnees-externes', label: 'Données externes et concordance', note: 'administration nationale et correspondants' },
    ],
  },
  {
    title: 'Informations légales',
    entries: [
      { to: '/mentions-legales', label: 'Mentions légales' },
      { to: '/donnees-personnelles', label: 'Données personnelles' },
      { to: '/accessibilite', label: 'Déclaration d’accessibilité' },
      { to: '/plan-du-site', label: 'Plan du site' },
      { to: '/api/openapi.json', label: 'API ouverte (OpenAPI)' },
    ],
  },
];

/** Plan du site (RGAA 12.1: at least two ways to reach each page). */
export function SitemapPage() {
  const { me } = useSession();
  return (
    <div className="legal-page sitemap">
      <h1>Plan du site</h1>
      {groups.map((g, i) => (
        <section key={g.title} aria-labelledby={`plan-${i}`}>
          <h2 id={`plan-${i}`}>{g.title}</h2>
          {g.title.includes('connectées') && !me?.user && <p className="muted">Ces pages demandent de <Link to="/connexion">se connecter</Link>.</p>}
          <ul>
            {g.entries.map((e) => (
              <li key={e.label}>
                {e.to ? (e.to.startsWith('/api/') ? <a href={e.to}>{e.label}</a> : <Link to={e.to}>{e.label}</Link>) : e.label}
                {e.note && <span className="muted"> — {e.note}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
