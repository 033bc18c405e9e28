import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../lib/api';
import { Link } from '../components/Link';
import { useFilling } from './context';
import { unansweredSections, unansweredText } from './submitCheck';
import type { Finding, Validation } from './types';

const groups = [
  { key: 'errors', title: 'Erreurs à corriger', empty: 'Aucune erreur.' },
  { key: 'warnings', title: 'Alertes à vérifier (une justification est demandée)', empty: 'Aucune alerte.' },
  { key: 'infos', title: 'Informations', empty: 'Aucune information.' },
] as const;

/**
 * The server's verdict on the whole response (its rules with last year's answers and peers), warnings
 * justified in place, and the director's « Transmettre » once it allows it.
 */
export function ValidationPanel({ canSubmit, onSubmitted, onGoTo }: { canSubmit: boolean; onSubmitted: () => void; onGoTo: (code: string) => void }) {
  const f = useFilling();
  const [result, setResult] = useState<Validation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const check = useCallback(async () => {
    setChecking(true);
    try {
      const v = await api.get(`/responses/${f.responseId}/validation`);
      setResult(v);
      setError(null);
      // A refusal said why it could not go; once the errors are gone, that sentence is no longer true.
      if (v.errors.length === 0) setSubmitError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Les contrôles n’ont pas pu être faits.');
    } finally {
      setChecking(false);
    }
  }, [f.responseId]);

  useEffect(() => { void check(); }, [check]);

  const [confirming, setConfirming] = useState(false);
  // Sections with questions still unanswered, named before the irreversible step.
  const unanswered = confirming ? unansweredSections(f.survey.visiblePages) : [];
  const unansweredLines = unansweredText(unanswered);

  async function submit() {
    setConfirming(false);
    setSubmitting(true);
    setSubmitError(null);
    try {
      await api.post(`/responses/${f.responseId}/submit`);
      onSubmitted();
    } catch (e) {
      setSubmitError(e instanceof ApiError ? e.message : 'La transmission a échoué.');
      void check();
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <section className="panel validation" aria-labelledby="validation-title">
      <div className="panel-head">
        <h2 id="validation-title">Contrôles avant transmission</h2>
        <button type="button" className="button button-secondary" onClick={check} disabled={checking}>
          {checking ? 'Vérification…' : 'Vérifier à nouveau'}
        </button>
      </div>
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      <p><Link to={`/controle/${f.responseId}`}>Voir les constats du moteur de qualité et les corrections proposées</Link> (réponse la plus probablement en cause, valeur probable à accepter ou refuser).</p>
      {result && groups.map((g) => (
        <div key={g.key} className={`findings findings-${g.key}`}>
          <h3>{g.title} ({result[g.key].length})</h3>
          {result[g.key].length === 0 ? <p className="muted">{g.empty}</p> : (
            <ul>
              {result[g.key].map((finding, i) => (
                <FindingItem key={`${finding.rule}-${i}`} finding={finding} onGoTo={onGoTo} onJustified={check} />
              ))}
            </ul>
          )}
        </div>
      ))}
      {canSubmit && (
        <div className="submit-box">
          <p>La direction transmet la réponse à ses correspondant·es une fois les erreurs corrigées et les alertes justifiées. Elle n’est alors plus modifiable.</p>
          {submitError && <p className="alert alert-error" role="alert">{submitError}</p>}
          {!confirming ? (
            <button type="button" className="button button-large" onClick={() => setConfirming(true)} disabled={submitting}>
              {submitting ? 'Transmission…' : 'Transmettre…'}
            </button>
          ) : (
            <div role="group" aria-labelledby="confirm-submit-title" className="confirm-submit">
              <h3 id="confirm-submit-title">Confirmer la transmission</h3>
              <p>Une fois transmise, la réponse n’est plus modifiable, sauf si votre correspondant·e la rouvre.</p>
              {unanswered.length === 0 ? <p>{unansweredLines.heading}</p> : (
                <>
                  <p><strong>{unansweredLines.heading}</strong></p>
                  <ul>{unansweredLines.lines.map((line) => <li key={line}>{line}</li>)}</ul>
                </>
              )}
              <div className="button-row">
                <button type="button" className="button" onClick={submit}>{unanswered.length ? 'Transmettre quand même' : 'Transmettre'}</button>
                <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>Revenir au questionnaire</button>
              </div>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function FindingItem({ finding, onGoTo, onJustified }: { finding: Finding; onGoTo: (code: string) => void; onJustified: () => void }) {
  const f = useFilling();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const target = finding.questions.find((q) => f.survey.getQuestionByName(q));
  const id = `justify-${finding.rule.replace(/[^a-z0-9_-]/gi, '-')}`;

  async function justify(e: FormEvent) {
    e.preventDefault();
    if (!body.trim()) { setError('Écrivez la justification.'); return; }
    try {
      await api.post(`/responses/${f.responseId}/comments`, { code: finding.rule, body, kind: 'justification' });
      setBody('');
      setOpen(false);
      f.reloadComments();
      onJustified();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'La justification n’a pas été enregistrée.');
    }
  }

  return (
    <li className="finding">
      <p>
        {finding.message}
        {finding.level === 'warning' && (finding.justified ? <span className="tag tag-ok"> Justifiée</span> : <span className="tag tag-warn"> À justifier</span>)}
      </p>
      <div className="button-row">
        {target && (
          <button type="button" className="link-button" onClick={() => onGoTo(target)}>
            Aller à la question<span className="visually-hidden"> « {f.survey.getQuestionByName(target)?.processedTitle} »</span>
          </button>
        )}
        {finding.level === 'warning' && !finding.justified && !open && (
          <button type="button" className="link-button" onClick={() => setOpen(true)}>
            Justifier<span className="visually-hidden"> l’alerte : {finding.message}</span>
          </button>
        )}
      </div>
      {open && (
        <form onSubmit={justify} className="comment-form">
          <label htmlFor={id}>Justification</label>
          <textarea id={id} rows={2} value={body} onChange={(e) => setBody(e.target.value)} maxLength={4000} autoFocus />
          {error && <p className="field-error" role="alert">{error}</p>}
          <div className="button-row">
            <button type="submit" className="button button-small">Enregistrer la justification</button>
            <button type="button" className="button button-small button-secondary" onClick={() => setOpen(false)}>Annuler</button>
          </div>
        </form>
      )}
    </li>
  );
}
