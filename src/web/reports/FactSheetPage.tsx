import { api } from '../lib/api';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { Show } from '../components/Status';
import type { ApiResponse } from '../../http/apiTypes';

type FactSheet = ApiResponse<'get', `/structures/${number}/fact-sheet`>;

/**
 * The centre's fact sheet as a page: the same words and tables as its PDF (both come from
 * src/reports/factSheet/text.ts), for the team to read on screen or show at the general assembly.
 */
export function FactSheetPage({ id, year }: { id: string; year: number }) {
  const loaded = useApi(`${id}|${year}`, (signal) => api.get(`/structures/${encodeURIComponent(id)}/fact-sheet`, { year: String(year), format: 'json' }, signal));
  return (
    <>
      <nav aria-label="Fil d’Ariane" className="breadcrumb">
        <ol><li><Link to="/">Accueil</Link></li><li><Link to={`/structures/${id}`}>Fiche structure</Link></li><li aria-current="page">Fiche {year}</li></ol>
      </nav>
      <Show loaded={loaded} loadingText="Chargement de la fiche…">{(sheet) => <Sheet id={id} sheet={sheet} />}</Show>
    </>
  );
}

function Sheet({ id, sheet }: { id: string; sheet: FactSheet }) {
  const s = sheet.structure;
  return (
    <>
      <h1>{s.name} — fiche {sheet.year}</h1>
      <p className="muted">{s.kindLabel} · {s.communeName}{s.postalCode ? ` (${s.postalCode})` : ''} · {s.departementName}</p>
      <p>{sheet.intro}</p>
      <p><a href={`/api/structures/${encodeURIComponent(id)}/fact-sheet?year=${sheet.year}`} type="application/pdf">Télécharger la fiche {sheet.year} (PDF)</a></p>
      <section className="panel" aria-labelledby="sheet-brief">
        <h2 id="sheet-brief">En bref</h2>
        <ul>{sheet.sentences.map((t) => <li key={t}>{t}</li>)}</ul>
      </section>
      <section className="panel" aria-labelledby="sheet-all">
        <h2 id="sheet-all">Tous les indicateurs</h2>
        <div className="table-wrap">
          <table className="table">
            <caption>Votre structure et les structures comparables : premier quartile – médiane – troisième quartile, ou part des structures qui répondent « oui »</caption>
            <thead><tr><th scope="col">Indicateur</th><th scope="col" className="num">Votre structure</th><th scope="col" className="num">Structures comparables</th><th scope="col">Position</th></tr></thead>
            <tbody>{sheet.indicators.map((i) => (
              <tr key={i.code}><th scope="row">{i.label}</th><td className="num">{i.own}</td><td className="num">{i.group}</td><td>{i.position}</td></tr>
            ))}</tbody>
          </table>
        </div>
      </section>
      {sheet.evolution.years.length > 1 && (
        <section className="panel" aria-labelledby="sheet-evolution">
          <h2 id="sheet-evolution">Évolution</h2>
          <div className="table-wrap">
            <table className="table">
              <caption>Votre structure, et entre parenthèses la médiane des structures comparables, année par année</caption>
              <thead><tr><th scope="col">Indicateur</th>{sheet.evolution.years.map((y) => <th scope="col" key={y} className="num">{y}</th>)}</tr></thead>
              <tbody>{sheet.evolution.rows.map((r) => (
                <tr key={r.code}><th scope="row">{r.label}</th>{r.cells.map((c, k) => <td key={sheet.evolution.years[k]} className="num">{c.own} <span className="muted">({c.group})</span></td>)}</tr>
              ))}</tbody>
            </table>
          </div>
        </section>
      )}
      {sheet.notes.length > 0 && (
        <section aria-labelledby="sheet-notes">
          <h2 id="sheet-notes">Cases masquées (secret statistique)</h2>
          <ul>{sheet.notes.map((n) => <li key={n.letter}><strong>s ({n.letter})</strong> : {n.text}.</li>)}</ul>
        </section>
      )}
    </>
  );
}
