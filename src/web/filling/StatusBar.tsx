import { useFilling } from './context';
import { useStore } from './store';
import type { SaveStatus } from './types';

const statusText: Record<SaveStatus, string> = {
  saved: 'Enregistré',
  saving: 'Enregistrement…',
  offline: 'Hors ligne – modifications conservées',
  error: 'Une modification a été refusée',
};

/** Saved / saving / offline, who else is here, and the conflicts waiting for a choice. */
export function StatusBar({ onGoTo }: { onGoTo: (code: string) => void }) {
  const f = useFilling();
  const status = useStore(f.store, (s) => s.status);
  const offline = useStore(f.store, (s) => s.offline);
  const presence = useStore(f.store, (s) => s.presence);
  const conflicts = useStore(f.store, (s) => s.conflicts);
  const others = presence.filter((p) => p.userId !== f.me.id);
  const pageTitle = (name: string | null) => (name ? f.survey.getPageByName(name)?.processedTitle ?? name : 'ailleurs');
  return (
    <div className="filling-bar">
      {!f.readOnly && (
        <p className={`save-status save-${status}`} role="status" data-status={status}>
          <span aria-hidden="true" className="save-dot" />{statusText[status]}
          {offline && status !== 'offline' && <span className="muted"> · hors ligne</span>}
        </p>
      )}
      <p className="presence">
        {others.length === 0 ? 'Personne d’autre sur le questionnaire en ce moment.' : (
          <>
            En ce moment :{' '}
            {others.map((p, i) => (
              <span key={p.userId}>{i > 0 && ', '}<strong>{p.name}</strong> ({pageTitle(p.section)})</span>
            ))}
          </>
        )}
      </p>
      {conflicts.length > 0 && (
        <div className="conflict-summary">
          <p><strong>{conflicts.length} conflit{conflicts.length > 1 ? 's' : ''} à résoudre :</strong></p>
          <ul>
            {conflicts.map((c) => (
              <li key={c.code}>
                <button type="button" className="link-button" onClick={() => onGoTo(c.code)}>
                  {f.survey.getQuestionByName(c.code)?.processedTitle ?? c.code}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
