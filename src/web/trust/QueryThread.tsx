import { useId, useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { ErrorAlert } from '../components/Status';
import { useSubmit } from '../lib/useSubmit';
import { formatDateTime, messageKindLabel, queryStateLabel, showValue } from './labels';
import type { Query, StoredAnswer } from './types';

type AnswerNow = Pick<StoredAnswer, 'value' | 'version'>;

interface Props {
  query: Query;
  label: string;
  side: 'structure' | 'reviewer';
  responseId: number;
  /** The questioned answer as stored (the structure may change it while replying): its value and version. */
  answer?: AnswerNow;
  onChange: () => void;
  /**
   * Inside the filling page: no <form> (SurveyJS already renders one, and forms must not nest) and no
   * value field (the person corrects the value in the questionnaire, just above).
   */
  inline?: boolean;
}

/** One query on one answer: its messages, then what the reader may do (reply, or close / ask again). */
export function QueryThread({ query, label, side, responseId, answer, onChange, inline = false }: Props) {
  const titleId = useId();
  return (
    <article className="query" aria-labelledby={titleId}>
      <h3 id={titleId} className="query-title">
        « {label} » <span className={`badge query-${query.state}`}>{queryStateLabel[query.state] ?? query.state}</span>
      </h3>
      <p className="muted">Valeur actuelle : <strong>{showValue(answer?.value)}</strong></p>
      <ol className="query-messages">
        {query.messages.map((m, i) => (
          <li key={i} className={`query-message query-message-${m.kind}`}>
            <p className="query-meta">{messageKindLabel[m.kind]} · {m.authorName} · {formatDateTime(m.at)}</p>
            <p className="query-body">{m.body}</p>
          </li>
        ))}
      </ol>
      {query.state !== 'closed' && (side === 'structure'
        ? (query.state === 'open' && (inline ? <InlineReply query={query} label={label} onDone={onChange} /> : <StructureReply query={query} label={label} responseId={responseId} answer={answer} onDone={onChange} />))
        : <ReviewerActions query={query} label={label} onDone={onChange} />)}
    </article>
  );
}

function parseValue(text: string, like: unknown): unknown {
  if (typeof like === 'number' || (like === undefined && /^-?\d+([.,]\d+)?$/.test(text.trim()))) {
    const n = Number(text.trim().replace(/\s/g, '').replace(',', '.'));
    return Number.isFinite(n) ? n : text;
  }
  if (typeof like === 'boolean') return /^(oui|vrai|true|1)$/i.test(text.trim());
  return text;
}

function StructureReply({ query, label, responseId, answer, onDone }: { query: Query; label: string; responseId: number; answer?: AnswerNow; onDone: () => void }) {
  const id = useId();
  const [value, setValue] = useState(answer?.value === undefined || answer?.value === null ? '' : String(answer.value));
  const [body, setBody] = useState('');
  const { busy, error, run } = useSubmit(onDone);
  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const next = parseValue(value, answer?.value);
      if (value.trim() !== '' && next !== answer?.value) {
        await api.put(`/responses/${responseId}/answers/${encodeURIComponent(query.code)}`, { value: next, baseVersion: answer?.version ?? 0 });
      }
      await api.post(`/queries/${query.id}/reply`, { body });
    });
  }
  return (
    <form className="form query-form" onSubmit={submit}>
      {error && <ErrorAlert error={error} />}
      <div className="field">
        <label htmlFor={`${id}-value`}>Valeur corrigée de « {label} » <span className="hint">(laissez la valeur si elle est juste)</span></label>
        <input id={`${id}-value`} value={value} onChange={(e) => setValue(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>Votre réponse au correspondant</label>
        <textarea id={`${id}-body`} value={body} onChange={(e) => setBody(e.target.value)} required rows={3} />
      </div>
      <button type="submit" className="button" disabled={busy}>{busy ? 'Envoi…' : 'Envoyer ma réponse'}</button>
    </form>
  );
}

/** The structure's reply from the filling page: a group, not a form, whose button sends the message. */
function InlineReply({ query, label, onDone }: { query: Query; label: string; onDone: () => void }) {
  const id = useId();
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, error, run } = useSubmit(() => { setBody(''); onDone(); });
  function send() {
    if (!body.trim()) { setMissing(true); return; }
    setMissing(false);
    void run(() => api.post(`/queries/${query.id}/reply`, { body }));
  }
  return (
    <div className="form query-form" role="group" aria-label={`Répondre à la question sur « ${label} »`}>
      {error && <ErrorAlert error={error} />}
      <p className="muted">Corrigez la valeur ci-dessus si elle est fausse (elle s’enregistre aussitôt), ou expliquez-la.</p>
      <div className="field">
        <label htmlFor={`${id}-body`}>Votre réponse au correspondant<span className="visually-hidden"> sur « {label} »</span></label>
        <textarea id={`${id}-body`} value={body} onChange={(e) => setBody(e.target.value)} rows={3} maxLength={4000}
          aria-invalid={missing ? true : undefined} aria-describedby={missing ? `${id}-missing` : undefined} />
        {missing && <p id={`${id}-missing`} className="field-error" role="alert">Écrivez votre réponse avant de l’envoyer.</p>}
      </div>
      <button type="button" className="button button-small" onClick={send} disabled={busy}>{busy ? 'Envoi…' : 'Envoyer ma réponse'}<span className="visually-hidden"> sur « {label} »</span></button>
    </div>
  );
}

function ReviewerActions({ query, label, onDone }: { query: Query; label: string; onDone: () => void }) {
  const id = useId();
  const [body, setBody] = useState('');
  const { busy, error, run } = useSubmit(() => { setBody(''); onDone(); });
  const act = (path: 'close' | 'ask-again') => {
    if (!body.trim()) return;
    void run(() => api.post(`/queries/${query.id}/${path}`, { body }));
  };
  return (
    <form className="form query-form" onSubmit={(e) => { e.preventDefault(); act('close'); }}>
      {error && <ErrorAlert error={error} />}
      <div className="field">
        <label htmlFor={`${id}-body`}>Message sur « {label} »</label>
        <textarea id={`${id}-body`} value={body} onChange={(e) => setBody(e.target.value)} required rows={2} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>Clore la question</button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => act('ask-again')}>Questionner à nouveau</button>
      </div>
    </form>
  );
}
