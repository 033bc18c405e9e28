import '../ess/ess.css';
import { useState } from 'react';
import { api } from '../lib/api';
import { useLocation } from '../lib/router';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { Show } from '../components/Status';
import { FiguresTable, } from '../ess/FiguresTable';

/** Cash needs of a territory, for those who follow it: published medians and shares, withheld cells with their reason. */
export function TerritoryCashPage() {
  const { search } = useLocation();
  const level = search.get('level') ?? 'nation';
  const code = search.get('code') ?? undefined;
  const campaigns = useApi('campaigns', (signal) => api.get('/campaigns', undefined, signal));
  return (
    <>
      <nav aria-label="Fil d’Ariane" className="breadcrumb"><ol><li><Link to="/">Accueil</Link></li><li aria-current="page">Trésorerie du territoire</li></ol></nav>
      <h1>Trésorerie des structures du territoire</h1>
      <p className="muted">Réponses validées seulement. Chaque chiffre passe par le contrôle du secret statistique : aucune structure ne se lit à travers un chiffre de territoire.</p>
      <Show loaded={campaigns} loadingText="Chargement des campagnes…">
        {(c) => <Figures years={c.items.map((x) => x.year).sort((a, b) => b - a)} level={level} code={code} />}
      </Show>
    </>
  );
}

function Figures({ years, level, code }: { years: number[]; level: string; code?: string }) {
  const [year, setYear] = useState(years[1] ?? years[0]);
  const loaded = useApi(`${year}:${level}:${code}`, (signal) => api.get('/stats/cash', { year, level, code }, signal));
  return (
    <section className="panel" aria-labelledby="cash-territory">
      <div className="panel-head">
        <h2 id="cash-territory">Campagne {year}</h2>
        <div className="field-inline">
          <label htmlFor="cash-year">Année</label>
          <select id="cash-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>{years.map((y) => <option key={y} value={y}>{y}</option>)}</select>
        </div>
      </div>
      <Show loaded={loaded} loadingText="Chargement des chiffres…">
        {(d) => <FiguresTable data={d} caption={`Trésorerie ${d.year} – ${d.territory.name}${d.children.length ? ' et ses subdivisions' : ''}`} />}
      </Show>
      <Difficulties key={year} year={year} level={level} code={code} />
    </section>
  );
}

/** The structures behind the "en difficulté" share, named: you follow this territory, so you may open each response. */
function Difficulties({ year, level, code }: { year: number; level: string; code?: string }) {
  const loaded = useApi(`difficulties:${year}:${level}:${code}`, (signal) =>
    api.get('/stats/cash/structures', { year, level, code }, signal));
  return (
    <div className="cash-difficulties">
      <h3>Structures en difficulté ou à surveiller</h3>
      <Show loaded={loaded} loadingText="Chargement des structures…">
        {(d) => (
          <>
            <p>{d.difficulty} {d.difficulty > 1 ? 'structures en difficulté' : 'structure en difficulté'} et {d.items.length - d.difficulty} à surveiller, parmi {d.validated} {d.validated > 1 ? 'réponses validées' : 'réponse validée'}. Vous suivez ce territoire : vous pouvez ouvrir la trésorerie de chacune.</p>
            {d.items.length > 0 && (
              <div className="table-wrap">
                <table className="table table-cards">
                  <caption className="visually-hidden">Structures en difficulté de trésorerie ou à surveiller, {year}</caption>
                  <thead><tr><th scope="col">Structure</th><th scope="col">Signal</th><th scope="col">Raisons</th></tr></thead>
                  <tbody>
                    {d.items.map((i) => (
                      <tr key={i.structureId}>
                        <th scope="row"><Link to={`/structures/${i.structureId}/tresorerie`}>{i.name}</Link> <span className="muted">({i.departementCode})</span></th>
                        <td data-label="Signal">{i.state === 'difficulty' ? 'En difficulté' : 'À surveiller'}</td>
                        <td data-label="Raisons"><ul className="plain-list">{i.reasons.map((r) => <li key={r.code}>{r.text}</li>)}</ul></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </Show>
    </div>
  );
}
