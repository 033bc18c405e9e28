import { api } from '../lib/api';
import { useSession } from '../lib/session';
import { currentCampaign } from '../lib/territory';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { Loading } from '../components/Status';

/** `/admin`: the national administration's hub, one link per page it runs the observatory from. */
export function AdminPage() {
  const { me } = useSession();
  const campaigns = useApi('campaigns', (signal) => api.get('/campaigns', undefined, signal));
  if (!me) return <Loading />;
  const national = me.memberships.some((m) => m.role === 'national_admin');
  if (!national) return <NationalOnly title="Administration" back="/admin" signedIn={Boolean(me.user)} />;
  const year = campaigns.status === 'ok' ? currentCampaign(campaigns.data.items)?.year : undefined;
  const groups: { title: string; links: { to: string; text: string; help: string }[] }[] = [
    { title: 'Campagnes', links: [
      { to: '/campagnes', text: 'Campagnes annuelles', help: 'préparer, ouvrir, clore ; délais par territoire ; questions locales' },
      ...(year ? [{ to: `/suivi/${year}`, text: `Suivi de la campagne ${year}`, help: 'avancement, réponses à temps, qualité, relances, liste des réponses' }] : []),
      { to: '/suivi/envois', text: 'Boîte d’envoi', help: 'courriels préparés et leur état' },
    ] },
    { title: 'Exploitation', links: [
      { to: '/admin/taches', text: 'Tâches de fond', help: 'file des tâches du serveur (recalcul de la qualité des réponses après saisie…) : leur état, leur dernière erreur ; relancer une tâche abandonnée' },
    ] },
    { title: 'Annuaire et personnes', links: [
      { to: '/annuaire/import', text: 'Importer l’annuaire des structures', help: 'fichier de la CAF (CSV ou XLSX), vérification, différence avec l’annuaire, puis import' },
      { to: '/personnes', text: 'Personnes et invitations', help: 'correspondants et coordinations régionales : inviter, suspendre, réactiver ; directions des structures' },
    ] },
    { title: 'Publication', links: [
      { to: '/publication', text: 'Publication des chiffres', help: 'prévisualiser et publier une version d’une campagne close' },
      { to: '/tableau-de-bord', text: 'Tableau de bord des élus', help: 'ce que le public voit de la dernière version' },
      { to: '/donnees-ouvertes', text: 'Données ouvertes', help: 'fichiers publiés' },
    ] },
    { title: 'Données et territoires', links: [
      { to: '/donnees-externes', text: 'Données externes et concordance', help: 'ELISFA, CAF, INSEE' },
      { to: '/territoires/comparer', text: 'Comparer les territoires', help: 'régions et départements' },
      { to: '/territoires/tresorerie?level=nation', text: 'Trésorerie des structures', help: 'structures en difficulté' },
      { to: '/structures', text: 'Annuaire des structures', help: 'fiches des structures' },
    ] },
  ];
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">Administration nationale</h1>
      <p className="lead">Toutes les pages depuis lesquelles l’administration nationale conduit l’observatoire.</p>
      {groups.map((g) => (
        <div key={g.title} className="panel">
          <h2>{g.title}</h2>
          <ul className="admin-links">
            {g.links.map((l) => <li key={l.to}><Link to={l.to}>{l.text}</Link> <span className="muted">– {l.help}</span></li>)}
          </ul>
        </div>
      ))}
    </section>
  );
}

/**
 * What a page of the national administration shows anyone else: the refusal, and the way to sign in
 * (coming back to `back`) for a visitor who is not.
 * @example if (!national) return <NationalOnly title="Tâches de fond" back="/admin/taches" signedIn={Boolean(me.user)} />;
 */
export function NationalOnly({ title, back, signedIn }: { title: string; back: string; signedIn: boolean }) {
  return (
    <>
      <h1>{title}</h1>
      <p>Cette page est réservée à l’administration nationale.{!signedIn && <> <Link to={`/connexion?retour=${encodeURIComponent(back)}`}>Se connecter</Link></>}</p>
    </>
  );
}
