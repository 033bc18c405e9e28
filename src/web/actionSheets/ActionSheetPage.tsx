import { api } from '../lib/api';
import { formatDate, kindLabel } from '../lib/labels';
import { useSession } from '../lib/session';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { ErrorAlert, Loading } from '../components/Status';
import { canWriteSheets } from './access';
import { sheetStateLabel, themeName } from './labels';
import type { ActionSheet } from './types';
import './actionSheets.css';

/** One fiche action, for everyone once published (its drafts for its structure and territory). */
export function ActionSheetPage({ id }: { id: string }) {
  const { me } = useSession();
  const loaded = useApi(id, (signal) => api.get(`/action-sheets/${encodeURIComponent(id)}`, undefined, signal));
  return (
    <>
      <nav aria-label="Fil d’Ariane" className="breadcrumb">
        <ol>
          <li><Link to="/">Accueil</Link></li>
          <li><Link to="/fiches-actions">Fiches actions</Link></li>
          <li aria-current="page">{loaded.status === 'ok' ? loaded.data.title : 'Fiche action'}</li>
        </ol>
      </nav>
      {loaded.status === 'loading' && <><h1>Fiche action</h1><Loading /></>}
      {loaded.status === 'error' && <><h1>{loaded.error.status === 404 ? 'Fiche introuvable' : 'Fiche action'}</h1><ErrorAlert error={loaded.error} /></>}
      {loaded.status === 'ok' && <SheetView s={loaded.data} canEdit={canWriteSheets(me, loaded.data.structureId)} />}
    </>
  );
}

function Section({ title, text }: { title: string; text: string }) {
  if (!text.trim()) return null;
  return <section className="sheet-section"><h2>{title}</h2><p>{text}</p></section>;
}

function SheetView({ s, canEdit }: { s: ActionSheet; canEdit: boolean }) {
  const results = [['Pour le territoire', s.resultsTerritory], ['Pour le centre', s.resultsCentre], ['Pour les habitants', s.resultsInhabitants]].filter(([, t]) => t.trim());
  return (
    <article>
      <p className="eyebrow">Fiche action{s.state === 'draft' && <> · <span className="badge badge-draft">{sheetStateLabel(s.state)}</span></>}</p>
      <h1>{s.title}</h1>
      <p className="lead">
        <Link to={`/structures/${s.structureId}`}>{s.structureName}</Link> · {kindLabel(s.structureKind)} · {s.communeName} ({s.departementCode})
        {s.publishedAt && <> · publiée le {formatDate(s.publishedAt)}</>}
      </p>
      {canEdit && <p><Link to={`/fiches-actions/${s.id}/modifier`} className="button button-secondary">Modifier cette fiche</Link></p>}
      <ul className="theme-list" aria-label="Thèmes">{s.themes.map((t) => <li key={t}><Link to={`/fiches-actions?theme=${t}`} className="theme-chip">{themeName(t)}</Link></li>)}</ul>
      {s.keywords.length > 0 && <ul className="theme-list" aria-label="Mots-clés">{s.keywords.map((k) => <li key={k}><Link to={`/fiches-actions?q=${encodeURIComponent(k)}`} className="keyword-chip">{k}</Link></li>)}</ul>}
      <Section title="L’action en quelques mots" text={s.summary} />
      <Section title="Public concerné" text={s.audience} />
      <Section title="Partenaires" text={s.partners} />
      <Section title="Moyens mobilisés" text={s.resources} />
      {results.length > 0 && (
        <section className="sheet-section" aria-labelledby="sheet-results">
          <h2 id="sheet-results">Résultats</h2>
          <div className="sheet-results">{results.map(([t, text]) => <section key={t} aria-label={`Résultats ${t.toLowerCase()}`}><h3>{t}</h3><p>{text}</p></section>)}</div>
        </section>
      )}
      <Section title="Limites et difficultés" text={s.limits} />
      <Section title="Perspectives" text={s.nextSteps} />
    </article>
  );
}
