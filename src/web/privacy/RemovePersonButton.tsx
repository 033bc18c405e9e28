import { useState } from 'react';
import { api } from '../lib/api';
import { useSubmit } from '../lib/useSubmit';
import { ErrorAlert } from '../components/Status';

/** Removes a person (POST /api/people/:id/removal) in two steps, so one click never removes anyone. */
export function RemovePersonButton({ person, onDone }: { person: { id: number; name: string }; onDone: (message: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useSubmit(() => {});
  if (!confirming) return <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>Retirer<span className="visually-hidden"> {person.name}</span></button>;
  return (
    <div>
      <button type="button" className="button" disabled={busy} onClick={() => void run(async () => {
        const r = await api.post(`/people/${person.id}/removal`);
        onDone(`${person.name} a été retiré·e : désormais « ${r.pseudonym} ».`);
      })}>Confirmer le retrait de {person.name}</button>{' '}
      <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>Annuler</button>
      {error && <ErrorAlert error={error} />}
    </div>
  );
}
