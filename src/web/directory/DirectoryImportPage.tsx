import { useRef, useState } from 'react';
import { api, apiUrl, ApiError } from '../lib/api';
import { useSession } from '../lib/session';
import { Link } from '../components/Link';
import { ErrorAlert, Loading } from '../components/Status';
import { DirectoryDiff } from './DirectoryDiff';
import type { DirectoryReport } from './types';
import { plural } from '../lib/labels';

/**
 * `/annuaire/import`: the national administration loads the directory of structures from the CAF's file.
 * A check first (every problem with its row and column, or the difference the file makes), then apply:
 * all or nothing.
 */
export function DirectoryImportPage() {
  const { me } = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<DirectoryReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!me) return <Loading />;
  if (!me.memberships.some((m) => m.role === 'national_admin')) {
    return <><h1>Importer l’annuaire</h1><p>Cette page est réservée à l’administration nationale.{!me.user && <> <Link to="/connexion?retour=%2Fannuaire%2Fimport">Se connecter</Link></>}</p></>;
  }
  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(true); setError(null);
    const form = new FormData();
    form.append('file', file);
    try {
      setReport(await api.postForm('/directory/import', form, { dryRun: String(dryRun) }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'internal', 'L’envoi a échoué.'));
      if (e instanceof ApiError && e.details && typeof e.details === 'object' && 'problems' in e.details) setReport(e.details as DirectoryReport);
    } finally { setBusy(false); }
  }
  const clean = report && report.problems.length === 0;
  return (
    <section aria-labelledby="directory-import-title">
      <h1 id="directory-import-title">Importer l’annuaire des structures</h1>
      <p className="lead">
        Un fichier CSV ou XLSX, une ligne par structure (SIRET, nom, type, adresse, commune INSEE, agréments, mode de gestion,
        fédération, QPV, courriel de la direction). Le fichier est d’abord vérifié : rien n’est enregistré tant qu’une ligne a un problème,
        et la différence avec l’annuaire actuel s’affiche avant d’être appliquée. Rien n’est jamais supprimé.
      </p>
      <p>
        Modèle : <a href={apiUrl('/directory/template', { format: 'xlsx' })} download>classeur XLSX</a>, <a href={apiUrl('/directory/template', { format: 'csv' })} download>CSV</a>,{' '}
        <a href={apiUrl('/directory/schema')}>schéma Table Schema (JSON)</a>.
      </p>
      <div className="panel">
        <label htmlFor="directory-file">Fichier de l’annuaire (CSV ou XLSX)</label>
        <input id="directory-file" ref={input} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => { setFile(e.target.files?.[0] ?? null); setReport(null); setError(null); }} />
        <div className="actions">
          <button type="button" className="button" disabled={!file || busy} onClick={() => send(true)}>{busy ? 'Vérification…' : 'Vérifier le fichier'}</button>
          {clean && !report.stored && <button type="button" className="button primary" disabled={busy} onClick={() => send(false)}>Appliquer ces changements</button>}
        </div>
      </div>
      <div aria-live="polite">
        {error && <ErrorAlert error={error} />}
        {report && report.problems.length > 0 && (
          <>
            <h2>Fichier refusé : {plural(report.problems.length, 'problème', 'problèmes')}</h2>
            <p>Rien n’a été enregistré. Corrigez ces cellules puis vérifiez le fichier à nouveau.</p>
            <table className="table">
              <caption>Problèmes du fichier</caption>
              <thead><tr><th scope="col">Ligne</th><th scope="col">Colonne</th><th scope="col">Cellule</th><th scope="col">Problème</th></tr></thead>
              <tbody>{report.problems.slice(0, 1000).map((p, i) => <tr key={i}><td>{p.row}</td><td>{p.column || '—'}</td><td>{p.cell}</td><td>{p.message}</td></tr>)}</tbody>
            </table>
          </>
        )}
        {clean && (
          <>
            <h2>{report.stored ? 'Annuaire importé' : 'Fichier vérifié : aucun problème'}</h2>
            <p>{plural(report.rows, 'ligne', 'lignes')}. {report.stored ? 'Ces changements sont enregistrés et audités.' : 'Voici ce que l’import changera ; rien n’est encore enregistré.'}</p>
            <DirectoryDiff report={report} />
          </>
        )}
      </div>
    </section>
  );
}
