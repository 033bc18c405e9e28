import { useEffect, useId, useState, type ReactNode } from 'react';
import type { Question } from 'survey-core';
import { ReactElementFactory } from 'survey-react-ui';
import { api, ApiError } from '../lib/api';
import { useFilling } from './context';
import { formatMoment, formatValue } from './format';
import { useStore } from './store';
import { isAnswerable } from './survey';
import type { HistoryRow } from './types';
import { QueryThread } from '../trust/QueryThread';

export const ANSWER_WRAPPER = 'senacs-answer-content';

/** SurveyJS renders each question's content through this: the input, then our footer. */
function AnswerContent({ element, question }: { element: ReactNode; question: Question }) {
  return (
    <>
      {element}
      {isAnswerable(question) && <AnswerFooter question={question} />}
    </>
  );
}

ReactElementFactory.Instance.registerElement(ANSWER_WRAPPER, (props) => <AnswerContent {...(props as { element: ReactNode; question: Question })} />);

const kindText: Record<string, string> = { save: 'Modification', confirm: 'Confirmation', prefill: 'Reprise de l’an dernier' };

/** Who answered and when, "to confirm" for last year's answers, the conflict if any, comments and history. */
function AnswerFooter({ question }: { question: Question }) {
  const f = useFilling();
  const code = question.name;
  const meta = useStore(f.store, (s) => s.answers.get(code));
  const pending = useStore(f.store, (s) => s.pending.has(code));
  const offline = useStore(f.store, (s) => s.offline);
  const error = useStore(f.store, (s) => s.fieldErrors.get(code));
  const conflict = useStore(f.store, (s) => s.conflicts.find((c) => c.code === code));
  const comments = useStore(f.store, (s) => s.comments.get(code));
  const queries = useStore(f.store, (s) => s.queries.get(code));
  const [open, setOpen] = useState<'comments' | 'history' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  const label = question.processedTitle || code;

  async function confirm() {
    if (!meta) return;
    setConfirming(true);
    try {
      const r = await api.post(`/responses/${f.responseId}/answers/${encodeURIComponent(code)}/confirm`, { baseVersion: meta.version });
      f.store.setAnswer({ ...meta, value: r.value, version: r.version, author: f.me.name, at: new Date().toISOString(), prefilled: false });
    } catch (e) {
      f.store.setFieldError(code, e instanceof ApiError ? e.message : 'La confirmation a échoué.');
    } finally {
      setConfirming(false);
    }
  }

  let who: string;
  if (pending && !conflict) who = offline ? 'Modification gardée dans ce navigateur, envoyée au retour du réseau.' : 'Modification en cours d’enregistrement…';
  else if (!meta) who = 'Pas encore de réponse.';
  else if (meta.prefilled) who = 'Réponse reprise de l’an dernier.';
  // Answers imported or seeded have no author: only their time is known.
  else who = `${meta.author ? `Saisi par ${meta.author}` : 'Enregistré'}${meta.at ? `, le ${formatMoment(meta.at)}` : ''}.`;

  return (
    <div className="answer-footer" data-answer-footer={code}>
      <p className="answer-meta">
        {meta?.prefilled && !pending && <span className="tag tag-confirm">À confirmer (réponse de l’an dernier)</span>} {who}
      </p>
      {error && <p className="field-error" role="alert">{error}</p>}
      {conflict && (
        <div className="conflict" role="alert">
          <p>
            <strong>{conflict.theirs.author ?? 'Quelqu’un'}</strong> a enregistré « {formatValue(conflict.theirs.value)} » pendant que vous
            saisissiez « {formatValue(conflict.mine)} ». Quelle valeur garder ?
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => f.saver.resolve(code, 'mine')}>
              Garder ma valeur<span className="visually-hidden"> pour « {label} »</span>
            </button>
            <button type="button" className="button button-secondary" onClick={() => f.saver.resolve(code, 'theirs')}>
              Garder celle de {conflict.theirs.author ?? 'l’autre personne'}<span className="visually-hidden"> pour « {label} »</span>
            </button>
          </div>
        </div>
      )}
      {queries && queries.length > 0 && (
        <div className="answer-queries">
          {queries.map((q) => (
            <QueryThread key={q.id} query={q} label={label} side="structure" responseId={f.responseId} inline
              answer={meta ? { value: meta.value, version: meta.version } : undefined}
              onChange={f.reloadQueries} />
          ))}
        </div>
      )}
      <div className="answer-actions">
        {meta?.prefilled && !pending && !f.readOnly && (
          <button type="button" className="button button-small" onClick={confirm} disabled={confirming}>
            Confirmer<span className="visually-hidden"> la réponse « {label} »</span>
          </button>
        )}
        <button type="button" className="link-button" aria-expanded={open === 'comments'} aria-controls={`${id}-comments`}
          onClick={() => setOpen(open === 'comments' ? null : 'comments')}>
          Commentaires ({comments?.length ?? 0})<span className="visually-hidden"> sur « {label} »</span>
        </button>
        <button type="button" className="link-button" aria-expanded={open === 'history'} aria-controls={`${id}-history`}
          onClick={() => setOpen(open === 'history' ? null : 'history')}>
          Historique<span className="visually-hidden"> de « {label} »</span>
        </button>
      </div>
      {open === 'comments' && <Comments id={`${id}-comments`} code={code} label={label} />}
      {open === 'history' && <History id={`${id}-history`} code={code} version={meta?.version ?? 0} />}
    </div>
  );
}

function Comments({ id, code, label }: { id: string; code: string; label: string }) {
  const f = useFilling();
  const comments = useStore(f.store, (s) => s.comments.get(code)) ?? [];
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function submit() {
    if (!body.trim()) { setError('Écrivez votre commentaire avant de le publier.'); return; }
    setSending(true);
    setError(null);
    try {
      await api.post(`/responses/${f.responseId}/comments`, { code, body, kind: 'comment' });
      setBody('');
      f.reloadComments();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Le commentaire n’a pas été publié.');
    } finally {
      setSending(false);
    }
  }

  return (
    <div id={id} className="answer-panel">
      {comments.length === 0 ? <p className="muted">Aucun commentaire.</p> : (
        <ul className="comment-list" aria-label={`Commentaires sur « ${label} »`}>
          {comments.map((c) => (
            <li key={c.id}>
              <p className="comment-head"><strong>{c.authorName}</strong> · {formatMoment(c.at)}{c.kind !== 'comment' && <> · <span className="tag">{c.kind === 'proposal' ? 'Proposition' : 'Justification'}</span></>}</p>
              <p className="comment-body">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      {/* Not a <form>: SurveyJS renders the survey inside its own form, and forms must not nest. */}
      <div className="comment-form" role="group" aria-label={`Nouveau commentaire sur « ${label} »`}>
        <label htmlFor={`${id}-body`}>Votre commentaire<span className="visually-hidden"> sur « {label} »</span></label>
        <textarea id={`${id}-body`} rows={2} value={body} onChange={(e) => setBody(e.target.value)} maxLength={4000}
          aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
        {error && <p id={`${id}-error`} className="field-error" role="alert">{error}</p>}
        <button type="button" className="button button-small" onClick={submit} disabled={sending}>Publier<span className="visually-hidden"> le commentaire</span></button>
      </div>
    </div>
  );
}

function History({ id, code, version }: { id: string; code: string; version: number }) {
  const f = useFilling();
  const [rows, setRows] = useState<HistoryRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stale = false;
    api.get(`/responses/${f.responseId}/answers/${encodeURIComponent(code)}/history`).then(
      (r) => { if (!stale) setRows(r.items); },
      (e: unknown) => { if (!stale) setError(e instanceof ApiError ? e.message : 'Historique indisponible.'); },
    );
    return () => { stale = true; };
  }, [f.responseId, code, version]);
  return (
    <div id={id} className="answer-panel">
      {error && <p className="field-error">{error}</p>}
      {!rows && !error && <p className="loading" role="status">Chargement de l’historique…</p>}
      {rows && rows.length === 0 && <p className="muted">Aucune modification enregistrée.</p>}
      {rows && rows.length > 0 && (
        <table className="table history-table">
          <caption className="visually-hidden">Historique de la réponse</caption>
          <thead><tr><th scope="col">Quand</th><th scope="col">Qui</th><th scope="col">Quoi</th><th scope="col">Avant</th><th scope="col">Après</th></tr></thead>
          <tbody>
            {[...rows].reverse().map((r) => (
              <tr key={r.id}>
                <td>{formatMoment(r.at)}</td>
                <td>{r.authorName ?? '—'}</td>
                <td>{kindText[r.kind] ?? r.kind}</td>
                <td>{r.kind === 'prefill' ? '—' : formatValue(r.previous)}</td>
                <td>{formatValue(r.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
