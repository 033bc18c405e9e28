import { plural, pluralWord } from '../lib/labels';
import type { ApiResponse } from '../../http/apiTypes';
import './ess.css';
import { useState } from 'react';
import { api, apiUrl } from '../lib/api';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { ErrorAlert, Loading, Show } from '../components/Status';
import type { EssItem, } from '../../domain/ess/profile';
import { essFactRows, essStateLabels, responseStateLabel } from '../../domain/ess/export';
import { managementLabel } from '../../domain/labels';
import { FiguresTable, } from './FiguresTable';

type EssView = ApiResponse<'get', `/structures/${number}/ess`>;

const statusText = { ess_by_status: 'ESS par son statut', outside: 'Hors du champ de la loi ESS', unknown: 'Appartenance non établie' } as const;

function ItemsTable({ items, caption }: { items: EssItem[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption}</caption>
        <thead><tr><th scope="col">Critère</th><th scope="col">État</th><th scope="col">Motif et éléments tirés des réponses</th></tr></thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.key}>
              <th scope="row">{i.label}</th>
              <td><span className={`ess-state ess-${i.state}`}>{essStateLabels[i.state]}</span></td>
              <td>{i.reason}{i.evidence.length > 0 && <ul className="ess-evidence">{i.evidence.map((e) => <li key={e}>{e}</li>)}</ul>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A structure's ESS profile: the law's conditions, the good-practice checklist, facts, exports for the CRESS and the département's published figures. */
export function EssPage({ id }: { id: string }) {
  const [year, setYear] = useState<number | null>(null);
  const loaded = useApi(`${id}:${year}`, (signal) => api.get(`/structures/${encodeURIComponent(id)}/ess`, { year }, signal));
  return (
    <>
      <nav aria-label="Fil d’Ariane" className="breadcrumb">
        <ol>
          <li><Link to="/">Accueil</Link></li>
          <li><Link to={`/structures/${id}`}>{loaded.status === 'ok' ? loaded.data.structure.name : 'Fiche structure'}</Link></li>
          <li aria-current="page">Profil ESS</li>
        </ol>
      </nav>
      <h1>Profil économie sociale et solidaire</h1>
      {loaded.status === 'loading' && <Loading what="Chargement du profil ESS…" />}
      {loaded.status === 'error' && <ErrorAlert error={loaded.error} />}
      {loaded.status === 'ok' && <Profile view={loaded.data} onYear={setYear} />}
    </>
  );
}

function Profile({ view, onYear }: { view: EssView; onYear: (y: number) => void }) {
  const { structure: s, profile: p } = view;
  const exportUrl = (format: string) => apiUrl(`/structures/${s.id}/ess/export`, { year: view.year, format });
  const territory = useApi(`${view.year}:${s.departementCode}`, (signal) =>
    api.get('/stats/ess', { year: view.year, level: 'departement', code: s.departementCode }, signal));
  return (
    <>
      <p className="lead">{s.name} · {s.commune} ({s.departementCode}) · {managementLabel(s.management)}</p>
      <div className="panel">
        <div className="panel-head">
          <h2>Données {view.year} <span className="tag">Privé</span></h2>
          <div className="field-inline">
            <label htmlFor="ess-year">Année</label>
            <select id="ess-year" value={view.year} onChange={(e) => onYear(Number(e.target.value))}>
              {view.years.map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </div>
        </div>
        <p className="muted">Réponse {responseStateLabel(view.responseState)}. Le profil se lit dans les réponses au questionnaire : un critère que le questionnaire ne demande pas reste « Inconnu », avec la raison.</p>
        <p><strong>{statusText[p.status]}</strong> — {p.statusReason}</p>
        <p>Bilan : {plural(p.summary.met, 'critère rempli', 'critères remplis')}, {pluralWord(p.summary.notMet, `${p.summary.notMet} non rempli`, `${p.summary.notMet} non remplis`)}, {pluralWord(p.summary.unknown, `${p.summary.unknown} inconnu`, `${p.summary.unknown} inconnus`)}.</p>
        <p className="actions-row">
          <a className="button" href={exportUrl('pdf')} download>Télécharger le profil pour la CRESS (PDF)</a>{' '}
          <a className="button button-secondary" href={exportUrl('csv')} download>Télécharger en CSV</a>
        </p>
      </div>
      <section className="panel" aria-labelledby="ess-law">
        <h2 id="ess-law">Conditions de la loi du 31 juillet 2014</h2>
        <ItemsTable items={p.criteria} caption="Les trois conditions de l’article 1 de la loi ESS" />
      </section>
      <section className="panel" aria-labelledby="ess-guide">
        <h2 id="ess-guide">Guide des bonnes pratiques</h2>
        <ItemsTable items={p.goodPractice} caption="Les huit thèmes du guide des bonnes pratiques, tels que les réponses les documentent" />
      </section>
      <section className="panel" aria-labelledby="ess-facts">
        <h2 id="ess-facts">Gouvernance et finances déclarées</h2>
        <div className="table-wrap">
          <table className="table">
            <caption>Composition de la gouvernance : habitants, institutions, parité</caption>
            <tbody>{essFactRows(p).map(([l, v]) => <tr key={l}><th scope="row">{l}</th><td className="num">{v}</td></tr>)}</tbody>
          </table>
        </div>
        <h3>Ce que le questionnaire ne demande pas</h3>
        <ul>{p.notAsked.map((t) => <li key={t}>{t}</li>)}</ul>
      </section>
      <section className="panel" aria-labelledby="ess-territory">
        <h2 id="ess-territory">Repères ESS du département</h2>
        <p className="muted">Réponses validées seulement, publiées après contrôle du secret statistique : une case retenue dit pourquoi.</p>
        <Show loaded={territory} loadingText="Chargement des chiffres du département…">
          {(d) => <FiguresTable data={d} caption={`Chiffres ESS ${d.year} – ${d.territory.name}`} />}
        </Show>
      </section>
    </>
  );
}
