import { kindLabel } from '../lib/labels';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { api } from '../lib/api';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { ErrorAlert, Loading, Show } from '../components/Status';
import { StructureIdentity } from '../components/StructureIdentity';
import { nextPoint, pointsOption, type MapStep } from '../../domain/charts/mapPoints';
import { MAP_CREDIT } from '../../domain/charts/mapGeometry';
import { Chart } from './MapChart';
import { listDepartements, listRegions } from './data';
import './dashboard.css';

/**
 * The public map of structures: every centre social and espace de vie sociale placed from its
 * coordinates, by région or département; a click opens its identity sheet (public directory data only).
 */
export default function StructuresMapPage() {
  const [region, setRegion] = useState('');
  const [departement, setDepartement] = useState('');
  const [kind, setKind] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [current, setCurrent] = useState<number | null>(null);
  const sheet = useRef<HTMLDivElement>(null);
  const terr = useApi('territories', async (signal) => ({ regions: await listRegions(signal), departements: await listDepartements(signal) }));
  const points = useApi(JSON.stringify([region, departement, kind]),
    (signal) => api.get('/structures-map', { region: departement ? undefined : region, departement, kind }, signal), { keepPrevious: true });
  const identity = useApi(selected === null ? null : `s${selected}`, (signal) => api.get(`/structures/${selected}`, undefined, signal));

  const deps = terr.status === 'ok' ? terr.data.departements : [];
  const only = departement ? [departement] : region ? deps.filter((d) => d.regionCode === region).map((d) => d.code) : undefined;
  const built = useMemo(() => (points.status === 'ok'
    ? pointsOption({ points: points.data.items.map((p) => ({ id: p.id, name: p.name, kind: p.kind, lon: p.lon, lat: p.lat, commune: p.communeName })), only, credit: false, selectedId: selected })
    // `only` is a fresh array each render: compared by its codes.
    : null), [points, only?.join(','), selected]);

  // Keyboard: arrows move from structure to structure across the map, Enter opens the one shown.
  const placed = useMemo(() => (points.status === 'ok' && built
    ? points.data.items.filter((p) => built.positions.has(p.id)) : []), [points, built]);
  const currentPoint = placed.find((p) => p.id === current) ?? null;
  const steps: Record<string, MapStep> = { ArrowRight: 'east', ArrowLeft: 'west', ArrowUp: 'north', ArrowDown: 'south', Home: 'first', End: 'last' };
  function onMapKey(e: KeyboardEvent) {
    if (steps[e.key]) { e.preventDefault(); setCurrent(nextPoint(placed, currentPoint?.id ?? null, steps[e.key])); }
    else if ((e.key === 'Enter' || e.key === ' ') && currentPoint) { e.preventDefault(); open({ id: currentPoint.id }); }
  }

  function open(data: unknown) {
    const id = (data as { id?: number } | undefined)?.id;
    if (typeof id === 'number') { setSelected(id); setTimeout(() => sheet.current?.focus(), 50); }
  }

  const byDep = useMemo(() => {
    if (points.status !== 'ok') return [];
    const m = new Map<string, { cs: number; evs: number }>();
    for (const p of points.data.items) {
      const e = m.get(p.departementCode) ?? { cs: 0, evs: 0 };
      if (p.kind === 'EVS') e.evs++; else e.cs++;
      m.set(p.departementCode, e);
    }
    return [...m].sort(([a], [b]) => a.localeCompare(b));
  }, [points]);
  const depName = (c: string) => deps.find((d) => d.code === c)?.name ?? c;

  return (
    <section aria-labelledby="carte-title" className="structures-map">
      <h1 id="carte-title">Carte des structures</h1>
      <p>Les centres sociaux et espaces de vie sociale, placés d’après leur adresse. Choisissez une structure sur la carte ou dans la liste pour voir sa fiche.</p>
      <Show loaded={terr} loadingText="Chargement des territoires…">
        {({ regions, departements }) => (
          <form className="filters map-filters" onSubmit={(e) => e.preventDefault()} aria-label="Filtres de la carte">
            <div className="field">
              <label htmlFor="carte-region">Région</label>
              <select id="carte-region" value={region} onChange={(e) => { setRegion(e.target.value); setDepartement(''); }}>
                <option value="">Toute la France</option>
                {regions.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="carte-departement">Département</label>
              <select id="carte-departement" value={departement} onChange={(e) => setDepartement(e.target.value)}>
                <option value="">Tous</option>
                {departements.filter((d) => !region || d.regionCode === region).map((d) => <option key={d.code} value={d.code}>{d.name} ({d.code})</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="carte-kind">Type</label>
              <select id="carte-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                <option value="">Tous</option>
                <option value="CS">Centres sociaux</option>
                <option value="EVS">Espaces de vie sociale</option>
              </select>
            </div>
          </form>
        )}
      </Show>
      {points.status === 'error' && <ErrorAlert error={points.error} />}
      {points.status === 'loading' && <Loading what="Chargement de la carte…" />}
      {built && points.status === 'ok' && (
        <div className="map-layout">
          <div className="map-main">
            <p className="map-caption" aria-live="polite">{points.data.total} structure{points.data.total > 1 ? 's' : ''} sur la carte{points.data.withoutCoordinates + built.unplaced.length > 0 ? ` ; ${points.data.withoutCoordinates + built.unplaced.length} autre${points.data.withoutCoordinates + built.unplaced.length > 1 ? 's' : ''} sans coordonnées dans l’annuaire, absente${points.data.withoutCoordinates + built.unplaced.length > 1 ? 's' : ''} de la carte` : ''}.</p>
            <div className="map-keyboard" tabIndex={0} role="application" onKeyDown={onMapKey} aria-describedby="carte-clavier carte-courante"
              aria-label="Carte des structures, parcourable au clavier">
              <Chart option={built.option} height={only ? 520 : 600} className="map-chart" onItemClick={open}
                highlight={currentPoint ? built.positions.get(currentPoint.id) : null}
                description={`Carte de ${points.data.total} structures. La liste des structures par département se trouve sous la carte.`} />
            </div>
            <p id="carte-clavier" className="hint">Au clavier : flèches pour aller d’une structure à sa voisine (est, ouest, nord, sud), Début et Fin pour la première et la dernière d’ouest en est, Entrée pour ouvrir sa fiche.</p>
            <p id="carte-courante" className="visually-hidden" aria-live="polite">{currentPoint ? `${currentPoint.name}, ${currentPoint.communeName} (${kindLabel(currentPoint.kind)}). Entrée pour ouvrir sa fiche.` : ''}</p>
            <p className="map-credit">{MAP_CREDIT}</p>
          </div>
          <aside className="map-sheet" aria-labelledby="sheet-title" ref={sheet} tabIndex={-1}>
            <h2 id="sheet-title">Fiche de la structure</h2>
            {selected === null && <p>Aucune structure choisie.</p>}
            {identity.status === 'loading' && selected !== null && <Loading what="Chargement de la fiche…" />}
            {identity.status === 'error' && <ErrorAlert error={identity.error} />}
            {identity.status === 'ok' && (
              <div className="sheet-body">
                <h3>{identity.data.name}</h3>
                <StructureIdentity s={identity.data} />
                <p><Link to={`/structures/${identity.data.id}`}>Ouvrir la fiche complète</Link></p>
              </div>
            )}
          </aside>
        </div>
      )}
      {points.status === 'ok' && (
        <details className="map-table" open={!!departement}>
          <summary>Les structures de la carte, en liste</summary>
          {departement ? (
            <table className="table">
              <caption>Structures du département {depName(departement)} ({departement})</caption>
              <thead><tr><th scope="col">Structure</th><th scope="col">Type</th><th scope="col">Commune</th></tr></thead>
              <tbody>
                {points.data.items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row"><button type="button" className="link-button" onClick={() => open({ id: p.id })}>{p.name}</button></th>
                    <td>{kindLabel(p.kind)}</td>
                    <td>{p.communeName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <table className="table">
              <caption>Nombre de structures par département (choisissez un département pour la liste nominative)</caption>
              <thead><tr><th scope="col">Département</th><th scope="col">Centres sociaux</th><th scope="col">Espaces de vie sociale</th></tr></thead>
              <tbody>
                {byDep.map(([c, n]) => (
                  <tr key={c}>
                    <th scope="row"><Link to={`/structures?departement=${c}`}>{depName(c)} ({c})</Link></th>
                    <td>{n.cs}</td><td>{n.evs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </details>
      )}
    </section>
  );
}
