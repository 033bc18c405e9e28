import { api } from '../lib/api';
import { useSession } from '../lib/session';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { Show } from '../components/Status';
import { canWriteSheets } from './access';
import { SheetSummary } from './SheetSummary';
import './actionSheets.css';

/**
 * A structure's fiches actions: published ones for everyone; with `drafts`, its drafts too and the way to
 * write a new one (its home page). `Heading` follows the page's outline.
 */
export function StructureSheets({ structureId, drafts = false, Heading = 'h2' }: { structureId: number; drafts?: boolean; Heading?: 'h2' | 'h3' }) {
  const { me } = useSession();
  const loaded = useApi(`${structureId}-${drafts}`, (signal) => api.get('/action-sheets', { structure: structureId, drafts: drafts ? 1 : undefined, pageSize: 50 }, signal));
  const writer = canWriteSheets(me, structureId);
  return (
    <section className="panel" aria-labelledby={`sheets-${structureId}`}>
      <div className="panel-head">
        <Heading id={`sheets-${structureId}`}>Fiches actions</Heading>
        {writer && drafts && <Link to={`/structures/${structureId}/fiches-actions/nouvelle`} className="button">Rédiger une fiche action</Link>}
      </div>
      <Show loaded={loaded}>
        {(data) => data.items.length === 0
          ? <p>{drafts ? 'Aucune fiche pour l’instant : partagez une action réussie avec les autres structures.' : 'Cette structure n’a pas encore publié de fiche action.'}</p>
          : <ul className="sheet-list">{data.items.map((s) => <SheetSummary key={s.id} s={s} showStructure={false} showState={drafts} />)}</ul>}
      </Show>
    </section>
  );
}
