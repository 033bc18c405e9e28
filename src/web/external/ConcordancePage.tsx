import { plural, } from '../lib/labels';
import './external.css';
import { useState, type FormEvent } from 'react';
import { api, apiUrl } from '../lib/api';
import { Link } from '../components/Link';
import { Show } from '../components/Status';
import { useApi } from '../lib/useApi';
import { useSession } from '../lib/session';
import { ProposalReview } from './ProposalReview';
import { cellText, formatCorrelation, formatNumber, formatShare, territoryName } from './format';
import type { Report } from './types';

const MAX_LINES = 300;

/** `/donnees-externes/:name/:year`: the concordance report of a data set with the observatory. */
export function ConcordancePage({ name, year }: { name: string; year: string }) {
  const [tolerance, setTolerance] = useState({ absolute: '1', relative: '10' });
  const [applied, setApplied] = useState(tolerance);
  const [decided, setDecided] = useState(0);
  const { me } = useSession();
  const national = me?.memberships.some((m) => m.role === 'national_admin') ?? false;
  const query = { toleranceAbs: applied.absolute.replace(',', '.'), toleranceRel: String(Number(applied.relative.replace(',', '.')) / 100) };
  const loaded = useApi(JSON.stringify([name, year, applied, decided]), (signal) =>
    api.get(`/external/datasets/${encodeURIComponent(name)}/${encodeURIComponent(year)}/report`, query, signal), { keepPrevious: true });
  const onSubmit = (e: FormEvent) => { e.preventDefault(); setApplied(tolerance); };
  return (
    <section aria-labelledby="concordance-title">
      <p className="breadcrumb"><Link to="/donnees-externes">Données externes</Link></p>
      <h1 id="concordance-title">Concordance « {name} » {year}</h1>
      <form className="tolerance-form panel" onSubmit={onSubmit} aria-label="Tolérance des écarts">
        <div className="field">
          <label htmlFor="t-abs">Écart absolu toléré</label>
          <input id="t-abs" inputMode="decimal" value={tolerance.absolute} onChange={(e) => setTolerance((t) => ({ ...t, absolute: e.target.value }))} />
        </div>
        <div className="field">
          <label htmlFor="t-rel">Écart relatif toléré (%)</label>
          <input id="t-rel" inputMode="decimal" value={tolerance.relative} onChange={(e) => setTolerance((t) => ({ ...t, relative: e.target.value }))} />
        </div>
        <button type="submit" className="button">Appliquer</button>
        <a className="button button-secondary" href={apiUrl(`/external/datasets/${encodeURIComponent(name)}/${encodeURIComponent(year)}/report/export`, { ...query, format: 'csv' })} download>Exporter en CSV</a>
        <a className="button button-secondary" href={apiUrl(`/external/datasets/${encodeURIComponent(name)}/${encodeURIComponent(year)}/report/export`, { ...query, format: 'xlsx' })} download>Exporter en XLSX</a>
      </form>
      {national && <ProposalReview name={name} year={year} onDecided={() => setDecided((d) => d + 1)} />}
      <Show loaded={loaded} loadingText="Calcul de la concordance…">
        {(r) => <ReportView r={r} />}
      </Show>
    </section>
  );
}

function ReportView({ r }: { r: Report }) {
  const label = new Map(r.indicators.map((i) => [i.indicator, i.label]));
  const [shown, setShown] = useState(r.indicators[0]?.indicator ?? '');
  const ofIndicator = r.aggregates.filter((a) => a.indicator === shown);
  const nationAndRegions = ofIndicator.filter((a) => a.territory.level !== 'departement');
  const departements = ofIndicator.filter((a) => a.territory.level === 'departement');
  return (
    <>
      <p className="lead">
        {plural(r.dataset.rows, 'ligne', 'lignes')}{r.dataset.source ? `, source : ${r.dataset.source}` : ''}{r.dataset.licence ? ` (${r.dataset.licence})` : ''}.
        {' '}Un écart est signalé quand il dépasse à la fois {formatNumber(r.tolerance.absolute)} et {formatShare(r.tolerance.relative)}.
        {r.scope === 'territory' && ` Le détail par structure couvre votre territoire ; ${plural(r.hiddenStructures, 'structure rapprochée', 'structures rapprochées')} hors de votre territoire ne sont comptées que dans les totaux publiés.`}
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption>Corrélation par indicateur (structures rapprochées{r.scope === 'territory' ? ' de votre territoire' : ''})</caption>
          <thead><tr><th scope="col">Indicateur</th><th scope="col">Champ du fichier</th><th scope="col" className="number">Paires</th><th scope="col" className="number">Pearson</th><th scope="col" className="number">Spearman</th><th scope="col" className="number">Écarts au-delà de la tolérance</th></tr></thead>
          <tbody>
            {r.indicators.map((i) => (
              <tr key={i.indicator}><th scope="row">{i.label}</th><td>{i.field}</td><td className="number">{i.pairs}</td><td className="number">{formatCorrelation(i.pearson)}</td><td className="number">{formatCorrelation(i.spearman)}</td><td className="number">{i.beyondTolerance}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Totaux par territoire</h2>
      <div className="field tolerance-form">
        <label htmlFor="t-indicator">Indicateur des totaux</label>
        <select id="t-indicator" value={shown} onChange={(e) => setShown(e.target.value)}>
          {r.indicators.map((i) => <option key={i.indicator} value={i.indicator}>{i.label}</option>)}
        </select>
      </div>
      <AggregateTable title={`${label.get(shown) ?? shown} : France et régions (chiffres publiés, soumis au secret statistique)`} rows={nationAndRegions} label={label} />
      <details>
        <summary>Totaux par département ({departements.length} départements)</summary>
        <AggregateTable title={`${label.get(shown) ?? shown} : départements (chiffres publiés, soumis au secret statistique)`} rows={departements} label={label} />
      </details>
      <div className="table-wrap">
        <table className="table">
          <caption>Écarts par structure au-delà de la tolérance ({r.differences.length}{r.differences.length > MAX_LINES ? `, les ${MAX_LINES} premiers` : ''})</caption>
          <thead><tr><th scope="col">Structure</th><th scope="col">Département</th><th scope="col">Indicateur</th><th scope="col" className="number">Fichier (ligne)</th><th scope="col" className="number">Observatoire</th><th scope="col" className="number">Écart</th><th scope="col" className="number">Écart relatif</th></tr></thead>
          <tbody>
            {r.differences.slice(0, MAX_LINES).map((d) => (
              <tr key={`${d.indicator}-${d.structureId}`}>
                <th scope="row"><Link to={`/structures/${d.structureId}`}>{d.name}</Link></th><td>{d.departementCode}</td><td>{label.get(d.indicator) ?? d.indicator}</td>
                <td className="number">{formatNumber(d.external)} (l. {d.line})</td><td className="number">{formatNumber(d.observed)}</td>
                <td className="number">{d.absolute > 0 ? '+' : ''}{formatNumber(d.absolute)}</td><td className="number">{formatShare(d.relative)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Non rapprochés</h2>
      <div className="cards">
        <div className="panel">
          <h3>Lignes du fichier sans structure ({r.unmatched.external.length})</h3>
          {r.scope === 'territory' ? <p className="muted">Visible par l’administration nationale seulement.</p> : r.unmatched.external.length === 0 ? <p>Aucune.</p> : (
            <ul>{r.unmatched.external.slice(0, MAX_LINES).map((u) => <li key={u.line}>Ligne {u.line} : {u.name || u.siret} {u.commune && `(${u.commune})`} — {u.method === 'proposal' ? 'proposition à confirmer' : u.method === 'rejected' ? 'rejetée' : 'inconnue'}</li>)}</ul>
          )}
        </div>
        <div className="panel">
          <h3>Structures répondantes absentes du fichier ({r.unmatched.observatory.length})</h3>
          {r.unmatched.observatory.length === 0 ? <p>Aucune.</p> : (
            <ul>{r.unmatched.observatory.slice(0, MAX_LINES).map((u) => <li key={u.structureId}><Link to={`/structures/${u.structureId}`}>{u.name}</Link> ({u.departementCode})</li>)}</ul>
          )}
        </div>
      </div>
    </>
  );
}

function AggregateTable({ title, rows, label }: { title: string; rows: Report['aggregates']; label: Map<string, string> }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{title}</caption>
        <thead><tr><th scope="col">Indicateur</th><th scope="col">Territoire</th><th scope="col" className="number">Fichier externe</th><th scope="col" className="number">Observatoire (réponses validées)</th><th scope="col" className="number">Écart</th><th scope="col" className="number">Écart relatif</th></tr></thead>
        <tbody>
          {rows.map((a) => (
            <tr key={`${a.indicator}-${a.territory.level}-${a.territory.code}`}>
              <td>{label.get(a.indicator) ?? a.indicator}</td><th scope="row">{territoryName(a.territory)}</th>
              <td className="number">{cellText(a.external)}</td><td className="number">{cellText(a.observatory)}</td>
              <td className="number">{a.difference ? formatNumber(a.difference.absolute) : '—'}</td><td className="number">{a.difference ? formatShare(a.difference.relative) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
