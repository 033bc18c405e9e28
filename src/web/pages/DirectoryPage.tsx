import { api } from '../lib/api';
import { kindLabel, managementLabel, plural, qpvLabel } from '../lib/labels';
import { navigate, useLocation } from '../lib/router';
import { useApi } from '../lib/useApi';
import { filtersOf, listUrl, pageOf } from '../lib/listFilters';
import { DirectoryFilters, filterNames, type Filters } from '../components/DirectoryFilters';
import { Link } from '../components/Link';
import { Pagination } from '../components/Pagination';
import { Show } from '../components/Status';
import { DownloadLinks } from '../components/DownloadLinks';

const PAGE_SIZE = 25;

const toUrl = (f: Partial<Filters> & { page?: number }) => listUrl('/structures', f);

/** The public directory; filters live in the URL so a search can be shared and the back button restores it. */
export function DirectoryPage() {
  const { search } = useLocation();
  const filters: Filters = filtersOf(filterNames, search);
  const page = pageOf(search);
  const key = toUrl({ ...filters, page });
  const loaded = useApi(key, (signal) => api.get('/structures', { ...filters, page, pageSize: PAGE_SIZE }, signal), { keepPrevious: true });

  return (
    <>
      <h1>Annuaire des structures</h1>
      <p className="lead">Les centres sociaux et espaces de vie sociale agréés par les CAF, avec leur fiche d’identité publique.</p>
      <DirectoryFilters key={toUrl(filters)} initial={filters} onSearch={(f) => navigate(toUrl(f))} />
      <section aria-labelledby="results-title">
        <h2 id="results-title" className="visually-hidden">Résultats</h2>
        <Show loaded={loaded} loadingText="Recherche en cours…">
          {(data) => (
            <>
              <p role="status" className="result-count">
                {data.total ? `${plural(data.total, 'structure trouvée', 'structures trouvées')}` : 'Aucune structure ne correspond à ces critères.'}
              </p>
              {data.items.length > 0 && (
                <div className="table-wrap">
                  <table className="table">
                    <caption>
                      Structures correspondant à la recherche, page {page} sur {Math.max(1, Math.ceil(data.total / PAGE_SIZE))}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Nom</th><th scope="col">Type</th><th scope="col">Commune</th>
                        <th scope="col">Département</th><th scope="col">Gestion</th><th scope="col">Quartier prioritaire</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.items.map((s) => (
                        <tr key={s.id}>
                          <th scope="row"><Link to={`/structures/${s.id}`}>{s.name}</Link></th>
                          <td><abbr title={kindLabel(s.kind)}>{s.kind}</abbr></td>
                          <td>{s.communeName}{s.postalCode ? ` (${s.postalCode})` : ''}</td>
                          <td>{s.departementCode}</td>
                          <td>{managementLabel(s.management)}</td>
                          <td>{qpvLabel(s.qpvStatus)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {data.total > 0 && <DownloadLinks path="/exports/structures" query={filters} what="la liste des structures" />}
              <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} label="annuaire"
                onPage={(p) => navigate(toUrl({ ...filters, page: p }))} />
            </>
          )}
        </Show>
      </section>
    </>
  );
}
