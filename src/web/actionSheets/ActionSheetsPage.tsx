import { useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { plural } from '../lib/labels';
import { navigate, useLocation } from '../lib/router';
import { useApi } from '../lib/useApi';
import { filtersOf, listUrl, pageOf, withRegion } from '../lib/listFilters';
import { Pagination } from '../components/Pagination';
import { Show } from '../components/Status';
import { SheetSummary } from './SheetSummary';
import './actionSheets.css';

const PAGE_SIZE = 10;
const names = ['q', 'theme', 'region', 'departement'] as const;
type Filters = Record<(typeof names)[number], string>;

const toUrl = (f: Partial<Filters> & { page?: number }) => listUrl('/fiches-actions', f);

/** Public search of the published fiches actions: keyword, theme, territory; filters live in the URL. */
export function ActionSheetsPage() {
  const { search } = useLocation();
  const filters: Filters = filtersOf(names, search);
  const page = pageOf(search);
  const key = toUrl({ ...filters, page });
  const loaded = useApi(key, (signal) => api.get('/action-sheets', { ...filters, page, pageSize: PAGE_SIZE }, signal), { keepPrevious: true });
  return (
    <>
      <h1>Fiches actions</h1>
      <p className="lead">Les centres sociaux et espaces de vie sociale racontent leurs actions : ce qu’ils ont fait, avec qui, avec quels moyens, ce que cela a changé et ce qui reste difficile.</p>
      <SheetFilters key={toUrl(filters)} initial={filters} onSearch={(f) => navigate(toUrl(f))} />
      <section aria-labelledby="sheets-results">
        <h2 id="sheets-results" className="visually-hidden">Résultats</h2>
        <Show loaded={loaded} loadingText="Recherche en cours…">
          {(data) => (
            <>
              <p role="status" className="result-count">
                {data.total ? plural(data.total, 'fiche trouvée', 'fiches trouvées') : 'Aucune fiche ne correspond à ces critères.'}
              </p>
              <ul className="sheet-list">{data.items.map((s) => <SheetSummary key={s.id} s={s} />)}</ul>
              <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} label="fiches actions" onPage={(p) => navigate(toUrl({ ...filters, page: p }))} />
            </>
          )}
        </Show>
      </section>
    </>
  );
}

function SheetFilters({ initial, onSearch }: { initial: Filters; onSearch: (f: Filters) => void }) {
  const [f, setF] = useState<Filters>(initial);
  const themes = useApi('themes', (signal) => api.get('/action-sheets/themes', undefined, signal));
  const regions = useApi('regions', (signal) => api.get('/territories/regions', undefined, signal));
  const departements = useApi(`departements-${f.region}`, (signal) => api.get('/territories/departements', { region: f.region }, signal));
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setF((old) => (k === 'region' ? withRegion(old, e.target.value) : { ...old, [k]: e.target.value }));
  function onSubmit(e: FormEvent) { e.preventDefault(); onSearch(f); }
  return (
    <form className="filters panel" onSubmit={onSubmit} role="search" aria-label="Rechercher une fiche action">
      <div className="field field-wide">
        <label htmlFor="s-q">Mots-clés <span className="hint">(par exemple : jardin, numérique, parentalité)</span></label>
        <input id="s-q" type="search" value={f.q} onChange={set('q')} maxLength={100} />
      </div>
      <div className="filter-grid">
        <div className="field">
          <label htmlFor="s-theme">Thème</label>
          <select id="s-theme" value={f.theme} onChange={set('theme')}>
            <option value="">Tous les thèmes</option>
            {themes.status === 'ok' && themes.data.items.map((t) => <option key={t.code} value={t.code}>{t.label} ({t.published})</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="s-region">Région</label>
          <select id="s-region" value={f.region} onChange={set('region')}>
            <option value="">Toutes les régions</option>
            {regions.status === 'ok' && regions.data.items.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="s-departement">Département</label>
          <select id="s-departement" value={f.departement} onChange={set('departement')}>
            <option value="">Tous les départements</option>
            {departements.status === 'ok' && departements.data.items.map((d) => <option key={d.code} value={d.code}>{d.code} – {d.name}</option>)}
          </select>
        </div>
      </div>
      <button type="submit" className="button">Rechercher</button>
    </form>
  );
}
