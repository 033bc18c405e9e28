import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../lib/api';
import type { Membership, Structure } from '../lib/types';
import { useApi } from '../lib/useApi';
import { useSubmit } from '../lib/useSubmit';
import { ErrorAlert, Show } from '../components/Status';
import { plural } from '../lib/labels';

const stateText = { open: 'en attente', done: 'corrigée', declined: 'refusée' } as const;

const reviews = (ms: Membership[], s: Structure) => ms.some((m) => m.role === 'national_admin'
  || (m.role === 'regional_coordinator' && m.regionCode === s.regionCode) || (m.role === 'correspondent' && m.departementCode === s.departementCode));

/**
 * The identity sheet where it is known: the territory's correspondents (and the nation) correct it, with the
 * directory's checks; the structure's people ask them for a correction and follow their requests.
 */
export function IdentityPanel({ s, memberships, onChange }: { s: Structure; memberships: Membership[]; onChange: () => void }) {
  const reviewer = reviews(memberships, s);
  const member = memberships.some((m) => m.structureId === s.id && ['director', 'contributor', 'board_member'].includes(m.role));
  const [version, setVersion] = useState(0);
  const list = useApi(reviewer || member ? `corrections-${s.id}-${version}` : null, (signal) => api.get(`/structures/${s.id}/corrections`, undefined, signal));
  const reload = () => setVersion((v) => v + 1);
  const close = useSubmit(reload);
  if (!reviewer && !member) return null;
  return (
    <section className="panel" aria-labelledby="identity-edit-title">
      <h2 id="identity-edit-title">{reviewer ? 'Corriger la fiche d’identité' : 'Demander une correction de la fiche'}</h2>
      {reviewer ? <EditForm s={s} onSaved={onChange} /> : <RequestForm structureId={s.id} onSent={reload} />}
      <Show loaded={list}>
        {(items) => items.length === 0 ? <p>Aucune demande de correction.</p> : (
          <>
            <h3>Demandes de correction</h3>
            {close.error && <ErrorAlert error={close.error} />}
            <ul className="corrections">
              {items.map((c) => (
                <li key={c.id}>
                  <p>« {c.body} » — {c.authorName ?? 'compte supprimé'}, le {new Date(c.createdAt).toLocaleDateString('fr-FR')} ({stateText[c.state]})</p>
                  {reviewer && c.state === 'open' && (
                    <>
                      <button type="button" className="button small" disabled={close.busy} onClick={() => close.run(() => api.post(`/structures/${s.id}/corrections/${c.id}/close`, { state: 'done' }))}>Marquer la demande n° {c.id} comme corrigée</button>{' '}
                      <button type="button" className="button small" disabled={close.busy} onClick={() => close.run(() => api.post(`/structures/${s.id}/corrections/${c.id}/close`, { state: 'declined' }))}>Refuser la demande n° {c.id}</button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </Show>
    </section>
  );
}

function EditForm({ s, onSaved }: { s: Structure; onSaved: () => void }) {
  const initial = {
    nom: s.name, adresse: s.address ?? '', code_postal: s.postalCode ?? '', code_commune: s.communeCode,
    gestion: s.management, federation: s.federationMember ? 'oui' : 'non', courriel_direction: s.email ?? '',
  };
  const [v, setV] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (k: keyof typeof initial, label: string, type = 'text') => (
    <div className="field"><label htmlFor={`idf-${k}`}>{label}</label><input id={`idf-${k}`} type={type} value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} /></div>
  );
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true); setError(null); setSaved(null);
    try {
      const patch = Object.fromEntries(Object.entries(v).filter(([k, x]) => x !== initial[k as keyof typeof initial]));
      const r = await api.patch(`/structures/${s.id}/identity`, patch);
      setSaved(r.changes.length ? `${plural(r.changes.length, 'champ corrigé', 'champs corrigés')} ; la correction est tracée.` : 'Rien à corriger.');
      if (r.changes.length) onSaved();
    } catch (err) { setError(err instanceof ApiError ? err : new ApiError(0, 'internal', 'La correction a échoué.')); } finally { setBusy(false); }
  }
  return (
    <form onSubmit={submit}>
      {field('nom', 'Nom')}
      {field('adresse', 'Adresse')}
      {field('code_postal', 'Code postal')}
      {field('code_commune', 'Code commune INSEE')}
      <div className="field"><label htmlFor="idf-gestion">Mode de gestion</label>
        <select id="idf-gestion" value={v.gestion} onChange={(e) => setV({ ...v, gestion: e.target.value })}>
          <option value="association">Association</option><option value="collectivite">Collectivité locale</option><option value="caf">CAF (gestion directe)</option><option value="autre">Autre</option>
        </select></div>
      <div className="field"><label htmlFor="idf-federation">Adhérente à la fédération</label>
        <select id="idf-federation" value={v.federation} onChange={(e) => setV({ ...v, federation: e.target.value })}><option value="oui">oui</option><option value="non">non</option></select></div>
      {field('courriel_direction', 'Courriel de la direction', 'email')}
      <button type="submit" className="button primary" disabled={busy}>{busy ? 'Enregistrement…' : 'Enregistrer la correction'}</button>
      <div aria-live="polite">{error && <ErrorAlert error={error} />}{saved && <p className="success">{saved}</p>}</div>
    </form>
  );
}

function RequestForm({ structureId, onSent }: { structureId: number; onSent: () => void }) {
  const [body, setBody] = useState('');
  const send = useSubmit(() => { setBody(''); onSent(); });
  return (
    <form onSubmit={(e) => { e.preventDefault(); void send.run(() => api.post(`/structures/${structureId}/corrections`, { body })); }}>
      <p>La fiche est tenue par les correspondants du territoire : décrivez ce qui est à corriger, ils le verront dans leur liste de demandes.</p>
      <div className="field"><label htmlFor="correction-body">Correction demandée</label>
        <textarea id="correction-body" rows={3} required minLength={5} maxLength={2000} value={body} onChange={(e) => setBody(e.target.value)} /></div>
      <button type="submit" className="button" disabled={send.busy}>Envoyer la demande</button>
      <div aria-live="polite">{send.error && <ErrorAlert error={send.error} />}</div>
    </form>
  );
}
