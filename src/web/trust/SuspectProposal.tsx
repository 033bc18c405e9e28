import { useState } from 'react';
import { api, ApiError } from '../lib/api';
import { ErrorAlert } from '../components/Status';
import { formatPercent, showAmount } from './labels';
import type { FindingSuspect, StoredAnswer } from './types';

/**
 * The answer a finding points at and, when the engine sees a likely slip, the correction it proposes:
 * « 45 000 € ? vous avez saisi 4 500 000 € ». The structure accepts it (the answer is saved like any other
 * change, with its author and version) or refuses it (a comment records that the typed value is right);
 * nothing is ever changed without that click. Correspondents see the proposal, not the buttons.
 */
export function SuspectProposal({ responseId, suspect, label, unit, answer, canDecide, anchor, onDone }: {
  responseId: number; suspect: FindingSuspect; label: string; unit?: string; answer?: StoredAnswer; canDecide: boolean; anchor: string; onDone: () => void;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const typed = typeof answer?.value === 'number' ? answer.value : null;
  const fix = suspect.correction;
  async function decide(accept: boolean) {
    if (!fix) return;
    setBusy(true); setError(null);
    try {
      if (accept) {
        await api.put(`/responses/${responseId}/answers/${encodeURIComponent(suspect.code)}`, { value: fix.value, baseVersion: answer?.version ?? 0 });
        setDone(`Correction enregistrée : « ${label} » vaut maintenant ${showAmount(fix.value, unit)}.`);
      } else {
        await api.post(`/responses/${responseId}/comments`, { code: suspect.code, kind: 'comment',
          body: `Correction proposée refusée : la valeur saisie (${typed === null ? '—' : showAmount(typed, unit)}) est juste, et non ${showAmount(fix.value, unit)}.` });
        setDone('Refus enregistré : la valeur saisie est conservée et votre réponse est notée pour le correspondant.');
      }
      onDone();
    } catch (e) { setError(e instanceof ApiError ? e : new ApiError(0, 'internal', 'La décision n’a pas pu être enregistrée.')); }
    finally { setBusy(false); }
  }
  return (
    <div className="suspect">
      <p>Réponse la plus probablement en cause : <a href={`#${anchor}`}><strong>{label}</strong></a> ({formatPercent(suspect.likelihood)} de probabilité).</p>
      {fix && typed !== null && (
        <p className="suspect-fix">Correction proposée : <strong>{showAmount(fix.value, unit)}</strong> ? vous avez saisi {showAmount(typed, unit)} ({fix.reason}).</p>
      )}
      <div role="status" aria-live="polite">{done && <p className="alert alert-info">{done}</p>}</div>
      {error && <ErrorAlert error={error} />}
      {fix && typed !== null && canDecide && !done && (
        <div className="actions">
          <button type="button" className="button button-small" disabled={busy} onClick={() => decide(true)}
            aria-label={`Accepter la correction de « ${label} » : ${showAmount(fix.value, unit)}`}>Accepter la correction</button>
          <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => decide(false)}
            aria-label={`Refuser : la valeur saisie est juste (« ${label} »)`}>Refuser : la valeur saisie est juste</button>
        </div>
      )}
    </div>
  );
}
