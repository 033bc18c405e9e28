import { plural, pluralWord } from '../lib/labels';
import './external.css';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, apiUrl, ApiError } from '../lib/api';
import { Link } from '../components/Link';
import { ErrorAlert, Show } from '../components/Status';
import { JobProgress } from '../components/JobProgress';
import { findMyRunningJob, followJob, postAsJob, type FollowedJob } from '../lib/jobs';
import { useApi } from '../lib/useApi';
import { roleLabels } from './format';
import { CandidateChoice } from './ProposalReview';
import { roles, type DatasetList, type ImportReport, type Mapping, type Role } from './types';

const defaultYear = new Date().getFullYear() - 1;

/** An import counts the file's rows, then the responses its quality re-checks reach. */
const importCounts = (step: string): [string, string] => (step.startsWith('contrôle qualité') ? ['réponse', 'réponses'] : ['ligne', 'lignes']);

/** `/donnees-externes`: the imported data sets, and (national administrators) the import of a new file. */
export function ExternalPage() {
  const [version, setVersion] = useState(0);
  // keepPrevious: reloading the list after an import must not unmount the import panel and its report.
  const loaded = useApi(`datasets:${version}`, (signal) => api.get('/external/datasets', undefined, signal), { keepPrevious: true });
  return (
    <section aria-labelledby="external-title">
      <h1 id="external-title">Données externes</h1>
      <p className="lead">Comparer l’observatoire avec d’autres jeux de données (observatoire de branche ELISFA, CAF, INSEE…) : concordance structure par structure et par territoire.</p>
      <Show loaded={loaded} loadingText="Chargement des jeux de données…">
        {(data) => (
          <>
            <DatasetTable data={data} />
            {data.canImport
              ? <ImportPanel indicators={data.indicators} onStored={() => setVersion((v) => v + 1)} />
              : <p className="muted">L’import est réservé à l’administration nationale (les jeux comparés sont des fichiers nationaux).</p>}
          </>
        )}
      </Show>
    </section>
  );
}

function DatasetTable({ data }: { data: DatasetList }) {
  if (data.datasets.length === 0) return <p className="alert alert-info">Aucun jeu de données externe n’est encore importé.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>Jeux de données importés</caption>
        <thead><tr><th scope="col">Jeu</th><th scope="col">Année</th><th scope="col">Lignes</th><th scope="col">Rapprochées</th><th scope="col">À confirmer</th><th scope="col">Source</th><th scope="col">Concordance</th></tr></thead>
        <tbody>
          {data.datasets.map((d) => (
            <tr key={d.id}>
              <td>{d.name}</td><td>{d.year}</td><td>{d.rows}</td><td>{d.matched}</td>
              <td>{d.proposals > 0 && data.canImport ? <Link to={`/donnees-externes/${d.name}/${d.year}`}>{d.proposals} à confirmer<span className="visually-hidden"> dans {d.name} {d.year}</span></Link> : d.proposals}</td>
              <td>{d.source || '—'}{d.licence ? ` (${d.licence})` : ''}</td>
              <td><Link to={`/donnees-externes/${d.name}/${d.year}`}>Rapport {d.name} {d.year}</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ImportPanel({ indicators, onStored }: { indicators: DatasetList['indicators']; onStored: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [dataset, setDataset] = useState('elisfa');
  const [year, setYear] = useState(String(defaultYear));
  const [source, setSource] = useState('');
  const [licence, setLicence] = useState('');
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [confirmations, setConfirmations] = useState<Record<string, string>>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // What runs now: 'Analyse en cours…' in the status, or the import's progress under its button.
  const [running, setRunning] = useState<'analyse' | 'import'>('analyse');
  // The real import runs as a job on the server: its state while it runs, and how to stop following it.
  const [job, setJob] = useState<FollowedJob | null>(null);
  const following = useRef<AbortController | null>(null);
  useEffect(() => () => following.current?.abort(), []);

  // Back on the page during an import asked for earlier (a reload, another page): follow it to its report.
  useEffect(() => {
    const controller = new AbortController();
    following.current = controller;
    findMyRunningJob('external.import', () => true, controller.signal).then((running) => {
      if (!running || controller.signal.aborted) return;
      setBusy(true); setError(null); setRunning('import'); setJob(running);
      void settle(controller, followJob<ImportReport>(running.id, { signal: controller.signal, onProgress: setJob }));
    }, () => undefined);
    return () => controller.abort();
  }, []);

  /** Shows what an analysis or an import answered: its report, or the refusal (a refused file carries its report). */
  async function settle(controller: AbortController, answer: Promise<ImportReport>) {
    try {
      const r = await answer;
      setReport(r);
      if (r.mapping) setMapping(r.mapping);
      if (r.stored || r.unchanged) onStored();
    } catch (e) {
      if (controller.signal.aborted) return; // the page was left
      // A refused file comes back as a 400 carrying its whole report.
      const details = e instanceof ApiError ? (e.details as ImportReport | undefined) : undefined;
      if (details && Array.isArray(details.problems)) {
        setReport(details);
        if (details.mapping) setMapping(details.mapping);
      } else setError(e instanceof ApiError ? e.message : 'Une erreur inattendue est survenue.');
    } finally { setBusy(false); setJob(null); }
  }

  async function send(dryRun: boolean, withMapping: Mapping | null) {
    if (!file) { setError('Choisissez un fichier CSV ou XLSX.'); return; }
    setBusy(true); setError(null); setRunning(dryRun ? 'analyse' : 'import');
    const form = new FormData();
    form.set('file', file);
    if (withMapping) form.set('mapping', JSON.stringify(withMapping));
    if (!dryRun) {
      const chosen = Object.fromEntries(Object.entries(confirmations).filter(([, v]) => v !== '').map(([line, v]) => [line, v === 'reject' ? null : Number(v)]));
      form.set('confirmations', JSON.stringify(chosen));
      if (source) form.set('source', source);
      if (licence) form.set('licence', licence);
    }
    const query = { dataset, year, dryRun: dryRun ? 'true' : 'false' };
    following.current?.abort();
    const controller = new AbortController();
    following.current = controller;
    setJob(null);
    // The analysis answers quickly; the import stores rows and re-checks responses, so it is followed as a job.
    await settle(controller, dryRun ? api.postForm('/external/import', form, query)
      : postAsJob('/external/import', form, { query, signal: controller.signal, onProgress: setJob }));
  }

  function onAnalyse(e: FormEvent) {
    e.preventDefault();
    setReport(null); setMapping(null); setConfirmations({});
    void send(true, null);
  }

  const setColumn = (i: number, patch: Partial<Mapping['columns'][number]>) =>
    setMapping((m) => (m ? { columns: m.columns.map((c, j) => (j === i ? { ...c, ...patch } : c)) } : m));

  return (
    <section aria-labelledby="import-title" className="panel">
      <h2 id="import-title">Importer un fichier</h2>
      <p>
        Une ligne par structure, identifiée par son SIRET ou par son nom et sa commune. Rien n’est enregistré tant que le fichier a un problème.
        {' '}<a href={apiUrl('/external/example', { year })} download>Télécharger le jeu d’exemple (format ELISFA, {year})</a>
      </p>
      <form className="form" onSubmit={onAnalyse}>
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="x-file">Fichier <span className="hint">(CSV UTF-8 ou Windows-1252, ou XLSX)</span></label>
            <input id="x-file" type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setReport(null); setMapping(null); }} />
          </div>
          <div className="field">
            <label htmlFor="x-dataset">Nom du jeu <span className="hint">(minuscules, ex. elisfa)</span></label>
            <input id="x-dataset" value={dataset} onChange={(e) => setDataset(e.target.value)} pattern="[a-z][a-z0-9_\-]{1,39}" required />
          </div>
          <div className="field">
            <label htmlFor="x-year">Année</label>
            <input id="x-year" value={year} onChange={(e) => setYear(e.target.value)} inputMode="numeric" pattern="\d{4}" required />
          </div>
          <div className="field">
            <label htmlFor="x-source">Source <span className="hint">(facultatif)</span></label>
            <input id="x-source" value={source} onChange={(e) => setSource(e.target.value)} maxLength={500} />
          </div>
          <div className="field">
            <label htmlFor="x-licence">Licence <span className="hint">(facultatif)</span></label>
            <input id="x-licence" value={licence} onChange={(e) => setLicence(e.target.value)} maxLength={200} />
          </div>
        </div>
        <button type="submit" className="button" disabled={busy}>Analyser le fichier</button>
      </form>
      <div role="status">{busy && running === 'analyse' && <p className="loading">Analyse en cours…</p>}</div>
      {error && <ErrorAlert error={error} />}
      {report && (
        <div aria-live="polite">
          <Summary report={report} />
          {report.problems.length > 0 && <Problems report={report} />}
          {mapping && (
            <fieldset className="mapping">
              <legend>Correspondance des colonnes</legend>
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">Rôle, champ et indicateur de chaque colonne du fichier</caption>
                  <thead><tr><th scope="col">Colonne du fichier</th><th scope="col">Rôle</th><th scope="col">Champ</th><th scope="col">Indicateur comparé</th></tr></thead>
                  <tbody>
                    {mapping.columns.map((c, i) => (
                      <tr key={`${c.column}-${i}`}>
                        <th scope="row">{c.column || '(sans nom)'}</th>
                        <td>
                          <select aria-label={`Rôle de la colonne ${c.column}`} value={c.role} onChange={(e) => setColumn(i, { role: e.target.value as Role })}>
                            {roles.map((r) => <option key={r} value={r}>{roleLabels[r]}</option>)}
                          </select>
                        </td>
                        <td>{(c.role === 'number' || c.role === 'text') && (
                          <input aria-label={`Champ de la colonne ${c.column}`} value={c.field ?? ''} onChange={(e) => setColumn(i, { field: e.target.value })} />
                        )}</td>
                        <td>{c.role === 'number' && (
                          <select aria-label={`Indicateur de la colonne ${c.column}`} value={c.indicator ?? ''} onChange={(e) => setColumn(i, { indicator: e.target.value || undefined })}>
                            <option value="">Aucun (valeur seulement)</option>
                            {indicators.map((ind) => <option key={ind.code} value={ind.code}>{ind.label} ({ind.code})</option>)}
                          </select>
                        )}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <button type="button" className="button button-secondary" disabled={busy} onClick={() => void send(true, mapping)}>Analyser à nouveau avec cette correspondance</button>
            </fieldset>
          )}
          {report.proposals.length > 0 && report.problems.length === 0 && (
            <fieldset className="mapping">
              <legend>Rapprochements proposés à confirmer ({report.proposals.length})</legend>
              <p className="hint">Sans SIRET reconnu, ces lignes ressemblent à une structure de l’annuaire. Une proposition laissée en attente n’entre pas dans la concordance.</p>
              <ul className="proposals">
                {report.proposals.map((p) => (
                  <CandidateChoice key={p.line} id={`x-p-${p.line}`} candidates={p.candidates} keepLabel="Laisser à confirmer"
                    value={confirmations[String(p.line)] ?? ''} onChange={(v) => setConfirmations((c) => ({ ...c, [String(p.line)]: v }))}>
                    Ligne {p.line} : « {p.name} » ({p.commune || 'commune inconnue'})
                  </CandidateChoice>
                ))}
              </ul>
            </fieldset>
          )}
          {report.problems.length === 0 && report.dryRun && (
            <>
              <button type="button" className="button" disabled={busy} onClick={() => void send(false, mapping)}>Importer {report.counts.rows} {report.counts.rows > 1 ? 'lignes' : 'ligne'} dans « {dataset} » {year}</button>
              {/* Under the button just pressed, in a live region there before the import starts. */}
              <div aria-live="polite">{busy && running === 'import' && <JobProgress job={job} label="Import en cours…" counting={importCounts} />}</div>
            </>
          )}
          {(report.stored || report.unchanged) && (
            <p className="alert alert-info" role="status">
              {report.unchanged ? 'Ce fichier est déjà le jeu importé (même empreinte, même correspondance) : rien n’a changé.'
                : `Jeu « ${report.dataset} » ${report.year} importé${report.rechecked ? ` ; ${plural(report.rechecked, 'réponse', 'réponses')} de la campagne ${report.year} ${pluralWord(report.rechecked, 'recontrôlée', 'recontrôlées')}` : ''}.`}
              {' '}<Link to={`/donnees-externes/${report.dataset}/${report.year}`}>Voir le rapport de concordance</Link>
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function Summary({ report }: { report: ImportReport }) {
  const c = report.counts;
  return (
    <p role="status" className="result-count">
      {plural(c.rows, 'ligne', 'lignes')}{report.encoding ? `, encodage ${report.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'}` : ''} :
      {' '}{c.siret} {pluralWord(c.siret, 'rapprochée', 'rapprochées')} par SIRET, {c.name} par le nom, {c.proposals} à confirmer{c.unknown ? `, ${c.unknown} ${pluralWord(c.unknown, 'inconnue', 'inconnues')}` : ''}.
      {report.notes.length > 0 && ` ${plural(report.notes.length, 'remarque', 'remarques')} (SIRET invalide ou absent de l’annuaire, rapproché par le nom).`}
    </p>
  );
}

function Problems({ report }: { report: ImportReport }) {
  return (
    <div className="table-wrap">
      <p className="alert alert-error" role="alert">Fichier refusé : {plural(report.problems.length, 'problème', 'problèmes')}. Rien n’a été enregistré ; corrigez le fichier ou la correspondance, puis analysez à nouveau.</p>
      <table className="table">
        <caption>Rapport du fichier : chaque problème avec sa ligne et sa colonne</caption>
        <thead><tr><th scope="col">Ligne</th><th scope="col">Cellule</th><th scope="col">Colonne</th><th scope="col">Problème</th></tr></thead>
        <tbody>
          {report.problems.slice(0, 500).map((p, i) => (
            <tr key={i}><td>{p.line}</td><td>{p.cell}</td><td>{p.column || '—'}</td><td>{p.message}</td></tr>
          ))}
        </tbody>
      </table>
      {report.problems.length > 500 && <p className="muted">… et {plural(report.problems.length - 500, 'autre', 'autres')}.</p>}
    </div>
  );
}
