import '../ess/ess.css';
import { useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { navigate, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { Show } from '../components/Status';
import { kindOptions, partnerKindLabel, partnerThemeLabel, themeOptions, } from './labels';
import { NetworkChart, } from './NetworkChart';

const fr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** Partner discovery: search among the partners structures agreed to share, and the network of a département. */
export default function PartnersPage() {
  const { search } = useLocation();
  const { me } = useSession();
  const q = { kind: search.get('type') ?? '', theme: search.get('theme') ?? '', km: search.get('km') ?? '', q: search.get('nom') ?? '' };
  const ownStructure = me?.memberships.find((m) => m.structureId)?.structureId ?? null;
  const ownDept = me?.memberships.find((m) => m.departementCode)?.departementCode ?? null;
  const departement = search.get('departement') ?? ownDept ?? '69';
  return (
    <>
      <nav aria-label="Fil d’Ariane" className="breadcrumb"><ol><li><Link to="/">Accueil</Link></li><li aria-current="page">Trouver des partenaires</li></ol></nav>
      <h1>Trouver des partenaires</h1>
      <p className="lead">Qui travaille avec ce type de partenaire, sur ce thème, près de chez vous ? Seuls les partenaires des structures qui ont accepté de les partager apparaissent.</p>
      {me && !me.user ? <p><Link to="/connexion?retour=%2Fpartenaires">Connectez-vous</Link> pour chercher des partenaires.</p> : (
        <>
          <SearchForm initial={q} canUseDistance={ownStructure !== null} />
          {q.kind || q.theme || q.km || q.q ? <Results query={q} /> : (
            <section className="panel" aria-labelledby="search-results">
              <h2 id="search-results">Structures trouvées</h2>
              <p>Choisissez un type de partenaire, un thème, une distance ou un nom, puis lancez la recherche.</p>
            </section>
          )}
          <NetworkSection departement={departement} kind={q.kind} theme={q.theme} />
        </>
      )}
    </>
  );
}

function SearchForm({ initial, canUseDistance }: { initial: Record<string, string>; canUseDistance: boolean }) {
  const [v, setV] = useState(initial);
  function submit(e: FormEvent) {
    e.preventDefault();
    const p = new URLSearchParams();
    if (v.kind) p.set('type', v.kind);
    if (v.theme) p.set('theme', v.theme);
    if (v.km) p.set('km', v.km);
    if (v.q.trim()) p.set('nom', v.q.trim());
    const dep = new URLSearchParams(window.location.search).get('departement');
    if (dep) p.set('departement', dep);
    navigate(`/partenaires${p.size ? `?${p}` : ''}`);
  }
  return (
    <form className="panel inline-form" onSubmit={submit} role="search" aria-label="Recherche de partenaires">
      <div className="field"><label htmlFor="s-kind">Type de partenaire</label>
        <select id="s-kind" value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value })}><option value="">Tous les types</option>{kindOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</select></div>
      <div className="field"><label htmlFor="s-theme">Thème</label>
        <select id="s-theme" value={v.theme} onChange={(e) => setV({ ...v, theme: e.target.value })}><option value="">Tous les thèmes</option>{themeOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</select></div>
      <div className="field"><label htmlFor="s-km">Distance de ma structure</label>
        <select id="s-km" value={v.km} onChange={(e) => setV({ ...v, km: e.target.value })} disabled={!canUseDistance} aria-describedby={canUseDistance ? undefined : 's-km-help'}>
          <option value="">Toute distance</option>{[5, 10, 20, 50, 100].map((k) => <option key={k} value={k}>{k} km au plus</option>)}
        </select>
        {!canUseDistance && <p id="s-km-help" className="muted">La distance se compte depuis votre structure.</p>}</div>
      <div className="field"><label htmlFor="s-q">Nom du partenaire (facultatif)</label>
        <input id="s-q" value={v.q} onChange={(e) => setV({ ...v, q: e.target.value })} maxLength={80} /></div>
      <button type="submit" className="button">Chercher</button>
    </form>
  );
}

function Results({ query }: { query: Record<string, string> }) {
  const key = JSON.stringify(query);
  const loaded = useApi(key, (signal) => api.get('/partners/search', { kind: query.kind, theme: query.theme, km: query.km, q: query.q }, signal), { keepPrevious: true });
  return (
    <section className="panel" aria-labelledby="search-results">
      <h2 id="search-results">Structures trouvées</h2>
      <Show loaded={loaded} loadingText="Recherche en cours…">
        {(r) => (
          <>
            <p role="status" data-testid="search-count">{r.total === 0 ? 'Aucune structure ne correspond.' : `${r.total} structure${r.total > 1 ? 's' : ''}${r.total > r.items.length ? ` (les ${r.items.length} plus proches affichées)` : ''}`}{r.origin ? `, distances depuis ${r.origin.name}` : ''}.</p>
            {r.items.length > 0 && (
              <div className="table-wrap">
                <table className="table">
                  <caption>Structures qui partagent un partenaire correspondant, les plus proches d’abord</caption>
                  <thead><tr><th scope="col">Structure</th><th scope="col">Commune</th><th scope="col" className="num">Distance</th><th scope="col">Partenaires correspondants</th></tr></thead>
                  <tbody>
                    {r.items.map((h) => (
                      <tr key={h.structure.id}>
                        <th scope="row"><Link to={`/structures/${h.structure.id}`}>{h.structure.name}</Link></th>
                        <td>{h.structure.commune} ({h.structure.departementCode})</td>
                        <td className="num">{h.structure.distanceKm === null ? '—' : `${fr.format(h.structure.distanceKm)} km`}</td>
                        <td><ul className="plain-list">{h.partners.map((p) => <li key={p.id}>{p.name} <span className="muted">({partnerKindLabel(p.kind)}{p.themes.length ? ` ; ${p.themes.map(partnerThemeLabel).join(', ')}` : ''})</span></li>)}</ul></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </Show>
    </section>
  );
}

function NetworkSection({ departement, kind, theme }: { departement: string; kind: string; theme: string }) {
  const [dep, setDep] = useState(departement);
  const departements = useApi('departements', (signal) => api.get('/territories/departements', undefined, signal));
  const loaded = useApi(`${dep}:${kind}:${theme}`, (signal) => api.get('/partners/network', { departement: dep, kind, theme }, signal));
  return (
    <section className="panel" aria-labelledby="network-title">
      <div className="panel-head">
        <h2 id="network-title">Réseau des partenariats du département</h2>
        <div className="field-inline">
          <label htmlFor="n-dep">Département</label>
          <select id="n-dep" value={dep} onChange={(e) => setDep(e.target.value)}>
            {(departements.status === 'ok' ? departements.data.items : [{ code: dep, name: '' }]).map((d) => <option key={d.code} value={d.code}>{d.code}{d.name ? ` – ${d.name}` : ''}</option>)}
          </select>
        </div>
      </div>
      <Show loaded={loaded} loadingText="Chargement du réseau…">
        {(n) => (
          <>
            <p role="status">{n.territory.name} : {n.structures} structure{n.structures > 1 ? 's' : ''} partagent {n.partners.length} partenaire{n.partners.length > 1 ? 's' : ''} ({n.links.length} liens){kind || theme ? ', filtrés selon la recherche' : ''}.</p>
            {n.nodes.length > 0 && <NetworkChart data={n} description={`Graphe du réseau des partenariats de ${n.territory.name} : ${n.structures} structures reliées à ${n.partners.length} partenaires. Le tableau qui suit donne chaque partenaire et les structures qui travaillent avec lui.`} />}
            <div className="table-wrap">
              <table className="table">
                <caption>Partenaires du réseau et structures qui travaillent avec eux (équivalent du graphe)</caption>
                <thead><tr><th scope="col">Partenaire</th><th scope="col">Type</th><th scope="col" className="num">Structures</th><th scope="col">Avec</th><th scope="col">Thèmes</th></tr></thead>
                <tbody>
                  {n.partners.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">{p.name}</th><td>{p.kindLabel}</td><td className="num">{p.structures.length}</td>
                      <td>{p.structures.map((s, i) => <span key={s.id}>{i > 0 && ', '}<Link to={`/structures/${s.id}`}>{s.name}</Link></span>)}</td>
                      <td>{p.themes.map(partnerThemeLabel).join(', ') || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
