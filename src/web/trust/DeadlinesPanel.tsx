import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../lib/api';
import { formatDate } from '../lib/labels';
import { useSession } from '../lib/session';
import { useApi } from '../lib/useApi';
import { ErrorAlert } from '../components/Status';
import type { TerritoryDeadline } from './types';

/**
 * Later deadlines per territory on the cockpit (issue 8): everyone following the campaign sees them; the
 * national administration grants or removes them while the campaign is in preparation or open.
 */
export function DeadlinesPanel({ year, state, closesOn, deadlines, onChange, title = 'Délais par territoire' }: {
  year: string; state: string; closesOn: string; deadlines: TerritoryDeadline[]; onChange: () => void; title?: string;
}) {
  const { me } = useSession();
  const national = me?.memberships.some((m) => m.role === 'national_admin') ?? false;
  const editable = national && (state === 'preparation' || state === 'open');
  const places = useApi(editable ? 'territories' : null, async (signal) => {
    const [regions, departements] = await Promise.all([
      api.get('/territories/regions', undefined, signal),
      api.get('/territories/departements', undefined, signal),
    ]);
    return { regions: regions.items, departements: departements.items };
  });
  const nameOf = (d: TerritoryDeadline) => {
    if (places.status !== 'ok') return d.level === 'region' ? `Région ${d.code}` : `Département ${d.code}`;
    if (d.level === 'region') return places.data.regions.find((r) => r.code === d.code)?.name ?? `Région ${d.code}`;
    const dep = places.data.departements.find((x) => x.code === d.code);
    return dep ? `${dep.name} (${dep.code})` : `Département ${d.code}`;
  };
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [level, setLevel] = useState<'departement' | 'region'>('departement');
  const [code, setCode] = useState('');
  const [date, setDate] = useState('');
  const id = useId();

  async function save(body: { level: string; code: string; date: string | null }, done: string) {
    setBusy(true); setError(null); setMessage(null);
    try {
      await api.put(`/campaigns/${year}/deadlines`, body);
      setMessage(done);
      onChange();
    } catch (e) { setError(e instanceof ApiError ? e : new ApiError(0, 'internal', 'Le délai n’a pas été enregistré.')); }
    finally { setBusy(false); }
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!code || !date) { setError(new ApiError(400, 'validation_failed', 'Choisissez un territoire et une date.')); return; }
    void save({ level, code, date }, `Délai accordé jusqu’au ${formatDate(date)}.`);
  }
  const options = places.status === 'ok' ? (level === 'region' ? places.data.regions : places.data.departements) : [];

  return (
    <div className="panel deadlines-panel">
      <h2>{title}</h2>
      <p className="muted">
        La campagne se termine le {formatDate(closesOn)}. Un territoire peut avoir un délai plus tardif : le plus précis s’applique
        (celui du département, sinon celui de la région). Il compte pour le taux de réponses à temps et pour les relances.
      </p>
      {deadlines.length === 0 ? <p>Aucun délai particulier.</p> : (
        <table className="table">
          <caption className="visually-hidden">Délais accordés par territoire, campagne {year}</caption>
          <thead><tr><th scope="col">Territoire</th><th scope="col">Date limite</th>{editable && <th scope="col">Action</th>}</tr></thead>
          <tbody>
            {deadlines.map((d) => (
              <tr key={`${d.level}:${d.code}`}>
                <th scope="row">{nameOf(d)}</th>
                <td>{formatDate(d.date)}</td>
                {editable && (
                  <td>
                    <button type="button" className="button button-secondary button-small" disabled={busy}
                      onClick={() => void save({ level: d.level, code: d.code, date: null }, `Délai retiré pour ${nameOf(d)}.`)}>
                      Retirer<span className="visually-hidden"> le délai de {nameOf(d)}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div role="status" aria-live="polite">{message && <p className="alert alert-info">{message}</p>}</div>
      {error && <ErrorAlert error={error} />}
      {editable && (
        <form className="form inline-form deadline-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
          <h3 id={`${id}-title`}>Accorder un délai<span className="visually-hidden"> (campagne {year})</span></h3>
          <div className="field">
            <label htmlFor={`${id}-level`}>Niveau</label>
            <select id={`${id}-level`} value={level} onChange={(e) => { setLevel(e.target.value as 'departement' | 'region'); setCode(''); }}>
              <option value="departement">Département</option>
              <option value="region">Région</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-code`}>Territoire</label>
            <select id={`${id}-code`} value={code} onChange={(e) => setCode(e.target.value)} required>
              <option value="">— Choisir —</option>
              {options.map((o) => <option key={o.code} value={o.code}>{level === 'departement' ? `${o.name} (${o.code})` : o.name}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-date`}>Nouvelle date limite</label>
            <input id={`${id}-date`} type="date" value={date} min={closesOn.slice(0, 10)} onChange={(e) => setDate(e.target.value)} required />
          </div>
          <button type="submit" className="button" disabled={busy}>Accorder le délai</button>
        </form>
      )}
    </div>
  );
}
