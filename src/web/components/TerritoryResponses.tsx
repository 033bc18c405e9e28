import { useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { formatDate, kindLabel, plural, responseStateLabel, responseStates } from '../lib/labels';
import type { Page, TerritoryResponse } from '../lib/types';
import { useApi } from '../lib/useApi';
import { Link } from './Link';
import { Pagination } from './Pagination';
import { StateBadge } from './StateBadge';
import { Show } from './Status';
import { DownloadLinks } from './DownloadLinks';

const PAGE_SIZE = 20;

interface Props { year: number; level: 'nation' | 'region' | 'departement'; code?: string; territoryName: string }

/** The correspondents' follow-up list: every structure of the territory and where its response stands. */
export function TerritoryResponses({ year, level, code, territoryName }: Props) {
  const [state, setState] = useState('');
  const [choice, setChoice] = useState('');
  const [page, setPage] = useState(1);
  const key = JSON.stringify([year, level, code, state, page]);
  const loaded = useApi(key, (signal) =>
    api.get<Page<TerritoryResponse>>(`/campaigns/${year}/responses`, { level, code, state, page, pageSize: PAGE_SIZE }, signal),
    { keepPrevious: true });

  function onFilter(e: FormEvent) {
    e.preventDefault();
    setState(choice);
    setPage(1);
  }

  return (
    <section aria-labelledby="responses-title" className="panel">
      <h2 id="responses-title">Réponses des structures – {territoryName}</h2>
      <form className="inline-form" onSubmit={onFilter}>
        <div className="field">
          <label htmlFor="response-state">État de la réponse</label>
          <select id="response-state" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Tous les états</option>
            {responseStates.map((s) => <option key={s} value={s}>{responseStateLabel(s)}</option>)}
          </select>
        </div>
        <button type="submit" className="button">Filtrer</button>
      </form>
      <Show loaded={loaded} loadingText="Chargement des réponses…">
        {(data) => (
          <>
            <p role="status" className="result-count">{plural(data.total, 'structure', 'structures')}</p>
            {data.items.length > 0 && (
              <div className="table-wrap">
                <table className="table">
                  <caption>Réponses de la campagne {year}{state ? ` (${responseStateLabel(state).toLowerCase()})` : ''}, page {page}</caption>
                  <thead>
                    <tr><th scope="col">Structure</th><th scope="col">Type</th><th scope="col">Département</th><th scope="col">État</th><th scope="col">Dernière modification</th></tr>
                  </thead>
                  <tbody>
                    {data.items.map((r) => (
                      <tr key={r.structure_id}>
                        <th scope="row"><Link to={`/structures/${r.structure_id}`}>{r.name}</Link></th>
                        <td>{kindLabel(r.kind)}</td>
                        <td>{r.departement_code}</td>
                        <td><StateBadge state={r.state} /></td>
                        <td>{formatDate(r.updated_at)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {data.total > 0 && <DownloadLinks path={`/exports/campaigns/${year}/responses`} query={{ level, code, state }} what="la liste de suivi" />}
            <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} label="réponses des structures" />
          </>
        )}
      </Show>
    </section>
  );
}
