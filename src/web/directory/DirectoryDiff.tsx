import type { DirectoryReport } from './types';
import { fieldLabels, shown } from './types';
import { pluralWord } from '../lib/labels';

/** The difference a directory file makes, shown before it is applied (and after, as a receipt). */
export function DirectoryDiff({ report }: { report: DirectoryReport }) {
  return (
    <div className="directory-diff">
      <ul className="directory-summary">
        <li><strong>{report.created.length}</strong> {pluralWord(report.created.length, 'nouvelle structure', 'nouvelles structures')}</li>
        <li><strong>{report.updated.length}</strong> {pluralWord(report.updated.length, 'structure modifiée', 'structures modifiées')}</li>
        <li><strong>{report.unchanged}</strong> {pluralWord(report.unchanged, 'inchangée', 'inchangées')}</li>
        <li><strong>{report.ended.length}</strong> {pluralWord(report.ended.length, 'agrément terminé : structure plus attendue', 'agréments terminés : structures plus attendues')} dans les campagnes suivantes, historique gardé</li>
        <li><strong>{report.takenOver.length}</strong> {pluralWord(report.takenOver.length, 'structure reprise', 'structures reprises')} (fusion, scission)</li>
        <li><strong>{report.absent.length}</strong> {pluralWord(report.absent.length, 'absente du fichier, laissée telle quelle', 'absentes du fichier, laissées telles quelles')}</li>
      </ul>
      {report.updated.length > 0 && (
        <table className="table">
          <caption>Structures modifiées</caption>
          <thead><tr><th scope="col">Ligne</th><th scope="col">Structure</th><th scope="col">Changement</th></tr></thead>
          <tbody>
            {report.updated.slice(0, 500).map((u) => (
              <tr key={u.id}>
                <td>{u.row}</td>
                <td>{u.name} <span className="muted">({u.siret})</span></td>
                <td>
                  <ul>
                    {u.changes.map((c) => <li key={c.field}>{fieldLabels[c.field] ?? c.field} : {shown(c.before)} → {shown(c.after)}</li>)}
                    {u.tookOver.length > 0 && <li>reprend {u.tookOver.join(', ')} (historique gardé)</li>}
                    {u.splitFrom.length > 0 && <li>issue de la scission de {u.splitFrom.join(', ')}</li>}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.takenOver.length > 0 && (
        <table className="table">
          <caption>Structures reprises</caption>
          <thead><tr><th scope="col">Structure</th><th scope="col">Reprise par (SIRET)</th><th scope="col">Close le</th></tr></thead>
          <tbody>{report.takenOver.map((t) => <tr key={t.id}><td>{t.name} <span className="muted">({t.siret})</span></td><td>{t.successorSiret}</td><td>{t.endedOn}</td></tr>)}</tbody>
        </table>
      )}
      {report.ended.length > 0 && (
        <table className="table">
          <caption>Agréments terminés</caption>
          <thead><tr><th scope="col">Structure</th><th scope="col">Fin</th></tr></thead>
          <tbody>{report.ended.map((e) => <tr key={e.siret}><td>{e.name} <span className="muted">({e.siret})</span></td><td>{e.endedOn}</td></tr>)}</tbody>
        </table>
      )}
      {report.created.length > 0 && (
        <details>
          <summary>Nouvelles structures ({report.created.length})</summary>
          <table className="table">
            <caption>Nouvelles structures</caption>
            <thead><tr><th scope="col">Ligne</th><th scope="col">Nom</th><th scope="col">Type</th><th scope="col">Commune (INSEE)</th></tr></thead>
            <tbody>{report.created.slice(0, 1000).map((c) => <tr key={c.siret}><td>{c.row}</td><td>{c.name}{c.splitFrom.length > 0 && <> (scission de {c.splitFrom.join(', ')})</>}</td><td>{c.kind}</td><td>{c.communeCode}</td></tr>)}</tbody>
          </table>
        </details>
      )}
      {report.absent.length > 0 && (
        <details>
          <summary>Absentes du fichier ({report.absent.length})</summary>
          <ul>{report.absent.slice(0, 500).map((a) => <li key={a.id}>{a.name} <span className="muted">({a.siret ?? 'sans SIRET'})</span></li>)}</ul>
        </details>
      )}
    </div>
  );
}
