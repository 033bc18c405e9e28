import '../ess/ess.css';
import type { ApiResponse } from '../../http/apiTypes';
import { useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { useApi } from '../lib/useApi';
import { useSubmit } from '../lib/useSubmit';
import { Link } from '../components/Link';
import { ErrorAlert, Show } from '../components/Status';
import { kindOptions, partnerKindLabel, partnerThemeLabel, themeOptions, type PartnerItem } from './labels';

type PartnersView = ApiResponse<'get', `/structures/${number}/partners`>;

/** A structure's declared partners: the list, the form to declare one (its people), and the director's sharing choice. */
export function StructurePartnersPage({ id }: { id: string }) {
  const [version, setVersion] = useState(0);
  const loaded = useApi(`${id}:${version}`, (signal) => api.get(`/structures/${encodeURIComponent(id)}/partners`, undefined, signal), { keepPrevious: true });
  const reload = () => setVersion((v) => v + 1);
  return (
    <>
      <nav aria-label="Fil d’Ariane" className="breadcrumb">
        <ol><li><Link to="/">Accueil</Link></li><li><Link to={`/structures/${id}`}>Fiche structure</Link></li><li aria-current="page">Partenaires</li></ol>
      </nav>
      <h1>Partenaires de la structure</h1>
      <p><Link to="/partenaires">Chercher qui travaille avec quels partenaires près de chez vous</Link></p>
      <Show loaded={loaded} loadingText="Chargement des partenaires…">
        {(v) => (
          <>
            <Sharing view={v} onChange={reload} />
            <section className="panel" aria-labelledby="partners-list">
              <h2 id="partners-list">Partenaires déclarés ({v.partners.length}) <span className="tag">Privé</span></h2>
              {v.partners.length === 0 ? <p>Aucun partenaire déclaré.</p> : (
                <div className="table-wrap">
                  <table className="table">
                    <caption>Partenaires déclarés par la structure</caption>
                    <thead><tr><th scope="col">Partenaire</th><th scope="col">Type</th><th scope="col">SIRET</th><th scope="col">Thèmes</th>{v.can.edit && <th scope="col">Action</th>}</tr></thead>
                    <tbody>
                      {v.partners.map((p) => (
                        <tr key={p.id}>
                          <th scope="row">{p.name}</th><td>{partnerKindLabel(p.kind)}</td><td>{p.siret ?? '—'}</td>
                          <td>{p.themes.map(partnerThemeLabel).join(', ') || '—'}</td>
                          {v.can.edit && <td><RemoveButton structureId={v.structureId} partner={p} onDone={reload} /></td>}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
            {v.can.edit && <AddPartner structureId={v.structureId} onDone={reload} />}
          </>
        )}
      </Show>
    </>
  );
}

function Sharing({ view, onChange }: { view: PartnersView; onChange: () => void }) {
  const { busy, error, run } = useSubmit(onChange);
  const s = view.sharing;
  const toggle = () => run(() => api.post(`/structures/${view.structureId}/partner-sharing`, { shared: !s.shared }));
  return (
    <section className="panel panel-note" aria-labelledby="partners-sharing">
      <h2 id="partners-sharing">Partage avec le réseau</h2>
      <p role="status">{s.shared ? 'Les partenaires de la structure sont partagés : les autres structures et les correspondants les trouvent dans la recherche et le réseau du département.'
        : 'Les partenaires de la structure ne sont pas partagés : personne en dehors de la structure et de ses correspondants ne les voit.'}
        {s.decidedAt && <> Décision du {new Date(s.decidedAt).toLocaleDateString('fr-FR')}{s.decidedBy ? ` par ${s.decidedBy}` : ''}.</>}</p>
      {view.can.share ? (
        <button type="button" className="button" onClick={toggle} disabled={busy}>{s.shared ? 'Ne plus partager les partenaires' : 'Partager les partenaires avec le réseau'}</button>
      ) : <p className="muted">Seule la direction de la structure décide du partage.</p>}
      {error && <ErrorAlert error={error} />}
    </section>
  );
}

function RemoveButton({ structureId, partner, onDone }: { structureId: number; partner: PartnerItem; onDone: () => void }) {
  const { busy, error, run } = useSubmit(onDone);
  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => run(() => api.del(`/structures/${structureId}/partners/${partner.id}`))} disabled={busy} aria-label={`Retirer ${partner.name}`}>Retirer</button>
      {error && <ErrorAlert error={error} />}
    </>
  );
}

function AddPartner({ structureId, onDone }: { structureId: number; onDone: () => void }) {
  const [kind, setKind] = useState('associations');
  const [name, setName] = useState('');
  const [siret, setSiret] = useState('');
  const [themes, setThemes] = useState<string[]>([]);
  const { busy, error, run } = useSubmit(() => { setName(''); setSiret(''); setThemes([]); onDone(); });
  function submit(e: FormEvent) {
    e.preventDefault();
    void run(() => api.post(`/structures/${structureId}/partners`, { kind, name, siret: siret.trim() || null, themes }));
  }
  return (
    <section className="panel" aria-labelledby="partners-add">
      <h2 id="partners-add">Déclarer un partenaire</h2>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field"><label htmlFor="p-kind">Type de partenaire</label>
          <select id="p-kind" value={kind} onChange={(e) => setKind(e.target.value)}>{kindOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</select></div>
        <div className="field"><label htmlFor="p-name">Nom du partenaire</label>
          <input id="p-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} /></div>
        <div className="field"><label htmlFor="p-siret">SIRET (facultatif, 14 chiffres)</label>
          <input id="p-siret" value={siret} onChange={(e) => setSiret(e.target.value)} inputMode="numeric" maxLength={20} /></div>
        <fieldset className="field">
          <legend>Thèmes du partenariat (6 au plus)</legend>
          <div className="checkbox-grid">
            {themeOptions.map((o) => (
              <label key={o.value} className="checkbox">
                <input type="checkbox" checked={themes.includes(o.value)} onChange={(e) => setThemes((t) => (e.target.checked ? [...t, o.value] : t.filter((x) => x !== o.value)))} /> {o.label}
              </label>
            ))}
          </div>
        </fieldset>
        {error && <ErrorAlert error={error} />}
        <button type="submit" className="button" disabled={busy}>Ajouter le partenaire</button>
      </form>
    </section>
  );
}
