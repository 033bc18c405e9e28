import '../ess/ess.css';
import { useState } from 'react';
import { api } from '../lib/api';
import { useLocation } from '../lib/router';
import { useApi } from '../lib/useApi';
import type { Campaign, Page } from '../lib/types';
import { Link } from '../components/Link';
import { Show } from '../components/Status';
import { FiguresTable, type TerritoryFigures } from '../ess/FiguresTable';

/** Cash needs of a territory, for those who follow it: published medians and shares, withheld cells with their reason. */
export function TerritoryCashPage() {
  const { search } = useLocation();
  const level = search.get('level') ?? 'nation';
  const code = search.get('code') ?? undefined;
  const campaigns = useApi('campaigns', (signal) => api.get<Page<Campaign>>('/campaigns', undefined, signal));
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
  const loaded = useApi(`${year}:${level}:${code}`, (signal) => api.get<TerritoryFigures>('/stats/cash', { year, level, code }, signal));
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
    </section>
  );
}
