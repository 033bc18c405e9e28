import { Link } from '../components/Link';
import { formatDate, kindLabel } from '../lib/labels';
import { sheetStateLabel, themeName } from './labels';
import type { ActionSheet } from './types';

/** One fiche in a list: title (the link), who and where, themes, the first lines. */
export function SheetSummary({ s, showStructure = true, showState = false }: { s: ActionSheet; showStructure?: boolean; showState?: boolean }) {
  return (
    <li className="sheet-item">
      <h3><Link to={`/fiches-actions/${s.id}`}>{s.title}</Link>{showState && <> <span className={`badge badge-${s.state}`}>{sheetStateLabel(s.state)}</span></>}</h3>
      {showStructure && <p className="sheet-meta">{s.structureName} · {kindLabel(s.structureKind)} · {s.communeName} ({s.departementCode})</p>}
      <ul className="theme-list" aria-label="Thèmes">
        {s.themes.map((t) => <li key={t}><span className="theme-chip">{themeName(t)}</span></li>)}
      </ul>
      <p>{s.summary.length > 220 ? `${s.summary.slice(0, 217)}…` : s.summary}</p>
      {s.publishedAt && <p className="sheet-meta">Publiée le {formatDate(s.publishedAt)}</p>}
    </li>
  );
}
