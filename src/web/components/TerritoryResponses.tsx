import { useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { formatDate, kindLabel, plural, responseStateLabel, responseStates } from '../lib/labels';
import { useApi } from '../lib/useApi';
import { Link } from './Link';
import { Pagination } from './Pagination';
import { StateBadge } from './StateBadge';
import { Show } from './Status';
import { DownloadLinks } from './DownloadLinks';

const PAGE_SIZE = 20;

interface Props { year: number; level: 'nation' | 'region' | 'departement'; code?: string; territoryName: string }

/** Where a row of the follow-up list leads: a transmitted response is checked, another one only looked at. */
export function responseAction(state: string): string {
  return state === 'submitted' ? 'Contrôler' : 'Voir la réponse';
}

interface Filter { state: string; quality: string; queries: string; sort: string }
const noFilter: Filter = { state: '', quality: '', queries: '', sort: 'name' };

const sortLabels: Record<string, string> = {
  name: 'Nom de la structure', state: 'État', score: 'Score de qualité (du plus faible)', queries: 'Questions ouvertes (les plus nombreuses)', updated: 'Dernière modification (la plus récente)',
};

/**
 * The correspondents' follow-up list: every structure of the territory, where its response stands, its
 * quality score and open queries; each row with a response opens it on the review page.
 */
export function TerritoryResponses({ year, level, code, territoryName }: Props) {
  const [filter, setFilter] = useState<Filter>(noFilter);
  const [choice, setChoice] = useState<Filter>(noFilter);
  const [page, setPage] = useState(1);
  const key = JSON.stringify([year, level, code, filter, page]);
  const loaded = useApi(key, (signal) =>
    api.get(`/campaigns/${year}/responses`, {
      level, code, state: filter.state, page, pageSize: PAGE_SIZE, scoreBelow: filter.quality, openQueries: filter.queries, sort: filter.sort,
    }, signal),
    { keepPrevious: true });
  const query = { level, code, state: filter.state };

  function onFilter(e: FormEvent) {
    e.preventDefault();
    setFilter(choice);
    setPage(1);
  }
  const pick = (k: keyof Filter) => (e: { target: { value: string } }) => setChoice({ ...choice, [k]: e.target.value });

  return (
    <section aria-labelledby="responses-title" className="panel">
      <h2 id="responses-title">Réponses des structures – {territoryName}</h2>
      <form className="inline-form" onSubmit={onFilter} aria-label="Filtrer et trier les réponses">
        <div className="field">
          <label htmlFor="response-state">État de la réponse</label>
          <select id="response-state" value={choice.state} onChange={pick('state')}>
            <option value="">Tous les états</option>
            {responseStates.map((s) => <option key={s} value={s}>{responseStateLabel(s)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="response-quality">Score de qualité</label>
          <select id="response-quality" value={choice.quality} onChange={pick('quality')}>
            <option value="">Tous les scores</option>
            <option value="50">Moins de 50 sur 100</option>
            <option value="70">Moins de 70 sur 100</option>
            <option value="90">Moins de 90 sur 100</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="response-queries">Questions ouvertes</label>
          <select id="response-queries" value={choice.queries} onChange={pick('queries')}>
            <option value="">Avec ou sans</option>
            <option value="with">Avec une question ouverte</option>
            <option value="without">Sans question ouverte</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="response-sort">Trier par</label>
          <select id="response-sort" value={choice.sort} onChange={pick('sort')}>
            {Object.entries(sortLabels).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </div>
        <button type="submit" className="button">Appliquer</button>
      </form>
      <Show loaded={loaded} loadingText="Chargement des réponses…">
        {(data) => (
          <>
            <p role="status" className="result-count">{plural(data.total, 'structure', 'structures')}</p>
            {data.items.length > 0 && (
              <div className="table-wrap">
                <table className="table table-cards">
                  <caption>Réponses de la campagne {year}{filter.state ? ` (${responseStateLabel(filter.state).toLowerCase()})` : ''}, page {page}, triées par {sortLabels[filter.sort].toLowerCase()}</caption>
                  <thead>
                    <tr><th scope="col">Structure</th><th scope="col">Type</th><th scope="col">Département</th><th scope="col">État</th><th scope="col" className="num">Score de qualité</th><th scope="col" className="num">Questions ouvertes</th><th scope="col">Dernière modification</th><th scope="col">Réponse</th></tr>
                  </thead>
                  <tbody>
                    {data.items.map((r) => (
                      <tr key={r.structureId}>
                        <th scope="row"><Link to={`/structures/${r.structureId}`}>{r.name}</Link></th>
                        <td data-label="Type">{kindLabel(r.kind)}</td>
                        <td data-label="Département">{r.departementCode}</td>
                        <td data-label="État"><StateBadge state={r.state} /></td>
                        <td data-label="Score de qualité" className="num">{r.qualityScore ?? '—'}</td>
                        <td data-label="Questions ouvertes" className="num">{r.openQueries}</td>
                        <td data-label="Dernière modification">{formatDate(r.updatedAt)}</td>
                        <td data-label="Réponse">{r.responseId
                          ? <Link to={`/controle/${r.responseId}`}>{responseAction(r.state)}<span className="visually-hidden"> : {r.name}</span></Link>
                          : <span className="muted">Pas de réponse</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {data.total > 0 && <DownloadLinks path={`/exports/campaigns/${year}/responses`} query={query} what="la liste de suivi" />}
            <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} label="réponses des structures" />
          </>
        )}
      </Show>
    </section>
  );
}
