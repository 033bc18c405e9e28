import './compare.css';
import { useMemo } from 'react';
import type { EChartsOption } from 'echarts';
import { chartColours, chartFont, formatAxis, formatValue, textStyle } from '../../domain/charts/theme';
import { api } from '../lib/api';
import { navigate, useLocation } from '../lib/router';
import { useApi } from '../lib/useApi';
import { ErrorAlert, Loading, Show } from '../components/Status';
import { comparedYear } from './ComparePage';
import { EChart } from './EChart';
import { cellOrWhy, dimensionLabels, filterValueLabel, indicatorGroups, indicatorLabel, indicatorUnit, statLabels } from './labels';
import { filtersFromParam, filtersToParam, FilterPanel, type FilterMap } from './Pickers';
import type { StatsFigure } from './types';
import type { FilterDimension } from '../../domain/aggregation/filters';

const numericStats = ['median', 'mean', 'sum', 'q1', 'q3'] as const;

/**
 * `/territoires/comparer`: one indicator across regions or départements, under up to 3 band filters,
 * through the flexible query of the disclosure gate (values slightly perturbed). Table and bar chart.
 */
export default function TerritoriesPage() {
  const { search } = useLocation();
  const base = useApi('territories', async (signal) => {
    const [campaigns, regions, departements] = await Promise.all([
      api.get('/campaigns', undefined, signal),
      api.get('/territories/regions', undefined, signal),
      api.get('/territories/departements', undefined, signal),
    ]);
    return { campaigns: campaigns.items, names: new Map([...regions.items.map((r) => [`region:${r.code}`, r.name] as const), ...departements.items.map((d) => [`departement:${d.code}`, `${d.name} (${d.code})`] as const)]) };
  });
  const indicator = search.get('ind') ?? 'finances.produits';
  const unit = indicatorUnit(indicator);
  const level = search.get('niveau') === 'departement' ? 'departement' : 'region';
  const stat = unit === 'yesno' ? 'share' : (numericStats as readonly string[]).includes(search.get('stat') ?? '') ? search.get('stat')! : 'median';
  const filters = filtersFromParam(search.get('filtres'));
  const set = (changes: Record<string, string | undefined>) => {
    const q = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) if (v === undefined || v === '') q.delete(k); else q.set(k, v);
    navigate(`/territoires/comparer?${q.toString()}`, { replace: true });
  };
  if (base.status !== 'ok') return <><h1>Comparer les territoires</h1>{base.status === 'loading' ? <Loading /> : <ErrorAlert error={base.error} />}</>;
  const year = Number(search.get('annee') ?? comparedYear(base.data.campaigns));
  return (
    <>
      <h1>Comparer les territoires</h1>
      <p className="lead">Un indicateur dans chaque région ou chaque département, éventuellement pour un type de structures. Les chiffres sont publiés après contrôle du secret statistique et légèrement perturbés pour qu’on ne puisse pas isoler une structure en croisant les filtres.</p>
      <form className="panel" onSubmit={(e) => e.preventDefault()} aria-labelledby="terr-choices">
        <h2 id="terr-choices">Vos choix</h2>
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="terr-year">Campagne</label>
            <select id="terr-year" value={year} onChange={(e) => set({ annee: e.target.value })}>
              {base.data.campaigns.map((c) => <option key={c.id} value={c.year}>{c.year}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="terr-indicator">Indicateur</label>
            <select id="terr-indicator" value={indicator} onChange={(e) => set({ ind: e.target.value })}>
              {indicatorGroups.map((g) => <optgroup key={g.section} label={g.label}>{g.items.map((i) => <option key={i.code} value={i.code}>{i.label}</option>)}</optgroup>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="terr-level">Territoires</label>
            <select id="terr-level" value={level} onChange={(e) => set({ niveau: e.target.value })}>
              <option value="region">Régions</option>
              <option value="departement">Départements</option>
            </select>
          </div>
          {unit !== 'yesno' && (
            <div className="field">
              <label htmlFor="terr-stat">Statistique</label>
              <select id="terr-stat" value={stat} onChange={(e) => set({ stat: e.target.value })}>
                {numericStats.map((s) => <option key={s} value={s}>{statLabels[s]}</option>)}
              </select>
            </div>
          )}
        </div>
        <fieldset>
          <legend>Filtres</legend>
          <FilterPanel idPrefix="terr" filters={filters} onChange={(f: FilterMap) => set({ filtres: filtersToParam(f) })} />
        </fieldset>
      </form>
      <TerritoryResults year={year} indicator={indicator} level={level} stat={stat} filters={filters} names={base.data.names} />
    </>
  );
}

function TerritoryResults(p: { year: number; indicator: string; level: string; stat: string; filters: FilterMap; names: Map<string, string> }) {
  const body = useMemo(() => ({
    year: p.year, indicators: [p.indicator], level: p.level, stats: ['count', p.stat],
    filters: Object.entries(p.filters).filter(([, v]) => v).map(([dimension, value]) => ({ dimension, value })),
  }), [p.year, p.indicator, p.level, p.stat, p.filters]);
  const loaded = useApi(JSON.stringify(body), () => api.post('/stats/query', body), { keepPrevious: true });
  const unit = indicatorUnit(p.indicator);
  const label = indicatorLabel(p.indicator);
  const filterText = Object.entries(p.filters).filter(([, v]) => v).map(([d, v]) => `${dimensionLabels[d as FilterDimension]} : ${filterValueLabel(d as FilterDimension, v!)}`).join(' ; ');
  return (
    <Show loaded={loaded} loadingText="Calcul des chiffres…">
      {(data) => {
        const byTerritory = new Map<string, { name: string; count?: StatsFigure; value?: StatsFigure }>();
        for (const f of data.figures) {
          const key = `${f.territory.level}:${f.territory.code}`;
          const row = byTerritory.get(key) ?? { name: p.names.get(key) ?? f.territory.code };
          if (f.stat === 'count') row.count = f; else if (f.stat === p.stat) row.value = f;
          byTerritory.set(key, row);
        }
        const rows = [...byTerritory.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
        const caption = `${statLabels[p.stat]} de « ${label} » par ${p.level === 'region' ? 'région' : 'département'}, ${data.year}${filterText ? ` (${filterText})` : ''}`;
        return (
          <section className="panel" aria-labelledby="terr-results">
            <h2 id="terr-results">{caption}</h2>
            <TerritoryBars rows={rows} unit={unit} caption={caption} />
            <div className="table-wrap">
              <table className="table table-compact">
                <caption>Chiffres du graphique{data.previousYear ? `, avec l’évolution depuis ${data.previousYear}` : ''}</caption>
                <thead><tr><th scope="col">Territoire</th><th scope="col" className="num">Structures</th><th scope="col" className="num">{statLabels[p.stat]}</th><th scope="col" className="num">Évolution</th></tr></thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.name}>
                      <th scope="row">{r.name}</th>
                      <td className="num">{cellOrWhy(r.count?.cell, 'count')}</td>
                      <td className="num">{cellOrWhy(r.value?.cell, unit)}</td>
                      <td className="num">{r.value?.change ? `${r.value.change.absolute >= 0 ? '+' : '−'}${formatValue(Math.abs(r.value.change.absolute), unit)}` : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      }}
    </Show>
  );
}

function TerritoryBars({ rows, unit, caption }: { rows: { name: string; value?: StatsFigure }[]; unit: string; caption: string }) {
  const shown = rows.filter((r) => r.value?.cell.state === 'value').sort((a, b) => (a.value!.cell as { value: number }).value - (b.value!.cell as { value: number }).value);
  const hidden = rows.length - shown.length;
  const option = useMemo((): EChartsOption => ({
    animation: false, textStyle,
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', valueFormatter: (x: unknown) => formatValue(Number(x), unit) },
    xAxis: { type: 'value', axisLabel: { color: chartColours.muted, fontSize: chartFont.smallSize, formatter: (x: number) => formatAxis(x, unit) }, splitLine: { lineStyle: { color: chartColours.grid, type: 'dashed' } } },
    yAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: { color: chartColours.text, fontSize: chartFont.smallSize, interval: 0 } },
    series: [{ type: 'bar', data: shown.map((r) => (r.value!.cell as { value: number }).value), itemStyle: { color: chartColours.group }, barMaxWidth: 18 }],
  }), [shown, unit]);
  if (shown.length === 0) return <p className="muted">Aucun territoire n’a de chiffre publié pour ce choix.</p>;
  const description = `${caption}. ${shown.map((r) => `${r.name} : ${formatValue((r.value!.cell as { value: number }).value, unit)}`).join(' ; ')}.${hidden ? ` ${hidden} territoire${hidden > 1 ? 's' : ''} sans chiffre publié (secret statistique ou pas de données), voir le tableau.` : ''}`;
  return (
    <>
      <EChart option={option} height={Math.max(160, shown.length * 24 + 40)} description={description} />
      {hidden > 0 && <p className="hint">{hidden} territoire{hidden > 1 ? 's' : ''} sans chiffre publié (secret statistique ou pas de données) : ils figurent dans le tableau, pas dans le graphique.</p>}
    </>
  );
}
