import './trust.css';
import { useState } from 'react';
import { api, ApiError } from '../lib/api';
import { useSession } from '../lib/session';
import { useLocation } from '../lib/router';
import { useApi } from '../lib/useApi';
import { Pagination } from '../components/Pagination';
import { Show } from '../components/Status';
import { formatDateTime } from './labels';
import type { OutboxMail } from './types';
import { outboxStateLabels } from '../../domain/outbox';

const PAGE_SIZE = 20;

/** `/suivi/envois?level=&code=`: e-mails prepared for the territory, sent or waiting for SMTP; invitation links are never shown (added when sending). */
export function OutboxPage() {
  const { search } = useLocation();
  const level = search.get('level') ?? 'nation';
  const code = search.get('code') ?? undefined;
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState(0);
  const { me } = useSession();
  const national = Boolean(me?.memberships.some((m) => m.role === 'national_admin'));
  const loaded = useApi(JSON.stringify([level, code, page, version]), (signal) =>
    api.get('/outbox', { level, code, page, pageSize: PAGE_SIZE }, signal), { keepPrevious: true });
  return (
    <section aria-labelledby="outbox-title">
      <h1 id="outbox-title">Boîte d’envoi</h1>
      <p className="lead">Courriels préparés pour les structures de votre territoire (relances, invitations). Ils partent par SMTP quand le serveur en a un ; sinon ils restent ici. Un envoi refusé ou en panne est réessayé plus tard, de plus en plus espacé, et son état s’affiche ci-dessous. Le lien personnel d’une invitation n’est jamais conservé : il est ajouté au courriel au moment de l’envoi.</p>
      <Show loaded={loaded} loadingText="Chargement des courriels…">
        {(data) => (
          <>
            <p role="status" className="result-count">{data.total} courriel{data.total > 1 ? 's' : ''}</p>
            {data.items.map((m) => (
              <article key={m.id} className="panel mail">
                <h2 className="mail-subject">{m.subject}</h2>
                <dl className="facts">
                  <dt>À</dt><dd>{m.toEmail}{m.structureName ? ` (${m.structureName})` : ''}</dd>
                  <dt>Préparé le</dt><dd>{formatDateTime(m.createdAt)}</dd>
                  <dt>Envoi</dt><dd>{sendingText(m)}</dd>
                  {m.lastError && m.state !== 'sent' && <><dt>Dernière erreur</dt><dd className="mail-error">{m.lastError}</dd></>}
                </dl>
                {national && m.state === 'failed' && <RetryButton mail={m} onDone={() => setVersion((v) => v + 1)} />}
                <details><summary>Texte du courriel</summary><pre className="mail-body">{m.body}</pre></details>
              </article>
            ))}
            <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} label="courriels" />
          </>
        )}
      </Show>
    </section>
  );
}

/** Where a mail stands: sent, waiting (for a mail server, or for its next attempt after a failure), given up. */
function sendingText(m: OutboxMail): string {
  if (m.state === 'sent' && m.sentAt) return `envoyé le ${formatDateTime(m.sentAt)}`;
  const tries = m.attempts > 0 ? ` après ${m.attempts} essai${m.attempts > 1 ? 's' : ''}` : '';
  if (m.state === 'failed') return `${outboxStateLabels.failed}${tries}`;
  if (m.state === 'pending' && m.attempts > 0) return `échec${tries}, nouvel essai le ${formatDateTime(m.nextAttemptAt)}`;
  if (m.state === 'pending') return 'en attente (envoi dès qu’un serveur SMTP est configuré)';
  return outboxStateLabels[m.state];
}

/** Puts a given-up mail back in the queue (the national administration, once the mail server or the address is repaired). */
function RetryButton({ mail, onDone }: { mail: OutboxMail; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/outbox/${mail.id}/retry`);
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Le renvoi a échoué ; réessayez.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <p>
      <button type="button" className="button button-secondary" disabled={busy} onClick={retry} aria-describedby={`mail-${mail.id}-retry`}>{busy ? 'Renvoi…' : 'Renvoyer ce courriel'}</button>
      {' '}<span id={`mail-${mail.id}-retry`} className="hint">Remis dans la file d’envoi, ses essais comptés de zéro.</span>
      {error && <span role="alert" className="mail-error"> {error}</span>}
    </p>
  );
}
