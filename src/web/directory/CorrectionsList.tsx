import { api } from '../lib/api';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { Show } from '../components/Status';

/** Open correction requests of the structures one follows, each linked to the structure's sheet where it is corrected. */
export function CorrectionsList() {
  const list = useApi('open-corrections', (signal) => api.get('/directory/corrections', undefined, signal));
  return (
    <section className="panel" aria-labelledby="corrections-title">
      <h2 id="corrections-title">Demandes de correction des fiches</h2>
      <Show loaded={list}>
        {(items) => items.length === 0 ? <p>Aucune demande en attente.</p> : (
          <ul>{items.map((c) => <li key={c.id}><Link to={`/structures/${c.structureId}`}>{c.structureName}</Link> : « {c.body} » ({c.authorName ?? '—'}, le {new Date(c.createdAt).toLocaleDateString('fr-FR')})</li>)}</ul>
        )}
      </Show>
    </section>
  );
}
