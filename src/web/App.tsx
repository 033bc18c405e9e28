import { lazy, Suspense, useEffect, useRef, type ReactElement } from 'react';
import { Footer } from './components/Footer';
import { Header } from './components/Header';
import { Loading } from './components/Status';
import { matchPath, useLocation } from './lib/router';
import { DirectoryPage } from './pages/DirectoryPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { StructurePage } from './pages/StructurePage';
import { EssPage } from './ess/EssPage';
import { CashPage } from './cash/CashPage';
import { FactSheetPage } from './reports/FactSheetPage';
import { TerritoryCashPage } from './cash/TerritoryCashPage';
import { StructurePartnersPage } from './partners/StructurePartnersPage';
import { ActionSheetsPage } from './actionSheets/ActionSheetsPage';
import { OpenDataPage } from './pages/OpenDataPage';
import { ActionSheetPage } from './actionSheets/ActionSheetPage';
import { EditActionSheetPage, NewActionSheetPage } from './actionSheets/ActionSheetEditor';
import { CockpitPage } from './trust/CockpitPage';
import { OutboxPage } from './trust/OutboxPage';
import { QueriesPage } from './trust/QueriesPage';
import { ReviewPage } from './trust/ReviewPage';
import { InvitationPage } from './invitations/InvitationPage';
import { ExternalPage } from './external/ExternalPage';
import { ConcordancePage } from './external/ConcordancePage';
import { CampaignsPage } from './campaigns/CampaignsPage';
import { AdminPage } from './admin/AdminPage';
import { JobsPage } from './admin/JobsPage';
import { AccountPage } from './account/AccountPage';
import { ForgotPasswordPage } from './account/ForgotPasswordPage';
import { ResetPasswordPage } from './account/ResetPasswordPage';
import { DirectoryImportPage } from './directory/DirectoryImportPage';
import { PeoplePage } from './people/PeoplePage';
import { LegalNoticePage } from './legal/LegalNoticePage';
import { PrivacyPage } from './legal/PrivacyPage';
import { AccessibilityPage } from './legal/AccessibilityPage';
import { SitemapPage } from './legal/SitemapPage';
import { MyDataPage } from './privacy/MyDataPage';
import { TeamDeparturesPage } from './privacy/TeamDeparturesPage';

const SITE = 'Senacs';

// SurveyJS is large: only the questionnaire page loads it.
const FillingPage = lazy(() => import('./filling/FillingPage'));
// ECharts too: only the comparison pages load it.
const ComparePage = lazy(() => import('./compare/ComparePage'));
const TerritoriesPage = lazy(() => import('./compare/TerritoriesPage'));
// The dashboard and the public map load ECharts and the map geometry only when opened.
const DashboardPage = lazy(() => import('./dashboard/DashboardPage'));
const StructuresMapPage = lazy(() => import('./dashboard/StructuresMapPage'));
// The partner network draws an ECharts graph: loaded when opened.
const PartnersPage = lazy(() => import('./partners/PartnersPage'));
const PublicationPage = lazy(() => import('./publication/PublicationPage'));

function route(path: string): { title: string; page: ReactElement } {
  if (path === '/') return { title: 'Accueil', page: <HomePage /> };
  if (path === '/connexion') return { title: 'Connexion', page: <LoginPage /> };
  if (path === '/mentions-legales') return { title: 'Mentions légales', page: <LegalNoticePage /> };
  if (path === '/donnees-personnelles') return { title: 'Données personnelles', page: <PrivacyPage /> };
  if (path === '/accessibilite') return { title: 'Déclaration d’accessibilité', page: <AccessibilityPage /> };
  if (path === '/plan-du-site') return { title: 'Plan du site', page: <SitemapPage /> };
  if (path === '/mes-donnees') return { title: 'Mes données', page: <MyDataPage /> };
  const team = matchPath('/structures/:id/equipe', path);
  if (team) return { title: 'Départs et direction', page: <TeamDeparturesPage key={team.id} id={team.id} /> };
  if (matchPath('/structures', path)) return { title: 'Annuaire des structures', page: <DirectoryPage /> };
  const cmp = matchPath('/structures/:id/comparer', path);
  if (cmp) return { title: 'Se comparer à ses pairs', page: <Suspense fallback={<Loading what="Chargement de la comparaison…" />}><ComparePage key={cmp.id} id={cmp.id} /></Suspense> };
  if (matchPath('/territoires/comparer', path)) return { title: 'Comparer les territoires', page: <Suspense fallback={<Loading what="Chargement de la comparaison…" />}><TerritoriesPage /></Suspense> };
  if (matchPath('/publication', path)) return { title: 'Publication des chiffres', page: <Suspense fallback={<Loading what="Chargement des versions…" />}><PublicationPage /></Suspense> };
  if (matchPath('/campagnes', path)) return { title: 'Campagnes annuelles', page: <CampaignsPage /> };
  if (matchPath('/admin', path)) return { title: 'Administration', page: <AdminPage /> };
  if (matchPath('/admin/taches', path)) return { title: 'Tâches de fond', page: <JobsPage /> };
  if (matchPath('/compte', path)) return { title: 'Mon compte', page: <AccountPage /> };
  if (matchPath('/mot-de-passe-oublie', path)) return { title: 'Mot de passe oublié', page: <ForgotPasswordPage /> };
  if (matchPath('/mot-de-passe/nouveau', path)) return { title: 'Nouveau mot de passe', page: <ResetPasswordPage /> };
  if (matchPath('/annuaire/import', path)) return { title: 'Importer l’annuaire', page: <DirectoryImportPage /> };
  if (matchPath('/personnes', path)) return { title: 'Personnes et invitations', page: <PeoplePage /> };
  if (matchPath('/donnees-ouvertes', path)) return { title: 'Données ouvertes', page: <OpenDataPage /> };
  if (matchPath('/tableau-de-bord', path)) return { title: 'Tableau de bord : France', page: <Suspense fallback={<Loading what="Chargement du tableau de bord…" />}><DashboardPage key="nation" level="nation" /></Suspense> };
  const dbr = matchPath('/tableau-de-bord/region/:code', path) ?? matchPath('/tableau-de-bord/departement/:code', path);
  if (dbr) {
    const lvl = path.includes('/region/') ? 'region' : 'departement';
    return { title: `Tableau de bord : ${lvl === 'region' ? 'région' : 'département'} ${dbr.code}`, page: <Suspense fallback={<Loading what="Chargement du tableau de bord…" />}><DashboardPage key={`${lvl}:${dbr.code}`} level={lvl} code={dbr.code} /></Suspense> };
  }
  if (matchPath('/carte', path)) return { title: 'Carte des structures', page: <Suspense fallback={<Loading what="Chargement de la carte…" />}><StructuresMapPage /></Suspense> };
  if (matchPath('/fiches-actions', path)) return { title: 'Fiches actions', page: <ActionSheetsPage /> };
  const fe = matchPath('/fiches-actions/:id/modifier', path);
  if (fe) return { title: 'Modifier une fiche action', page: <EditActionSheetPage key={fe.id} id={fe.id} /> };
  const fa = matchPath('/fiches-actions/:id', path);
  if (fa) return { title: 'Fiche action', page: <ActionSheetPage key={fa.id} id={fa.id} /> };
  const fn = matchPath('/structures/:id/fiches-actions/nouvelle', path);
  if (fn) return { title: 'Nouvelle fiche action', page: <NewActionSheetPage key={fn.id} structureId={fn.id} /> };
  const ess = matchPath('/structures/:id/ess', path);
  if (ess) return { title: 'Profil ESS', page: <EssPage key={ess.id} id={ess.id} /> };
  const sheet = matchPath('/structures/:id/fiche/:year', path);
  if (sheet && /^\d{4}$/.test(sheet.year)) return { title: `Fiche ${sheet.year}`, page: <FactSheetPage key={`${sheet.id}-${sheet.year}`} id={sheet.id} year={Number(sheet.year)} /> };
  const cash = matchPath('/structures/:id/tresorerie', path);
  if (cash) return { title: 'Trésorerie', page: <CashPage key={cash.id} id={cash.id} /> };
  const sp = matchPath('/structures/:id/partenaires', path);
  if (sp) return { title: 'Partenaires de la structure', page: <StructurePartnersPage key={sp.id} id={sp.id} /> };
  if (matchPath('/partenaires', path)) return { title: 'Trouver des partenaires', page: <Suspense fallback={<Loading what="Chargement des partenaires…" />}><PartnersPage /></Suspense> };
  if (matchPath('/territoires/tresorerie', path)) return { title: 'Trésorerie du territoire', page: <TerritoryCashPage /> };
  const s = matchPath('/structures/:id', path);
  if (s) return { title: 'Fiche structure', page: <StructurePage key={s.id} id={s.id} /> };
  if (matchPath('/donnees-externes', path)) return { title: 'Données externes', page: <ExternalPage /> };
  const xr = matchPath('/donnees-externes/:name/:year', path);
  if (xr) return { title: `Concordance ${xr.name} ${xr.year}`, page: <ConcordancePage key={`${xr.name}/${xr.year}`} name={xr.name} year={xr.year} /> };
  const inv = matchPath('/invitation/:token', path);
  if (inv) return { title: 'Invitation', page: <InvitationPage key={inv.token} token={inv.token} /> };
  if (matchPath('/suivi/envois', path)) return { title: 'Boîte d’envoi', page: <OutboxPage /> };
  const k = matchPath('/suivi/:year', path);
  if (k) return { title: `Suivi de la campagne ${k.year}`, page: <CockpitPage key={k.year} year={k.year} /> };
  const rv = matchPath('/controle/:id', path);
  if (rv) return { title: 'Contrôle d’une réponse', page: <ReviewPage key={rv.id} id={rv.id} /> };
  const rq = matchPath('/reponses/:id/questions', path);
  if (rq) return { title: 'Questions sur la réponse', page: <QueriesPage key={rq.id} id={rq.id} /> };
  const r = matchPath('/reponses/:id', path);
  if (r) return { title: 'Questionnaire', page: <Suspense fallback={<Loading what="Chargement du questionnaire…" />}><FillingPage key={r.id} id={r.id} /></Suspense> };
  return { title: 'Page introuvable', page: <NotFoundPage /> };
}

/** Layout and routes. After an in-app navigation focus goes to the main content, as a page load would. */
export function App() {
  const { path } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const { title, page } = route(path);

  useEffect(() => {
    document.title = `${title} – ${SITE}`;
  }, [title]);

  useEffect(() => {
    if (first.current) { first.current = false; return; }
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [path]);

  return (
    <>
      <a href="#contenu" className="skip-link">Aller au contenu</a>
      <Header />
      <main id="contenu" ref={main} tabIndex={-1} className="container main">
        {page}
      </main>
      <Footer />
    </>
  );
}
