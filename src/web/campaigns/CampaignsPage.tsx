import { useId, useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { campaignStateLabel, formatDate } from '../lib/labels';
import { useSession } from '../lib/session';
import type { Campaign, } from '../lib/types';
import { useApi } from '../lib/useApi';
import { useSubmit } from '../lib/useSubmit';
import { parseDeadlines } from '../../domain/deadlines';
import { Link } from '../components/Link';
import { ErrorAlert, Show } from '../components/Status';
import { DeadlinesPanel } from '../trust/DeadlinesPanel';
import { LocalQuestionsPanel, localTerritoryOf } from './LocalQuestionsPanel';

/**
 * `/campagnes`: the campaigns' administration. The national administration prepares, opens and closes a
 * campaign and grants later deadlines; correspondents and regional coordinators manage the local questions
 * of their territory. The API checks every step again.
 */
export function CampaignsPage() {
  const { me } = useSession();
  const [reload, setReload] = useState(0);
  const loaded = useApi(`campaigns/${reload}`, (signal) => api.get('/campaigns', undefined, signal), { keepPrevious: true });
  const national = me?.memberships.some((m) => m.role === 'national_admin') ?? false;
  const local = me ? localTerritoryOf(me.memberships) : null;
  const refresh = () => setReload((n) => n + 1);
  if (me && !me.user) return <><h1>Campagnes annuelles</h1><p><Link to="/connexion?retour=%2Fcampagnes">Connectez-vous</Link> pour gérer les campagnes.</p></>;
  return (
    <section aria-labelledby="campaigns-title">
      <nav aria-label="Fil d’Ariane" className="breadcrumb"><ol><li><Link to="/">Accueil</Link></li>{national && <li><Link to="/admin">Administration</Link></li>}<li aria-current="page">Campagnes</li></ol></nav>
      <h1 id="campaigns-title">Campagnes annuelles</h1>
      <p className="lead">
        {national ? 'Préparer, ouvrir et clore les campagnes, accorder des délais par territoire.' : 'Les campagnes et les questions locales de votre territoire.'}
      </p>
      <Show loaded={loaded} loadingText="Chargement des campagnes…">
        {({ items }) => (
          <>
            <CampaignsTable campaigns={items} national={national} onChange={refresh} />
            {national && <PrepareForm campaigns={items} onDone={refresh} />}
            {national && items.filter((c) => c.state === 'preparation' || c.state === 'open').map((c) => (
              <DeadlinesPanel key={`${c.year}/${reload}`} year={String(c.year)} state={c.state} closesOn={c.closesOn}
                deadlines={parseDeadlines(c.deadlines)} onChange={refresh} title={`Délais par territoire – campagne ${c.year}`} />
            ))}
            {(local || national) && items.length > 0 && <LocalQuestionsPanel key={items.map((c) => `${c.year}:${c.state}`).join()} campaigns={items} territory={local} />}
          </>
        )}
      </Show>
    </section>
  );
}

function CampaignsTable({ campaigns, national, onChange }: { campaigns: Campaign[]; national: boolean; onChange: () => void }) {
  const { busy, error, run } = useSubmit(onChange);
  const [closing, setClosing] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!campaigns.length) return <p>Aucune campagne pour le moment.</p>;
  const act = (year: number, action: 'open' | 'close') => run(async () => {
    const r = await api.post(`/campaigns/${year}/${action}`);
    setClosing(null);
    setDone(action === 'open' ? `La campagne ${year} est ouverte : les structures peuvent remplir le questionnaire.`
      : `La campagne ${year} est close : ${r.locked} réponse${r.locked > 1 ? 's validées ont été verrouillées' : ' validée a été verrouillée'}.`);
  });
  return (
    <div className="panel">
      <h2>Les campagnes</h2>
      <div className="table-wrap">
        <table className="table table-cards">
          <caption className="visually-hidden">Campagnes annuelles, la plus récente d’abord</caption>
          <thead><tr><th scope="col">Campagne</th><th scope="col">État</th><th scope="col">Ouverture</th><th scope="col">Clôture</th><th scope="col">Suivi</th>{national && <th scope="col">Action</th>}</tr></thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.year}>
                <th scope="row">{c.year}</th>
                <td data-label="État">{campaignStateLabel(c.state)}</td>
                <td data-label="Ouverture">{formatDate(c.opensOn)}</td>
                <td data-label="Clôture">{formatDate(c.closesOn)}</td>
                <td data-label="Suivi"><Link to={`/suivi/${c.year}`}>Suivi<span className="visually-hidden"> de la campagne {c.year}</span></Link></td>
                {national && (
                  <td data-label="Action">
                    {c.state === 'preparation' && (
                      <button type="button" className="button button-small" disabled={busy} onClick={() => void act(c.year, 'open')}>Ouvrir la campagne {c.year}</button>
                    )}
                    {c.state === 'open' && closing !== c.year && (
                      <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => setClosing(c.year)}>Clore la campagne {c.year}…</button>
                    )}
                    {c.state === 'open' && closing === c.year && (
                      <div role="group" aria-label={`Confirmer la clôture de la campagne ${c.year}`} className="confirm">
                        <p>Clore la campagne verrouille toutes ses réponses validées ; les autres ne pourront plus être transmises. Continuer ?</p>
                        <button type="button" className="button button-small" disabled={busy} onClick={() => void act(c.year, 'close')}>Confirmer la clôture</button>{' '}
                        <button type="button" className="button button-secondary button-small" onClick={() => setClosing(null)}>Annuler</button>
                      </div>
                    )}
                    {(c.state === 'closed' || c.state === 'published') && <Link to="/publication">Publier les chiffres<span className="visually-hidden"> de {c.year}</span></Link>}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div role="status" aria-live="polite">{done && <p className="alert alert-info">{done}</p>}</div>
      {error && <ErrorAlert error={error} />}
    </div>
  );
}

function PrepareForm({ campaigns, onDone }: { campaigns: Campaign[]; onDone: () => void }) {
  const id = useId();
  const next = (campaigns[0]?.year ?? new Date().getFullYear() - 1) + 1;
  const [year, setYear] = useState(String(next));
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useSubmit(onDone);
  const questionnaireYears = campaigns.map((c) => c.year);
  const [questionnaireYear, setQuestionnaireYear] = useState(String(questionnaireYears[0] ?? ''));
  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      await api.post('/campaigns', { year: Number(year), opensOn, closesOn, ...(questionnaireYear ? { questionnaireYear: Number(questionnaireYear) } : {}) });
      setDone(`La campagne ${year} est en préparation : ajoutez les délais et les questions locales, puis ouvrez-la.`);
    });
  }
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Préparer une campagne</h2>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={`${id}-year`}>Année des données</label>
          <input id={`${id}-year`} type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-questionnaire`}>Reprendre le questionnaire de</label>
          <select id={`${id}-questionnaire`} value={questionnaireYear} onChange={(e) => setQuestionnaireYear(e.target.value)}>
            <option value="">l’année de la campagne</option>
            {questionnaireYears.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-opens`}>Ouverture</label>
          <input id={`${id}-opens`} type="date" value={opensOn} onChange={(e) => setOpensOn(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-closes`}>Clôture</label>
          <input id={`${id}-closes`} type="date" value={closesOn} min={opensOn || undefined} onChange={(e) => setClosesOn(e.target.value)} required />
        </div>
      </div>
      <button type="submit" className="button" disabled={busy}>{busy ? 'Préparation…' : 'Préparer la campagne'}</button>
      <div role="status" aria-live="polite">{done && <p className="alert alert-info">{done}</p>}</div>
      {error && <ErrorAlert error={error} />}
    </form>
  );
}
