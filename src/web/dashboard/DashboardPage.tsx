import { useEffect, useMemo, useState } from 'react';
import type { EChartsOption } from 'echarts';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { ErrorAlert, Loading, Show } from '../components/Status';
import { cellText, chartColours, formatAxis, formatValue, palette } from '../../domain/charts/theme';
import { choroplethOption, choroplethRows } from '../../domain/charts/mapChoropleth';
import { MAP_CREDIT } from '../../domain/charts/mapGeometry';
import { Chart } from './MapChart';
import {
  campaignYears, cellOf, getDashboard, getDepartementMap, listDepartements, listRegions, qpvShare,
  type CampaignReleases, type Cell, type Dashboard, type Level,
} from './data';

const frenchDate = (iso: string) => new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
const plaquetteHref = (year: number, level: Level, code?: string) =>
  `/api/reports/plaquette?${new URLSearchParams({ level, year: String(year), ...(code ? { code } : {}) }).toString()}`;
import './dashboard.css';
import { PdfDownload } from '../components/PdfDownload';

/** The key figures of the one-screen summary: indicator, statistic, label, unit. */
const KEY = [
  { id: 'structures', indicator: 'territoire.population', stat: 'count', label: 'Structures ayant répondu', unit: 'count' },
  { id: 'familles', indicator: 'actions.familles.personnes', stat: 'sum', label: 'Personnes touchées par les actions familles', unit: 'count' },
  { id: 'droits', indicator: 'actions.acces_droits.personnes', stat: 'sum', label: 'Personnes accompagnées dans l’accès aux droits', unit: 'count' },
  { id: 'benevoles', indicator: 'participation.benevoles', stat: 'sum', label: 'Bénévoles d’activité', unit: 'count' },
  { id: 'budget', indicator: 'finances.produits', stat: 'sum', label: 'Budget total (produits)', unit: 'euros' },
] as const;
const FTE = ['rh.etp.direction_accueil', 'rh.etp.animation', 'rh.etp.technique'];
const FUNDERS = [
  { indicator: 'finances.financement.communes', label: 'Communes' },
  { indicator: 'finances.financement.caf_ps', label: 'CAF (prestations de service)' },
  { indicator: 'finances.financement.etat', label: 'État' },
];
const TRENDS = [
  { indicator: 'territoire.population', stat: 'count', label: 'Structures ayant répondu', unit: 'count' },
  { indicator: 'participation.benevoles', stat: 'sum', label: 'Bénévoles d’activité', unit: 'count' },
  { indicator: 'rh.etp.animation', stat: 'sum', label: 'ETP d’animation', unit: 'fte' },
  { indicator: 'finances.produits', stat: 'sum', label: 'Budget total (produits)', unit: 'euros' },
] as const;

const levelHeading: Record<Level, string> = { nation: 'France entière', region: 'Région', departement: 'Département' };

/** Sum of published value cells, or the first non-value cell (a total is only shown when every part is). */
function total(cells: Cell[]): Cell {
  const bad = cells.find((c) => c.state !== 'value');
  if (bad) return bad;
  const vs = cells as Extract<Cell, { state: 'value' }>[];
  return { state: 'value', value: vs.reduce((s, c) => s + c.value, 0), n: Math.min(...vs.map((c) => c.n)) };
}

const pct = (x: number) => `${formatValue(x * 100, 'count')} %`;

/**
 * The officials' dashboard of a territory (nation, région, département): key figures on one screen,
 * trends, the choropleth map with its table, the sub-territories. Published figures only, from the gate.
 */
export default function DashboardPage({ level, code }: { level: Level; code?: string }) {
  // On paper the map's table is printed too: open the folded tables before printing.
  useEffect(() => {
    const open = () => document.querySelectorAll<HTMLDetailsElement>('.dashboard details').forEach((d) => { d.open = true; });
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);
  const years = useApi('years', (signal) => campaignYears(signal));
  const [chosen, setChosen] = useState<number | null>(null);
  return (
    <section aria-labelledby="dash-title" className="dashboard">
      <Show loaded={years} loadingText="Chargement des campagnes…">
        {({ years: all, defaultYear, campaigns }) => {
          const year = chosen ?? defaultYear;
          const campaign = campaigns.find((c) => c.year === year);
          if (!year) return <><h1 id="dash-title">Tableau de bord</h1><p>Aucune campagne publiée pour l’instant.</p></>;
          if (campaign && campaign.releases.length === 0) return <InProgress campaign={campaign} years={all} onYear={setChosen} released={defaultYear} />;
          const released = all.filter((y) => campaigns.find((c) => c.year === y)?.releases.length);
          return <YearDashboard key={`${level}:${code}:${year}`} level={level} code={code} year={year} years={all} releasedYears={released} onYear={setChosen} />;
        }}
      </Show>
    </section>
  );
}

/** A year whose results are not published: say so, and when, instead of showing incomplete figures. */
function InProgress({ campaign, years, onYear, released }: { campaign: CampaignReleases; years: number[]; onYear: (y: number) => void; released: number | null }) {
  const closes = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(campaign.closesOn));
  return (
    <>
      <div className="dash-head">
        <div>
          <h1 id="dash-title">Tableau de bord : campagne {campaign.year}</h1>
          <p className="dash-sub">Campagne en cours : aucun chiffre n’est publié avant la clôture et la vérification des réponses.</p>
        </div>
        <YearPicker year={campaign.year} years={years} onYear={onYear} />
      </div>
      <div className="notice" role="status">
        <p><strong>Campagne {campaign.year} en cours.</strong> {campaign.state === 'open' ? `La saisie se termine le ${closes}. ` : ''}
          Les résultats seront publiés par l’administration nationale une fois les réponses vérifiées et la campagne close.
        </p>
        {released && <p><button type="button" className="button" onClick={() => onYear(released)}>Voir les chiffres publiés de {released}</button></p>}
      </div>
    </>
  );
}

function YearPicker({ year, years, onYear }: { year: number; years: number[]; onYear: (y: number) => void }) {
  return (
    <div className="dash-tools no-print">
      <label htmlFor="dash-year">Année</label>
      <select id="dash-year" value={year} onChange={(e) => onYear(Number(e.target.value))}>
        {years.map((y) => <option key={y} value={y}>{y}</option>)}
      </select>
    </div>
  );
}

function YearDashboard({ level, code, year, years, releasedYears, onYear }: { level: Level; code?: string; year: number; years: number[]; releasedYears: number[]; onYear: (y: number) => void }) {
  const trendYears = releasedYears.filter((y) => y <= year).slice(0, 5).reverse();
  const data = useApi(JSON.stringify([level, code, year]), async (signal) => {
    const shown = getDashboard(year, level, code, signal);
    const [current, history, deps, regions] = await Promise.all([
      shown,
      // The trend ends with the year shown: its dashboard is fetched once.
      Promise.all(trendYears.map((y) => (y === year ? shown : getDashboard(y, level, code, signal)).catch(() => null))),
      listDepartements(signal),
      listRegions(signal),
    ]);
    return { current, history: history.filter((h): h is Dashboard => h !== null), deps, regions };
  });
  const qpv = useApi(JSON.stringify(['qpv', level, code, year]), (signal) => qpvShare(year, level, code, signal).catch(() => null));

  if (data.status === 'loading') return <><h1 id="dash-title">Tableau de bord</h1><Loading what="Chargement du tableau de bord…" /></>;
  if (data.status === 'error') return <><h1 id="dash-title">Tableau de bord</h1><ErrorAlert error={data.error} /></>;
  const { current: d, history, deps, regions } = data.data;
  const regionCode = level === 'region' ? code : level === 'departement' ? deps.find((x) => x.code === code)?.regionCode : undefined;
  return (
    <>
      <div className="dash-head">
        <div>
          <p className="dash-kicker">{levelHeading[level]}</p>
          <h1 id="dash-title">Tableau de bord : {d.territory.name}{level === 'departement' ? ` (${d.territory.code})` : ''}</h1>
          <p className="dash-sub">Campagne {d.year} · {d.release ? <>version n° {d.release.number} publiée le {frenchDate(d.release.publishedAt)}</> : 'chiffres publiés'} (réponses validées), après contrôle du secret statistique. <Link to="/publication">Versions et notes</Link></p>
        </div>
        <div className="dash-tools no-print">
          <label htmlFor="dash-year">Année</label>
          <select id="dash-year" value={year} onChange={(e) => onYear(Number(e.target.value))}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
          <PdfDownload href={plaquetteHref(year, level, code)} label="Plaquette PDF" fallbackName={`plaquette-${year}-${code ?? 'france'}.pdf`} />
          <button type="button" className="button button-secondary" onClick={() => window.print()}>Imprimer</button>
        </div>
      </div>
      <Breadcrumb level={level} d={d} regionCode={regionCode} regionName={regions.find((r) => r.code === regionCode)?.name} />
      <KeyFigures d={d} qpv={qpv.status === 'ok' ? qpv.data : undefined} qpvLoading={qpv.status === 'loading'} />
      <Trends history={history} level={level} code={code} />
      <DashboardMap year={year} level={level} code={code} regionCode={regionCode} indicators={d.indicators} />
      {d.children.length > 0 && <Children d={d} />}
      <p className="dash-note">
        « Secret statistique » : la case n’est pas publiée parce qu’elle permettrait de reconnaître une structure
        (trop peu de structures ou aucune, une structure qui pèse trop, une réponse unanime, un changement limité
        depuis la version précédente, ou protection d’une autre case). Les évolutions comparent deux versions publiées.
      </p>
    </>
  );
}

function Breadcrumb({ level, d, regionCode, regionName }: { level: Level; d: Dashboard; regionCode?: string; regionName?: string }) {
  if (level === 'nation') return null;
  return (
    <nav aria-label="Fil d’Ariane" className="breadcrumb no-print">
      <ol>
        <li><Link to="/tableau-de-bord">France</Link></li>
        {level === 'departement' && regionCode && <li><Link to={`/tableau-de-bord/region/${regionCode}`}>{regionName ?? `Région ${regionCode}`}</Link></li>}
        <li aria-current="page">{d.territory.name}</li>
      </ol>
    </nav>
  );
}

function Change({ change, unit }: { change: Dashboard['figures'][number]['change']; unit: string }) {
  if (!change) return null;
  const sign = change.absolute > 0 ? '+' : change.absolute < 0 ? '−' : '±';
  const rel = change.relative === null ? '' : ` (${sign}${formatValue(Math.abs(change.relative) * 100, 'count')} %)`;
  return <span className="kf-change">{sign}{formatValue(Math.abs(change.absolute), unit)}{rel} sur un an</span>;
}

function Figure({ label, cell, unit, change, extra }: { label: string; cell: Cell; unit: string; change?: Dashboard['figures'][number]['change']; extra?: string }) {
  return (
    <div className={`kf kf-${cell.state}`}>
      <dt>{label}</dt>
      <dd>
        <span className="kf-value">{cell.state === 'value' ? formatValue(cell.value, unit) : cell.state === 'suppressed' ? 'Secret statistique' : 'Pas de données'}</span>
        {cell.state === 'suppressed' && <span className="kf-why">{cellText(cell)}</span>}
        {change !== undefined && <Change change={change} unit={unit} />}
        {extra && <span className="kf-extra">{extra}</span>}
      </dd>
    </div>
  );
}

function KeyFigures({ d, qpv, qpvLoading }: { d: Dashboard; qpv?: { share: number | null; cell: Cell } | null; qpvLoading: boolean }) {
  const fig = (indicator: string, stat: string) => d.figures.find((f) => f.indicator === indicator && f.stat === stat && f.territory.level === d.territory.level && f.territory.code === d.territory.code);
  const fte = total(FTE.map((i) => cellOf(d, i, 'sum')));
  const budget = cellOf(d, 'finances.produits', 'sum');
  const shares = FUNDERS.map((f) => {
    const c = cellOf(d, f.indicator, 'sum');
    return { ...f, cell: c, share: c.state === 'value' && budget.state === 'value' && budget.value > 0 ? c.value / budget.value : null };
  });
  return (
    <section aria-labelledby="kf-title" className="dash-block">
      <h2 id="kf-title">Chiffres clés {d.year}</h2>
      <dl className="key-figures">
        {KEY.map((k) => { const f = fig(k.indicator, k.stat); return <Figure key={k.id} label={k.label} cell={f?.cell ?? { state: 'no_data' }} unit={k.unit} change={f?.change ?? null} />; })}
        <Figure label="Équivalents temps plein (direction, animation, technique)" cell={fte} unit="fte" />
        <Figure label="Structures situées en quartier prioritaire (QPV)"
          cell={qpv?.share != null ? { state: 'value', value: qpv.share, n: 0 } : qpv ? qpv.cell : { state: 'no_data' }}
          unit="yesno" extra={qpvLoading ? 'chargement…' : qpv?.share != null ? 'part estimée (comptes légèrement perturbés)' : undefined} />
      </dl>
      <h3>Part des financements dans le budget</h3>
      <table className="table funding">
        <caption className="visually-hidden">Part de chaque financeur dans le total des produits, {d.territory.name}, {d.year}</caption>
        <thead><tr><th scope="col">Financeur</th><th scope="col">Montant</th><th scope="col">Part du budget</th><th scope="col"><span className="visually-hidden">Barre</span></th></tr></thead>
        <tbody>
          {shares.map((s) => (
            <tr key={s.indicator}>
              <th scope="row">{s.label}</th>
              <td>{cellText(s.cell, 'euros')}</td>
              <td>{s.share === null ? '—' : pct(s.share)}</td>
              <td aria-hidden="true" className="bar-cell">{s.share !== null && <span className="bar" style={{ width: `${Math.min(100, s.share * 100)}%` }} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Trends({ history, level, code }: { history: Dashboard[]; level: Level; code?: string }) {
  void level; void code;
  if (history.length < 2) return null;
  const years = history.map((h) => h.year);
  return (
    <section aria-labelledby="tr-title" className="dash-block">
      <h2 id="tr-title">Évolution sur {years.length} ans</h2>
      <div className="trend-grid">
        {TRENDS.map((t) => {
          const cells = history.map((h) => cellOf(h, t.indicator, t.stat));
          const option: EChartsOption = {
            grid: { left: 64, right: 12, top: 30, bottom: 28 },
            title: { text: t.label, textStyle: { fontSize: 13, fontWeight: 'bold', color: chartColours.text }, left: 0, top: 0 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: years.map(String), axisLabel: { color: chartColours.text } },
            yAxis: { type: 'value', axisLabel: { color: chartColours.text, formatter: (v: number) => formatAxis(v, t.unit) }, splitLine: { lineStyle: { color: chartColours.grid } } },
            series: [{ type: 'line', data: cells.map((c) => (c.state === 'value' ? c.value : null)), connectNulls: false, symbolSize: 7, lineStyle: { color: palette.blue, width: 2 }, itemStyle: { color: palette.blue } }],
          };
          return <Chart key={t.indicator} option={option} height={190} description={`${t.label}, évolution de ${years[0]} à ${years[years.length - 1]} ; valeurs dans le tableau ci-dessous.`} />;
        })}
      </div>
      <table className="table">
        <caption>Évolution des chiffres clés (les années sans chiffre publié apparaissent comme telles)</caption>
        <thead><tr><th scope="col">Indicateur</th>{years.map((y) => <th key={y} scope="col">{y}</th>)}</tr></thead>
        <tbody>
          {TRENDS.map((t) => (
            <tr key={t.indicator}>
              <th scope="row">{t.label}</th>
              {history.map((h) => { const c = cellOf(h, t.indicator, t.stat); return <td key={h.year} className={`cell-${c.state}`}>{cellText(c, t.unit)}</td>; })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DashboardMap({ year, level, code, regionCode, indicators }: { year: number; level: Level; code?: string; regionCode?: string; indicators: Dashboard['indicators'] }) {
  const [indicator, setIndicator] = useState('participation.benevoles');
  const region = level === 'nation' ? undefined : regionCode;
  const map = useApi(JSON.stringify([year, indicator, region]), (signal) => getDepartementMap(year, indicator, region, signal));
  const built = useMemo(() => {
    if (map.status !== 'ok') return null;
    const m = map.data;
    const input = { cells: m.departements.map((x) => ({ code: x.code, cell: x.cell })), indicatorLabel: m.indicator.label, unit: m.indicator.unit, only: region ? m.departements.map((x) => x.code) : undefined, credit: false, highlight: level === 'departement' ? code : undefined };
    return { option: choroplethOption(input), rows: choroplethRows(input).rows, m };
  }, [map, region, level, code]);
  return (
    <section aria-labelledby="map-title" className="dash-block dash-map">
      <h2 id="map-title">Carte des départements</h2>
      <div className="no-print field-inline">
        <label htmlFor="map-indicator">Indicateur</label>
        <select id="map-indicator" value={indicator} onChange={(e) => setIndicator(e.target.value)}>
          {indicators.map((i) => <option key={i.code} value={i.code}>{i.label}</option>)}
        </select>
      </div>
      {map.status === 'loading' && <Loading what="Chargement de la carte…" />}
      {map.status === 'error' && <ErrorAlert error={map.error} />}
      {built && (
        <>
          <p className="map-caption">{built.m.indicator.label} ({statLabel(built.m.stat)}), {year}{level === 'departement' && code ? ` — le département ${code}, entouré, dans sa région` : ''}.</p>
          <Chart option={built.option} height={region ? 460 : 540} className="map-chart"
            description={`Carte des départements : ${built.m.indicator.label}, ${year}. Les valeurs sont dans le tableau « Valeurs par département ».`} />
          <p className="map-credit">{MAP_CREDIT}</p>
          <details className="map-table">
            <summary>Valeurs par département (tableau de la carte)</summary>
            <table className="table">
              <caption>{built.m.indicator.label}, {year}, par département</caption>
              <thead><tr><th scope="col">Département</th><th scope="col">Valeur</th><th scope="col">Classe de la carte</th></tr></thead>
              <tbody>
                {built.rows.map((r) => (
                  <tr key={r.code} className={`cell-${r.state}${r.code === code ? ' row-current' : ''}`} data-state={r.state}>
                    <th scope="row"><Link to={`/tableau-de-bord/departement/${r.code}`}>{r.name} ({r.code})</Link></th>
                    <td>{r.text}</td>
                    <td>{r.legend}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}

const statLabel = (s: string) => ({ sum: 'total', share: 'part des structures', count: 'nombre de structures', mean: 'moyenne', median: 'médiane' } as Record<string, string>)[s] ?? s;

function Children({ d }: { d: Dashboard }) {
  const kind = d.territory.level === 'nation' ? 'region' : 'departement';
  return (
    <section aria-labelledby="ch-title" className="dash-block">
      <h2 id="ch-title">{kind === 'region' ? 'Les régions' : 'Les départements de la région'}</h2>
      <table className="table">
        <caption className="visually-hidden">Chiffres clés par {kind === 'region' ? 'région' : 'département'}, {d.year}</caption>
        <thead><tr><th scope="col">{kind === 'region' ? 'Région' : 'Département'}</th>{KEY.map((k) => <th key={k.id} scope="col">{k.label}</th>)}</tr></thead>
        <tbody>
          {d.children.map((c) => (
            <tr key={c.code}>
              <th scope="row"><Link to={`/tableau-de-bord/${kind}/${c.code}`}>{c.name}{kind === 'departement' ? ` (${c.code})` : ''}</Link></th>
              {KEY.map((k) => { const cell = cellOf(d, k.indicator, k.stat, c); return <td key={k.id} className={`cell-${cell.state}`}>{cellText(cell, k.unit)}</td>; })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
