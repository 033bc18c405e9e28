import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../lib/api';
import { navigate, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { ErrorAlert, Show } from '../components/Status';
import { canPublishSheets } from './access';
import { actionSheetTextFields, actionSheetThemes, sheetStateLabel } from './labels';
import type { ActionSheet } from './types';
import './actionSheets.css';

type Form = Record<(typeof actionSheetTextFields)[number][0], string> & { title: string; themes: string[]; keywords: string };
const empty: Form = { title: '', themes: [], keywords: '', summary: '', audience: '', partners: '', resources: '', resultsTerritory: '', resultsCentre: '', resultsInhabitants: '', limits: '', nextSteps: '' };
const toForm = (s: ActionSheet): Form => ({ ...empty, ...Object.fromEntries(actionSheetTextFields.map(([k]) => [k, s[k]])), title: s.title, themes: s.themes, keywords: s.keywords.join(', ') });
const toBody = (f: Form) => ({ ...f, keywords: f.keywords.split(',').map((k) => k.trim()).filter(Boolean) });

/** Writing a new fiche for a structure (its team). */
export function NewActionSheetPage({ structureId }: { structureId: string }) {
  return (
    <>
      <h1>Nouvelle fiche action</h1>
      <p className="lead">Racontez une action de votre structure. Elle reste un brouillon, visible de votre équipe et de vos correspondants, jusqu’à sa publication par la direction.</p>
      <Editor structureId={Number(structureId)} initial={empty} />
    </>
  );
}

/** Changing an existing fiche; the director also publishes it or takes it back. */
export function EditActionSheetPage({ id }: { id: string }) {
  const created = useLocation().search.get('nouvelle') === '1';
  const loaded = useApi(id, (signal) => api.get(`/action-sheets/${encodeURIComponent(id)}`, undefined, signal));
  return (
    <>
      <h1>Modifier la fiche action</h1>
      <Show loaded={loaded}>{(s) => <Editor key={s.id} structureId={s.structureId} sheet={s} initial={toForm(s)} notice={created ? 'Brouillon enregistré.' : null} />}</Show>
    </>
  );
}

function Editor({ structureId, sheet, initial, notice: firstNotice = null }: { structureId: number; sheet?: ActionSheet; initial: Form; notice?: string | null }) {
  const { me } = useSession();
  const [f, setF] = useState<Form>(initial);
  const [current, setCurrent] = useState<ActionSheet | undefined>(sheet);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(firstNotice);
  const [busy, setBusy] = useState(false);
  const director = canPublishSheets(me, structureId);
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setF((old) => ({ ...old, [k]: e.target.value }));
  const toggle = (code: string) => setF((old) => ({ ...old, themes: old.themes.includes(code) ? old.themes.filter((t) => t !== code) : [...old.themes, code] }));

  async function run(what: () => Promise<ActionSheet>, done: string) {
    setBusy(true); setError(null); setNotice(null);
    try {
      const s = await what();
      setCurrent(s);
      setNotice(done);
      if (!current) navigate(`/fiches-actions/${s.id}/modifier?nouvelle=1`, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Une erreur inattendue est survenue.');
    } finally { setBusy(false); }
  }
  function onSave(e: FormEvent) {
    e.preventDefault();
    void run(() => (current ? api.put(`/action-sheets/${current.id}`, toBody(f)) : api.post(`/structures/${structureId}/action-sheets`, toBody(f))), 'Fiche enregistrée.');
  }
  const publish = (state: 'publish' | 'unpublish') => current && run(async () => {
    await api.put(`/action-sheets/${current.id}`, toBody(f));
    return api.post(`/action-sheets/${current.id}/${state}`);
  }, state === 'publish' ? 'Fiche publiée : elle est visible de tous.' : 'Fiche retirée : elle redevient un brouillon.');

  return (
    <form className="form editor panel" onSubmit={onSave} aria-describedby={error ? 'editor-error' : undefined}>
      {current && <p>État : <span className={`badge badge-${current.state}`}>{sheetStateLabel(current.state)}</span>{' '}
        <Link to={`/fiches-actions/${current.id}`}>Voir la fiche</Link></p>}
      <div className="field">
        <label htmlFor="e-title">Titre <span className="hint">(obligatoire)</span></label>
        <input id="e-title" value={f.title} onChange={set('title')} maxLength={160} required />
      </div>
      <fieldset className="theme-checkboxes">
        <legend>Thèmes (jusqu’à 5)</legend>
        {actionSheetThemes.map(([code, label]) => (
          <label key={code}><input type="checkbox" checked={f.themes.includes(code)} onChange={() => toggle(code)} disabled={!f.themes.includes(code) && f.themes.length >= 5} /> {label}</label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="e-keywords">Mots-clés <span className="hint">(séparés par des virgules)</span></label>
        <input id="e-keywords" value={f.keywords} onChange={set('keywords')} maxLength={500} />
      </div>
      {actionSheetTextFields.map(([k, label]) => (
        <div className="field" key={k}>
          <label htmlFor={`e-${k}`}>{label}</label>
          <textarea id={`e-${k}`} value={f[k]} onChange={set(k)} maxLength={k === 'summary' ? 4000 : 3000} rows={k === 'summary' ? 5 : 3} />
        </div>
      ))}
      {error && <div id="editor-error"><ErrorAlert error={error} /></div>}
      <p role="status" className={notice ? 'alert alert-info' : undefined}>{notice}</p>
      <div className="editor-actions">
        <button type="submit" className="button" disabled={busy}>{current ? 'Enregistrer' : 'Enregistrer le brouillon'}</button>
        {director && current?.state === 'draft' && <button type="button" className="button button-secondary" disabled={busy} onClick={() => publish('publish')}>Publier la fiche</button>}
        {director && current?.state === 'published' && <button type="button" className="button button-secondary" disabled={busy} onClick={() => publish('unpublish')}>Retirer la publication</button>}
        <Link to={`/structures/${structureId}`}>Retour à la structure</Link>
      </div>
    </form>
  );
}
