import { plural, pluralWord } from '../lib/labels';
import { useState, type ReactNode } from 'react';
import { api, ApiError } from '../lib/api';
import { ErrorAlert, Show } from '../components/Status';
import { useApi } from '../lib/useApi';
import type { Candidate, } from './types';

const stateLabel = { proposal: 'à confirmer', confirmed: 'confirmée', rejected: 'rejetée' } as const;

/**
 * The rows of an imported data set that matching could only propose: the national administration
 * confirms or rejects each after the import (no need to send the file again); decisions enter the
 * concordance at once and are kept for the next file of the data set.
 */
export function ProposalReview({ name, year, onDecided }: { name: string; year: string; onDecided: () => void }) {
  const [version, setVersion] = useState(0);
  const path = `/external/datasets/${encodeURIComponent(name)}/${encodeURIComponent(year)}/proposals` as const;
  const loaded = useApi(`${path}:${version}`, (signal) => api.get(path, undefined, signal), { keepPrevious: true });
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function save() {
    const decisions = Object.fromEntries(Object.entries(choices).filter(([, v]) => v !== '').map(([line, v]) => [line, v === 'reject' ? null : Number(v)]));
    if (Object.keys(decisions).length === 0) { setError('Choisissez au moins une décision.'); return; }
    setBusy(true); setError(null); setDone(null);
    try {
      const r = await api.post(path, { decisions });
      setDone(`${plural(r.changed, 'décision enregistrée', 'décisions enregistrées')} : la concordance en tient compte.`);
      setChoices({});
      setVersion((v) => v + 1);
      onDecided();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Une erreur inattendue est survenue.');
    } finally { setBusy(false); }
  }

  return (
    <section aria-labelledby="review-title" className="panel">
      <h2 id="review-title">Rapprochements à confirmer</h2>
      <Show loaded={loaded} loadingText="Chargement des rapprochements…">
        {({ items }) => {
          const pending = items.filter((r) => r.state === 'proposal').length;
          if (items.length === 0) return <p>Aucun : chaque ligne est rapprochée par SIRET ou par un nom sans ambiguïté, ou inconnue.</p>;
          return (
            <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
              <p>{plural(pending, 'ligne à confirmer', 'lignes à confirmer')}, {items.length - pending} déjà {pluralWord(items.length - pending, 'décidée', 'décidées')}. Une ligne à confirmer n’entre pas dans la concordance ; les décisions sont gardées pour les prochains fichiers de ce jeu.</p>
              <ul className="proposals">
                {items.map((r) => (
                  <CandidateChoice key={r.line} id={`review-${r.line}`} candidates={r.candidates}
                    keepLabel={r.state === 'proposal' ? 'Laisser à confirmer' : 'Garder la décision'}
                    value={choices[String(r.line)] ?? ''} onChange={(v) => setChoices((c) => ({ ...c, [String(r.line)]: v }))}>
                    Ligne {r.line} : « {r.name} » ({r.commune || 'commune inconnue'}) — {stateLabel[r.state]}
                    {r.state === 'confirmed' && r.structure ? ` : ${r.structure.name}, ${r.structure.commune}` : ''}
                  </CandidateChoice>
                ))}
              </ul>
              <p><button type="submit" className="button" disabled={busy}>Enregistrer les décisions</button></p>
              {error && <ErrorAlert error={error} />}
              {done && <p className="alert alert-info" role="status">{done}</p>}
            </form>
          );
        }}
      </Show>
    </section>
  );
}

/**
 * One proposed row: keep it as it is, confirm one of the closest structures, or reject them all ('reject');
 * the value is '' to keep, a structure id, or 'reject'. Used before the import and after it.
 */
export function CandidateChoice({ id, candidates, keepLabel, value, onChange, children }: {
  id: string; candidates: Candidate[]; keepLabel: string; value: string; onChange: (value: string) => void; children: ReactNode;
}) {
  return (
    <li>
      <label htmlFor={id}>{children}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{keepLabel}</option>
        {candidates.map((c) => <option key={c.structureId} value={String(c.structureId)}>Confirmer : {c.name}, {c.commune} (ressemblance {Math.round(c.score * 100)} %)</option>)}
        <option value="reject">Rejeter : aucune de ces structures</option>
      </select>
    </li>
  );
}
