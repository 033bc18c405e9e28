import './trust.css';
import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../lib/api';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { pluralWord } from '../lib/labels';
import { StateBadge } from '../components/StateBadge';
import { ErrorAlert, Show } from '../components/Status';
import { kindLabel, levelLabel, questionsOf, showValue } from './labels';
import { QueryThread } from './QueryThread';
import { SuspectProposal } from './SuspectProposal';
import { editableByStructure } from '../../domain/responseState';
import type { QualityFinding, ResponseQuality } from './types';

const anchor = (code: string) => `q-${code.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** `/controle/:id`: a correspondent reviews a response: findings and why, answers, queries, validate or reopen. */
export function ReviewPage({ id }: { id: string }) {
  const [reload, setReload] = useState(0);
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const loaded = useApi(`${id}/${reload}`, async (signal) => {
    const [detail, quality, queries, definition] = await Promise.all([
      api.get(`/responses/${id}`, undefined, signal),
      api.get(`/responses/${id}/quality`, undefined, signal),
      api.get(`/responses/${id}/queries`, undefined, signal),
      api.get(`/responses/${id}/questionnaire`, undefined, signal),
    ]);
    return { detail, quality, queries: queries.items, questions: questionsOf(definition) };
  }, { keepPrevious: true });
  const refresh = () => setReload((n) => n + 1);
  return (
    <Show loaded={loaded} loadingText="Chargement de la réponse…">
      {({ detail, quality, queries, questions }) => {
        const r = detail.response;
        const labels = new Map(questions.map((q) => [q.code, q.label]));
        const units = new Map(questions.map((q) => [q.code, q.unit]));
        // Answers a finding (error or warning) names as the most likely wrong one: highlighted in the table.
        const suspects = new Set(quality.findings.filter((f) => f.level !== 'info' && f.suspect).map((f) => f.suspect!.code));
        const canDecide = detail.can.fill && r.campaignState === 'open' && editableByStructure(r.state);
        const byCode = new Map<string, QualityFinding[]>();
        for (const f of quality.findings) for (const c of f.codes) byCode.set(c, [...(byCode.get(c) ?? []), f]);
        const answers = new Map(detail.answers.map((a) => [a.code, a]));
        const questioned = new Set(queries.filter((q) => q.state !== 'closed').map((q) => q.code));
        return (
          <>
            <nav aria-label="Fil d’Ariane" className="breadcrumb"><ol><li><Link to="/">Accueil</Link></li><li><Link to={`/structures/${r.structureId}`}>{r.structureName}</Link></li><li aria-current="page">Contrôle {r.year}</li></ol></nav>
            <h1>Contrôle de la réponse {r.year} – {r.structureName}</h1>
            <ul className="key-figures" aria-label="Synthèse">
              <li><span className="figure">{quality.score ?? '—'}<span className="figure-unit"> / 100</span></span> score de qualité</li>
              <li><span className="figure">{quality.findings.filter((f) => f.level !== 'info').length}</span> {pluralWord(quality.findings.filter((f) => f.level !== 'info').length, 'incohérence ou alerte', 'incohérences ou alertes')}</li>
              <li><span className="figure">{questioned.size}</span> {pluralWord(questioned.size, 'question en cours', 'questions en cours')}</li>
              <li>État : <StateBadge state={r.state} /></li>
            </ul>
            <Review responseId={r.id} state={r.state} canReview={detail.can.review} hasOpenQueries={questioned.size > 0} onDone={refresh} />
            <Contacts quality={quality} />
            <section className="panel" aria-labelledby="findings-title">
              <h2 id="findings-title">Constats du moteur de qualité</h2>
              {quality.findings.length === 0 ? <p>Aucun constat : la réponse est complète et cohérente.</p> : (
                <ul className="findings">
                  {quality.findings.map((f, i) => (
                    <li key={i} className={`finding finding-${f.level}`}>
                      <p className="finding-head"><strong>{levelLabel[f.level]}</strong> · {kindLabel[f.kind] ?? f.kind}</p>
                      <p>{f.reason}</p>
                      {f.suspect && f.level !== 'info' && (
                        <SuspectProposal responseId={r.id} suspect={f.suspect} label={labels.get(f.suspect.code) ?? f.suspect.code} unit={units.get(f.suspect.code)}
                          answer={answers.get(f.suspect.code)} canDecide={canDecide} anchor={anchor(f.suspect.code)} onDone={refresh} />
                      )}
                      {f.codes.length > 1 && f.codes.length <= 12 && <p className="finding-codes">{f.suspect ? 'Lues aussi (contexte)' : 'Réponses concernées'} : {(f.suspect ? f.codes.filter((c) => c !== f.suspect!.code) : f.codes).map((c, j) => <span key={c}>{j > 0 && ', '}<a href={`#${anchor(c)}`}>{labels.get(c) ?? c}</a></span>)}</p>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {queries.length > 0 && (
              <section className="panel" aria-labelledby="queries-title">
                <h2 id="queries-title">Questions posées à la structure</h2>
                {queries.map((q) => <QueryThread key={q.id} query={q} label={labels.get(q.code) ?? q.code} side="reviewer" responseId={r.id} answer={answers.get(q.code)} onChange={refresh} />)}
              </section>
            )}
            <section className="panel" aria-labelledby="answers-title">
              <h2 id="answers-title">Réponses</h2>
              <div className="field-inline filter-flagged">
                <input type="checkbox" id="only-flagged" checked={onlyFlagged} onChange={(e) => setOnlyFlagged(e.target.checked)} />
                <label htmlFor="only-flagged">Afficher seulement les réponses concernées par un constat</label>
              </div>
              <div className="table-wrap">
                <table className="table answers-table">
                  <caption className="visually-hidden">Réponses de {r.structureName} en {r.year}, avec les constats</caption>
                  <thead><tr><th scope="col">Question</th><th scope="col">Réponse</th><th scope="col">Constats</th><th scope="col">Action</th></tr></thead>
                  <tbody>
                    {questions.filter((q) => (onlyFlagged ? byCode.has(q.code) : answers.has(q.code) || byCode.has(q.code))).map((q) => {
                      const fs = byCode.get(q.code) ?? [];
                      return (
                        <tr key={q.code} id={anchor(q.code)} className={suspects.has(q.code) ? 'row-flagged row-suspect' : fs.some((f) => f.level !== 'info') ? 'row-flagged' : undefined}>
                          <th scope="row">{q.label}{suspects.has(q.code) && <span className="suspect-badge"> Réponse probablement en cause</span>}</th>
                          <td>{showValue(answers.get(q.code)?.value, q.choices)}</td>
                          <td>{fs.length === 0 ? '—' : <ul className="cell-findings">{fs.map((f, i) => <li key={i}><strong>{levelLabel[f.level]}</strong> : {f.reason}</li>)}</ul>}</td>
                          <td>{detail.can.review && q.type !== 'expression' && !questioned.has(q.code) && ['submitted', 'returned'].includes(r.state)
                            ? <AskQuery responseId={r.id} code={q.code} label={q.label} onDone={refresh} />
                            : questioned.has(q.code) ? <span className="muted">Question en cours</span> : null}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </section>
          </>
        );
      }}
    </Show>
  );
}

function Contacts({ quality }: { quality: ResponseQuality }) {
  const line = (p: ResponseQuality['people']['structure'][number]) => <li key={`${p.id}-${p.role}`}>{p.name} – <a href={`mailto:${p.email}`}>{p.email}</a></li>;
  return (
    <details className="panel contacts">
      <summary>Personnes concernées</summary>
      <h2 className="visually-hidden">Personnes concernées</h2>
      <p><strong>Équipe de la structure</strong></p>
      {quality.people.structure.length ? <ul>{quality.people.structure.map(line)}</ul> : <p className="muted">Aucun compte rattaché.</p>}
      <p><strong>Correspondants du territoire</strong></p>
      <ul>{quality.people.correspondents.map(line)}</ul>
    </details>
  );
}

function AskQuery({ responseId, code, label, onDone }: { responseId: number; code: string; label: string; onDone: () => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true); setError(null);
    try { await api.post(`/responses/${responseId}/queries`, { code, body }); onDone(); }
    catch (err) { setError(err instanceof ApiError ? err : new ApiError(0, 'internal', 'La question n’a pas pu être envoyée.')); }
    finally { setBusy(false); }
  }
  if (!open) return <button type="button" className="button button-secondary button-small" onClick={() => setOpen(true)} aria-label={`Questionner cette réponse : ${label}`}>Questionner cette réponse</button>;
  return (
    <form className="form ask-form" onSubmit={submit}>
      {error && <ErrorAlert error={error} />}
      <div className="field">
        <label htmlFor={`${id}-q`}>Votre question sur « {label} »</label>
        <textarea id={`${id}-q`} value={body} onChange={(e) => setBody(e.target.value)} required rows={3} autoFocus />
      </div>
      <div className="actions">
        <button type="submit" className="button button-small" disabled={busy}>Envoyer la question</button>
        <button type="button" className="button button-secondary button-small" onClick={() => setOpen(false)}>Annuler</button>
      </div>
    </form>
  );
}

function Review({ responseId, state, canReview, hasOpenQueries, onDone }: { responseId: number; state: string; canReview: boolean; hasOpenQueries: boolean; onDone: () => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!canReview) return null;
  async function act(action: 'validate' | 'reopen') {
    setError(null); setDone(null);
    try {
      await api.post(`/responses/${responseId}/${action}`, action === 'reopen' ? { reason } : undefined);
      setDone(action === 'validate' ? 'Réponse validée.' : 'Réponse rouverte : la structure peut de nouveau la modifier.');
      setReason('');
      onDone();
    } catch (e) { setError(e instanceof ApiError ? e : new ApiError(0, 'internal', 'L’action a échoué.')); }
  }
  return (
    <section className="panel" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>Décision</h2>
      <div role="status" aria-live="polite">{done && <p className="alert alert-info">{done}</p>}</div>
      {error && <ErrorAlert error={error} />}
      {state === 'submitted' && (hasOpenQueries
        ? <p>Des questions sont encore ouvertes : closez-les avant de valider.</p>
        : <button type="button" className="button" onClick={() => act('validate')}>Valider</button>)}
      {['submitted', 'validated', 'returned'].includes(state) && (
        <form className="inline-form reopen-form" onSubmit={(e) => { e.preventDefault(); void act('reopen'); }}>
          <div className="field">
            <label htmlFor={`${id}-reason`}>Motif de la réouverture</label>
            <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} required />
          </div>
          <button type="submit" className="button button-secondary">Rouvrir</button>
        </form>
      )}
    </section>
  );
}
