import '../ess/ess.css';
import type { ApiResponse } from '../../http/apiTypes';
import { api } from '../lib/api';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { Show } from '../components/Status';

type CashView = ApiResponse<'get', `/structures/${number}/cash`>;

const fr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const n = (x: number | null, suffix = '') => (x === null ? 'non renseigné' : `${fr.format(x)}${suffix}`);
const eur = (x: number | null) => (x === null ? 'non renseigné' : `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(x)} €`);
export const signalLabels = { difficulty: 'En difficulté', watch: 'À surveiller', ok: 'Sans signal', unknown: 'Indéterminé' } as const;

/** A structure's cash needs: the latest year's indicators and signal with its reasons, then every year in a table. */
export function CashPage({ id }: { id: string }) {
  const loaded = useApi(id, (signal) => api.get(`/structures/${encodeURIComponent(id)}/cash`, undefined, signal));
  return (
    <>
      <nav aria-label="Fil d’Ariane" className="breadcrumb">
        <ol><li><Link to="/">Accueil</Link></li><li><Link to={`/structures/${id}`}>Fiche structure</Link></li><li aria-current="page">Trésorerie</li></ol>
      </nav>
      <h1>Trésorerie et besoins de financement</h1>
      <Show loaded={loaded} loadingText="Chargement de la trésorerie…">{(v) => <Cash view={v} />}</Show>
    </>
  );
}

function Cash({ view }: { view: CashView }) {
  const last = view.years[view.years.length - 1];
  const t = view.thresholds;
  return (
    <>
      <section className={`panel cash-signal cash-${last.signal.state}`} aria-labelledby="cash-signal">
        <h2 id="cash-signal">Signal {last.year} : {signalLabels[last.signal.state]} <span className="tag">Privé</span></h2>
        {last.signal.reasons.length > 0 ? <ul>{last.signal.reasons.map((r) => <li key={r.code}><strong>{r.level === 'alert' ? 'Alerte' : 'À surveiller'} :</strong> {r.text}</li>)}</ul>
          : <p>{last.signal.state === 'unknown' ? 'La trésorerie ou les charges ne sont pas renseignées : le signal ne peut être établi.' : 'Aucun seuil franchi.'}</p>}
        {last.signal.missing.length > 0 && <p className="muted">Non renseigné : {last.signal.missing.join(', ')}.</p>}
        <details>
          <summary>Seuils du signal</summary>
          <p>Alerte : trésorerie nulle ou négative, moins de {t.alertDays} jours de charges, déficit de plus de {t.deficitShare * 100} % des produits.
            À surveiller : moins de {t.watchDays} jours de charges, financeurs payant plus tard que la trésorerie ne dure ou en plus de {t.delayDays} jours, frais bancaires au-delà de {t.bankChargesShare * 100} % des charges, un financeur au-delà de {t.funderShare * 100} % des produits.
            « En difficulté » : une alerte, ou trois points à surveiller ensemble.</p>
        </details>
      </section>
      <section className="panel" aria-labelledby="cash-years">
        <h2 id="cash-years">Indicateurs par année</h2>
        <div className="table-wrap">
          <table className="table">
            <caption>Trésorerie de la structure, année par année (réponses de la structure, toutes étapes)</caption>
            <thead>
              <tr><th scope="col">Indicateur</th>{view.years.map((y) => <th scope="col" key={y.year} className="num">{y.year}</th>)}</tr>
            </thead>
            <tbody>
              <tr><th scope="row">Trésorerie au 31 décembre</th>{view.years.map((y) => <td key={y.year} className="num">{eur(y.cash)}</td>)}</tr>
              <tr><th scope="row">Trésorerie en jours de charges</th>{view.years.map((y) => <td key={y.year} className="num">{n(y.cashDays, ' j')}</td>)}</tr>
              <tr><th scope="row">Réserves en jours de charges (ce n’est pas le fonds de roulement)</th>{view.years.map((y) => <td key={y.year} className="num">{n(y.reservesDays, ' j')}</td>)}</tr>
              <tr><th scope="row">Résultat de l’exercice</th>{view.years.map((y) => <td key={y.year} className="num">{eur(y.result)}</td>)}</tr>
              <tr><th scope="row">Frais bancaires</th>{view.years.map((y) => <td key={y.year} className="num">{eur(y.bankCharges)}{y.bankChargesShare !== null && <span className="muted"> ({fr.format(y.bankChargesShare)} % des charges)</span>}</td>)}</tr>
              <tr><th scope="row">Délai de paiement des financeurs</th>{view.years.map((y) => <td key={y.year} className="num">{n(y.paymentDelayDays, ' j')}</td>)}</tr>
              <tr><th scope="row">Premier financeur</th>{view.years.map((y) => <td key={y.year} className="num">{y.largestFunder ? `${y.largestFunder.label} : ${fr.format(y.largestFunder.share * 100)} % des produits` : 'non renseigné'}</td>)}</tr>
              <tr><th scope="row">Signal</th>{view.years.map((y) => <td key={y.year} className="num">{signalLabels[y.signal.state]}</td>)}</tr>
            </tbody>
          </table>
        </div>
        <p className="muted">Fonds de roulement : non calculable, le questionnaire ne demande pas le bilan ({last.workingCapital.missing.join(' ; ')}).</p>
      </section>
    </>
  );
}
