import { useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { managementLabel, qpvLabel, territoryTypeLabel } from '../lib/labels';
import { useApi } from '../lib/useApi';
import { withRegion } from '../lib/listFilters';

export const filterNames = ['q', 'region', 'departement', 'kind', 'management', 'qpv', 'territory'] as const;
export type Filters = Record<(typeof filterNames)[number], string>;

const managementModes = ['association', 'collectivite', 'caf', 'autre'];
const qpvStatuses = ['inside', 'nearby', 'serving', 'none'];

interface Props { initial: Filters; onSearch: (f: Filters) => void }

/** Search box and filters; applied on submit so that moving through a list never reloads results. */
export function DirectoryFilters({ initial, onSearch }: Props) {
  const [f, setF] = useState<Filters>(initial);
  const regions = useApi('regions', (signal) => api.get('/territories/regions', undefined, signal));
  const departements = useApi(`departements-${f.region}`, (signal) =>
    api.get('/territories/departements', { region: f.region }, signal));
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setF((old) => ({ ...old, [k]: e.target.value }));

  function onRegion(e: { target: { value: string } }) {
    setF((old) => withRegion(old, e.target.value));
  }
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    onSearch(f);
  }

  const regionItems = regions.status === 'ok' ? regions.data.items : [];
  const depItems = departements.status === 'ok' ? departements.data.items : [];
  return (
    <form className="filters panel" onSubmit={onSubmit} role="search" aria-label="Rechercher une structure">
      <div className="field field-wide">
        <label htmlFor="f-q">Rechercher <span className="hint">(nom, commune ou code postal)</span></label>
        <input id="f-q" type="search" value={f.q} onChange={set('q')} maxLength={100} />
      </div>
      <div className="filter-grid">
        <div className="field">
          <label htmlFor="f-region">Région</label>
          <select id="f-region" value={f.region} onChange={onRegion}>
            <option value="">Toutes les régions</option>
            {regionItems.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-departement">Département</label>
          <select id="f-departement" value={f.departement} onChange={set('departement')}>
            <option value="">Tous les départements</option>
            {depItems.map((d) => <option key={d.code} value={d.code}>{d.code} – {d.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-kind">Type de structure</label>
          <select id="f-kind" value={f.kind} onChange={set('kind')}>
            <option value="">Tous les types</option>
            <option value="CS">Centre social (CS)</option>
            <option value="EVS">Espace de vie sociale (EVS)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-management">Mode de gestion</label>
          <select id="f-management" value={f.management} onChange={set('management')}>
            <option value="">Tous les modes</option>
            {managementModes.map((m) => <option key={m} value={m}>{managementLabel(m)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-qpv">Quartier prioritaire (QPV)</label>
          <select id="f-qpv" value={f.qpv} onChange={set('qpv')}>
            <option value="">Toutes situations</option>
            {qpvStatuses.map((q) => <option key={q} value={q}>{qpvLabel(q)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-territory">Territoire</label>
          <select id="f-territory" value={f.territory} onChange={set('territory')}>
            <option value="">Urbain et rural</option>
            {['urban', 'rural'].map((t) => <option key={t} value={t}>{territoryTypeLabel(t)}</option>)}
          </select>
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button">Rechercher</button>
        <button type="button" className="button button-secondary"
          onClick={() => { const empty = Object.fromEntries(filterNames.map((n) => [n, ''])) as Filters; setF(empty); onSearch(empty); }}>
          Effacer les filtres
        </button>
      </div>
    </form>
  );
}
