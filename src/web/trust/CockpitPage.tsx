import './trust.css';
import { useState } from 'react';
import { api, ApiError } from '../lib/api';
import { campaignStateLabel, formatDate, formatNumber, plural, responseStateLabel, responseStates } from '../lib/labels';
import { useLocation } from '../lib/router';
import { territoryName } from '../lib/territory';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { ErrorAlert, Show } from '../components/Status';
import { formatPercent } from './labels';
import { ScoreChart } from './ScoreChart';
import { DeadlinesPanel } from './DeadlinesPanel';
import { TerritoryResponses } from '../components/TerritoryResponses';
import type { TerritoryLevel } from './types';

/** `/suivi/:year?level=&code=`: the follow-up of a campaign on a territory (correspondents, coordinators, national). */
export function CockpitPage({ year }: { year: string }) {
  const { search } = useLocation();
  const level = (search.get('level') ?? 'nation') as TerritoryLevel;
  const code = search.get('code') ?? undefined;
  const [reload, setReload] = useState(0);
  const loaded = useApi(JSON.stringify([year, level, code, reload]), async (signal) => {
    const [cockpit, name] = await Promise.all([
      api.get(`/campaigns/${year}/cockpit`, { level, code }, signal), territoryName(level, code, signal),
    ]);
    return { cockpit, name };
  }, { keepPrevious: true });
  const query = `level=${level}${code ? `&code=${encodeURIComponent(code)}` : ''}`;
  return (
    <section aria-labelledby="cockpit-title">
      <Show loaded={loaded} loadingText="Chargement du tableau de bord…">
        {({ cockpit: c, name }) => {
          const where = level === 'nation' ? 'France entière' : name;
          return (
            <>
              <h1 id="cockpit-title">Suivi de la campagne {year} – {where}</h1>
              <p className="lead">{campaignStateLabel(c.campaign.state)} · clôture le {formatDate(c.campaign.closesOn)}</p>
              <ul className="key-figures" aria-label="Chiffres clés">
                <li><span className="figure">{formatNumber(c.expected)}</span> structures attendues</li>
                <li><span className="figure">{formatPercent(c.timeliness.onTimeOfExpected)}</span> des structures attendues ont transmis à temps</li>
                <li><span className="figure">{formatNumber(c.timeliness.late)}</span> {c.timeliness.late > 1 ? 'réponses transmises' : 'réponse transmise'} en retard</li>
                <li><span className="figure">{formatNumber(c.timeliness.missing)}</span> {c.timeliness.missing > 1 ? 'réponses manquantes' : 'réponse manquante'} (jamais transmise{c.timeliness.missing > 1 ? 's' : ''})</li>
                <li><span className="figure">{formatNumber(c.openQueries)}</span> question{c.openQueries > 1 ? 's' : ''} ouverte{c.openQueries > 1 ? 's' : ''}</li>
              </ul>
              <div className="panel">
                <h2>Réponses par état</h2>
                <table className="table">
                  <caption className="visually-hidden">Réponses par état, campagne {year}, {where}</caption>
                  <thead><tr><th scope="col">État</th><th scope="col">Structures</th></tr></thead>
                  <tbody>
                    {responseStates.map((s) => <tr key={s}><th scope="row">{responseStateLabel(s)}</th><td>{formatNumber(c.byState[s] ?? 0)}</td></tr>)}
                  </tbody>
                </table>
                {c.campaign.state === 'open' && <Reminders year={year} level={level} code={code} onSent={() => setReload((n) => n + 1)} />}
                <p><Link to={`/suivi/envois?${query}`}>Voir les courriels préparés (boîte d’envoi)</Link></p>
              </div>
              <DeadlinesPanel year={year} state={c.campaign.state} closesOn={c.campaign.closesOn} deadlines={c.campaign.deadlines ?? []} onChange={() => setReload((n) => n + 1)} />
              <div className="panel">
                <h2>Qualité des réponses</h2>
                <p className="muted">Score de 0 à 100 calculé par le moteur de qualité : règles du questionnaire, complétude, évolution sur un an, comparaison aux structures comparables.</p>
                <ScoreChart distribution={c.qualityDistribution} caption={`Répartition des scores de qualité, campagne ${year}, ${where}`} />
              </div>
              <div className="panel">
                <h2>Structures avec le plus de constats</h2>
                {c.mostFindings.length === 0 ? <p>Aucun constat pour l’instant.</p> : (
                  <table className="table">
                    <caption className="visually-hidden">Structures avec le plus de constats de qualité</caption>
                    <thead><tr><th scope="col">Structure</th><th scope="col">Constats</th><th scope="col">Score</th><th scope="col">Réponse</th></tr></thead>
                    <tbody>
                      {c.mostFindings.map((s) => (
                        <tr key={s.responseId}>
                          <th scope="row"><Link to={`/structures/${s.id}`}>{s.name}</Link></th>
                          <td>{s.findings}</td>
                          <td>{s.qualityScore ?? '—'}</td>
                          <td><Link to={`/controle/${s.responseId}`} aria-label={`Contrôler la réponse de ${s.name}`}>Contrôler</Link></td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </div>
              <TerritoryResponses key={`${year}/${level}/${code}`} year={Number(year)} level={level} code={code} territoryName={where} />
            </>
          );
        }}
      </Show>
    </section>
  );
}

function Reminders({ year, level, code, onSent }: { year: string; level: TerritoryLevel; code?: string; onSent: () => void }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  async function remind() {
    setBusy(true); setError(null); setResult(null);
    try {
      const r = await api.post(`/campaigns/${year}/reminders?level=${level}${code ? `&code=${encodeURIComponent(code)}` : ''}`);
      setResult(`${plural(r.structures, 'structure en retard relancée', 'structures en retard relancées')} : ${plural(r.mails, 'courriel préparé', 'courriels préparés')}, ${plural(r.sent, 'envoyé', 'envoyés')}.`);
      onSent();
    } catch (e) { setError(e instanceof ApiError ? e : new ApiError(0, 'internal', 'La relance a échoué.')); }
    finally { setBusy(false); }
  }
  return (
    <div className="actions">
      <button type="button" className="button" onClick={remind} disabled={busy}>{busy ? 'Relance en cours…' : 'Relancer les structures en retard'}</button>
      <div role="status" aria-live="polite">{result && <p className="alert alert-info">{result}</p>}</div>
      {error && <ErrorAlert error={error} />}
    </div>
  );
}
