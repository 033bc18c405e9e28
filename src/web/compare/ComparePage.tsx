import './compare.css';
import { useMemo } from 'react';
import { api } from '../lib/api';
import { kindLabel } from '../lib/labels';
import { navigate, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import type { Campaign, } from '../lib/types';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { ErrorAlert, Loading, Show } from '../components/Status';
import { ConsentPanel } from './ConsentPanel';
import { defaultIndicators } from './labels';
import { filtersFromParam, filtersToParam, FilterPanel, IndicatorPicker, type FilterMap } from './Pickers';
import { PositionView } from './PositionView';

const KMS = [5, 10, 20, 50, 100] as const;
type PeerKind = 'neighbours' | 'distance' | 'filters';

/** The year compared by default: the latest campaign whose answers are validated (closed or later). */
export function comparedYear(campaigns: Campaign[]): number | undefined {
  return (campaigns.find((c) => c.state !== 'open' && c.state !== 'preparation') ?? campaigns[0])?.year;
}

/**
 * `/structures/:id/comparer`: a structure among its peers (its own people and those who follow its
 * territory), and for its director the joint-consent comparisons. Choices live in the URL.
 */
export default function ComparePage({ id }: { id: string }) {
  const { me } = useSession();
  const { search } = useLocation();
  const base = useApi(id, async (signal) => {
    const [structure, campaigns] = await Promise.all([
      api.get(`/structures/${encodeURIComponent(id)}`, undefined, signal),
      api.get('/campaigns', undefined, signal),
    ]);
    return { structure, campaigns: campaigns.items };
  });

  const indicators = (search.get('ind') ?? '').split(',').filter(Boolean);
  const chosen = indicators.length ? indicators : defaultIndicators;
  const peers = (['neighbours', 'distance', 'filters'].includes(search.get('pairs') ?? '') ? search.get('pairs') : 'neighbours') as PeerKind;
  const km = Number(search.get('km') ?? 20);
  const filters = filtersFromParam(search.get('filtres'));
  const scope = search.get('portee') ?? 'nation';

  const set = (changes: Record<string, string | undefined>) => {
    const q = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) if (v === undefined || v === '') q.delete(k); else q.set(k, v);
    navigate(`/structures/${id}/comparer?${q.toString()}`, { replace: true });
  };

  if (base.status !== 'ok') {
    return (
      <>
        <h1>Se comparer à ses pairs</h1>
        {base.status === 'loading' ? <Loading /> : <ErrorAlert error={base.error} />}
      </>
    );
  }
  const { structure: s, campaigns } = base.data;
  const year = Number(search.get('annee') ?? comparedYear(campaigns));
  const isDirector = !!me?.memberships.some((m) => m.role === 'director' && m.structureId === s.id);
  return (
    <>
      <nav aria-label="Fil d’Ariane" className="breadcrumb">
        <ol>
          <li><Link to="/">Accueil</Link></li>
          <li><Link to={`/structures/${s.id}`}>{s.name}</Link></li>
          <li aria-current="page">Se comparer</li>
        </ol>
      </nav>
      <p className="eyebrow">{kindLabel(s.kind)} · {s.communeName}</p>
      <h1>{s.name} parmi ses pairs</h1>
      <p className="lead">
        Chaque chiffre du groupe passe par le contrôle du secret statistique : les valeurs des autres structures ne sont jamais montrées,
        seulement les quartiles publiés de leur groupe.
      </p>

      <form className="panel compare-choices" onSubmit={(e) => e.preventDefault()} aria-labelledby="choices-title">
        <h2 id="choices-title">Vos choix</h2>
        <div className="field field-inline">
          <label htmlFor="compare-year">Campagne</label>
          <select id="compare-year" value={year} onChange={(e) => set({ annee: e.target.value })}>
            {campaigns.map((c) => <option key={c.id} value={c.year}>{c.year}</option>)}
          </select>
        </div>
        <IndicatorPicker chosen={chosen} onChange={(codes) => set({ ind: codes.join(',') })} />
        <fieldset className="peer-choice">
          <legend>Groupe de pairs</legend>
          <div className="check">
            <input type="radio" id="peers-neighbours" name="peers" checked={peers === 'neighbours'} onChange={() => set({ pairs: 'neighbours' })} />
            <label htmlFor="peers-neighbours">Plus proches voisins : les 15 structures qui lui ressemblent le plus (groupe figé pour la campagne)</label>
          </div>
          <div className="check">
            <input type="radio" id="peers-distance" name="peers" checked={peers === 'distance'} onChange={() => set({ pairs: 'distance' })} />
            <label htmlFor="peers-distance">Structures proches géographiquement</label>
          </div>
          {peers === 'distance' && (
            <div className="field field-inline sub-choice">
              <label htmlFor="peers-km">Dans un rayon de</label>
              <select id="peers-km" value={km} onChange={(e) => set({ km: e.target.value })}>
                {KMS.map((k) => <option key={k} value={k}>{k} km</option>)}
              </select>
            </div>
          )}
          <div className="check">
            <input type="radio" id="peers-filters" name="peers" checked={peers === 'filters'} onChange={() => set({ pairs: 'filters' })} />
            <label htmlFor="peers-filters">Structures qui partagent des caractéristiques (filtres par tranches)</label>
          </div>
          {peers === 'filters' && (
            <div className="sub-choice">
              <div className="field field-inline">
                <label htmlFor="peers-scope">Parmi les structures de</label>
                <select id="peers-scope" value={scope} onChange={(e) => set({ portee: e.target.value })}>
                  <option value="nation">toute la France</option>
                  <option value="region">sa région</option>
                  <option value="departement">son département</option>
                </select>
              </div>
              <FilterPanel idPrefix="peers" filters={filters} onChange={(f: FilterMap) => set({ filtres: filtersToParam(f) })} />
            </div>
          )}
        </fieldset>
      </form>

      <PositionLoader structureId={s.id} year={year} indicators={chosen} peers={peers} km={km} filters={filtersToParam(filters)} scope={scope} />
      {isDirector && <ConsentPanel structureId={s.id} structureName={s.name} year={year} indicators={chosen} />}
    </>
  );
}

function PositionLoader(p: { structureId: number; year: number; indicators: string[]; peers: PeerKind; km: number; filters: string; scope: string }) {
  const query = useMemo(() => ({
    year: p.year, indicators: p.indicators.join(','), peers: p.peers,
    km: p.peers === 'distance' ? p.km : undefined,
    filters: p.peers === 'filters' ? p.filters : undefined, scope: p.peers === 'filters' ? p.scope : undefined,
  }), [p.year, p.indicators, p.peers, p.km, p.filters, p.scope]);
  const loaded = useApi(JSON.stringify([p.structureId, query]), (signal) => api.get(`/structures/${p.structureId}/position`, query, signal), { keepPrevious: true });
  return (
    <Show loaded={loaded} loadingText="Calcul de la position parmi les pairs…">
      {(data) => <PositionView data={data} />}
    </Show>
  );
}
