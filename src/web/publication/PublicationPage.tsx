import { useEffect, useRef, useState } from 'react';
import type { ApiResponse } from '../../http/apiTypes';
import { api } from '../lib/api';
import { findMyRunningJob, followJob, postAsJob, type FollowedJob } from '../lib/jobs';
import { JobProgress } from '../components/JobProgress';
import { useApi } from '../lib/useApi';
import { useSession } from '../lib/session';
import { useSubmit } from '../lib/useSubmit';
import { Link } from '../components/Link';
import { ErrorAlert, Show } from '../components/Status';
import { indicatorLabel } from '../compare/labels';
import { formatNumber, pluralWord } from '../lib/labels';
import { listReleases, type CampaignReleases, type ReleaseItem } from '../dashboard/data';

const frenchDate = (iso: string) => new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
const stateLabel: Record<string, string> = { preparation: 'en préparation', open: 'en cours de saisie', closed: 'close' };

type Summary = ApiResponse<'post', `/releases/${number}/preview`>['summary'];

/**
 * The releases of every campaign (public: number, date, note, what changed), and for the national
 * administration the preview and publication of the next release of a closed campaign.
 */
export default function PublicationPage() {
  const { me } = useSession();
  const national = Boolean(me?.memberships.some((m) => m.role === 'national_admin'));
  const [version, setVersion] = useState(0);
  // Kept here, not in the form: the list reloads after a publication and remounts every block.
  const [published, setPublished] = useState<Record<number, string>>({});
  const data = useApi(`releases:${version}`, (signal) => listReleases(signal));
  return (
    <section aria-labelledby="pub-title">
      <h1 id="pub-title">Publication des chiffres</h1>
      <p className="lead">
        Les chiffres publics (tableaux de bord, carte, plaquettes, données ouvertes, comparaisons) viennent de
        versions numérotées, datées et figées : ils ne bougent pas quand une réponse est validée. Chaque version
        est vérifiée avant de sortir : aucune case masquée ne se recalcule à partir des autres, ni par différence
        avec une version précédente.
      </p>
      <Show loaded={data} loadingText="Chargement des versions…">
        {({ campaigns }) => (
          <>{campaigns.filter((c) => c.state !== 'preparation').map((c) => (
            <CampaignBlock key={c.year} campaign={c} national={national} done={published[c.year] ?? null}
              onPublished={(message) => { setPublished((p) => ({ ...p, [c.year]: message })); setVersion((v) => v + 1); }} />
          ))}</>
        )}
      </Show>
    </section>
  );
}

function CampaignBlock({ campaign, national, done, onPublished }: { campaign: CampaignReleases; national: boolean; done: string | null; onPublished: (message: string) => void }) {
  const latest = campaign.releases[0];
  return (
    <section className="panel" aria-labelledby={`camp-${campaign.year}`}>
      <h2 id={`camp-${campaign.year}`}>Campagne {campaign.year} <span className="muted">({stateLabel[campaign.state] ?? campaign.state})</span></h2>
      {campaign.releases.length === 0
        ? <p>Aucune version publiée : {campaign.state === 'open' ? 'campagne en cours, les résultats seront publiés après la clôture' : 'les résultats ne sont pas encore publiés'}.</p>
        : (
          <>
            <p>Version en vigueur : <strong>n° {latest.number}</strong> du {frenchDate(latest.publishedAt)} · <Link to="/tableau-de-bord">tableau de bord</Link> · <Link to="/donnees-ouvertes">données ouvertes</Link></p>
            <section className="table-wrap" tabIndex={0} aria-label={`Versions publiées de la campagne ${campaign.year}`}>
            <table className="table">
              <caption>Versions publiées de la campagne {campaign.year}</caption>
              <thead><tr><th scope="col">Version</th><th scope="col">Date</th><th scope="col">Réponses</th><th scope="col">Ce qui a changé</th><th scope="col">Note</th></tr></thead>
              <tbody>
                {campaign.releases.map((r) => (
                  <tr key={r.number}>
                    <th scope="row">n° {r.number}</th>
                    <td>{frenchDate(r.publishedAt)}</td>
                    <td>{r.responses ?? '—'}</td>
                    <td>{changeText(r)}</td>
                    <td>{r.note || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </section>
          </>
        )}
      {national && campaign.state === 'closed' && <PublishForm year={campaign.year} hasRelease={campaign.releases.length > 0} done={done} onPublished={onPublished} />}
      {national && campaign.state !== 'closed' && <p className="muted">Une version se publie une fois la campagne close.</p>}
    </section>
  );
}

/** "1 structure corrigée", "3 structures corrigées", the number held to its word by a non-breaking space. */
const count = (n: number, one: string, many: string) => `${formatNumber(n)}\u00a0${pluralWord(n, one, many)}`;

function changeText(r: Pick<ReleaseItem, 'previousNumber' | 'changedStructures' | 'heldBack' | 'difference'>): string {
  if (r.previousNumber === null) return 'Première publication';
  const d = r.difference;
  const parts = [`${count(r.changedStructures ?? 0, 'structure ajoutée ou corrigée', 'structures ajoutées ou corrigées')} depuis la version ${r.previousNumber}`];
  if (d) parts.push(count(d.changed, 'case modifiée', 'cases modifiées'), count(d.nowSecret, 'case devenue secrète', 'cases devenues secrètes'));
  if (r.heldBack) parts.push(`${count(r.heldBack, 'case retenue', 'cases retenues')} car ${pluralWord(r.heldBack, 'changée', 'changées')} pour moins de 5 structures`);
  return parts.join(' ; ');
}

function PublishForm({ year, hasRelease, done, onPublished }: { year: number; hasRelease: boolean; done: string | null; onPublished: (message: string) => void }) {
  const [note, setNote] = useState('');
  const [preview, setPreview] = useState<Summary | null>(null);
  const check = useSubmit(() => {});
  const send = useSubmit(() => {});
  // The publication runs as a job on the server (audit, storing): its state while it runs.
  const [job, setJob] = useState<FollowedJob | null>(null);
  const following = useRef<AbortController | null>(null);
  useEffect(() => () => following.current?.abort(), []);
  type Published = Awaited<ReturnType<typeof postAsJob<never, `/releases/${number}`>>>;
  const announce = (r: Published) => onPublished(r.release ? `Version n° ${r.release.number} de ${year} publiée.` : `Version de ${year} publiée.`); // null only for a dry run
  // Back on the page while a publication of this year asked for earlier still runs: follow it to its end.
  useEffect(() => {
    const controller = new AbortController();
    following.current = controller;
    findMyRunningJob('release.publish', (about) => about?.year === year, controller.signal).then((running) => {
      if (!running || controller.signal.aborted) return;
      setJob(running);
      void send.run(async () => {
        try { announce(await followJob<Published>(running.id, { signal: controller.signal, onProgress: setJob })); } finally { setJob(null); }
      });
    }, () => undefined);
    return () => controller.abort();
  }, [year]);
  const id = `note-${year}`;
  return (
    <div className="publish-form">
      <h3>{hasRelease ? 'Publier une correction' : 'Publier les chiffres'}</h3>
      <div className="field">
        <label htmlFor={id}>Note de version (ce qui change et pourquoi)</label>
        <textarea id={id} rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <p>
        <button type="button" className="button button-secondary" disabled={check.busy}
          onClick={() => check.run(async () => { setPreview((await api.post(`/releases/${year}/preview`, { note })).summary); })}>
          {check.busy ? 'Vérification…' : 'Vérifier avant publication'}
        </button>{' '}
        <button type="button" className="button" disabled={send.busy || !preview}
          onClick={() => send.run(async () => {
            following.current?.abort();
            const controller = new AbortController();
            following.current = controller;
            setJob(null);
            try {
              const r = await postAsJob(`/releases/${year}`, { note }, { signal: controller.signal, onProgress: setJob });
              setPreview(null); setNote('');
              announce(r);
            } finally { setJob(null); }
          })}>
          {send.busy ? 'Publication…' : 'Publier la version'}
        </button>
      </p>
      <div aria-live="polite">{send.busy && <JobProgress job={job} label="Publication en cours…" counting="steps" />}</div>
      {check.error && <ErrorAlert error={check.error} />}
      {send.error && <ErrorAlert error={send.error} />}
      {done && <p role="status" className="success">{done}</p>}
      {preview && (
        <div role="status" className="notice">
          <p><strong>Aperçu de la version {preview.previousNumber === null ? 'n° 1' : `n° ${preview.previousNumber + 1}`}</strong> : {count(preview.responses, 'réponse validée', 'réponses validées')}.</p>
          <ul>
            <li>{changeText(preview)}</li>
            <li>Cases secrètes au niveau des départements : {preview.suppressedDepartementPct.toLocaleString('fr-FR')} %.</li>
            <li>Audit exact (programmation linéaire) : {count(preview.audit.sensitive, 'case sensible vérifiée', 'cases sensibles vérifiées')}, {preview.audit.pinned === 0 ? 'aucune recalculable' : count(preview.audit.pinned, 'recalculable', 'recalculables')}{preview.audit.addedSuppressions ? `, ${count(preview.audit.addedSuppressions, 'case masquée', 'cases masquées')} en plus par l’audit` : ''}.</li>
            {preview.difference && preview.difference.indicators.length > 0 && (
              <li>Indicateurs les plus touchés : {preview.difference.indicators.map((i) => `${indicatorLabel(i.indicator)} (${i.changed})`).join(', ')}.</li>
            )}
          </ul>
        </div>
      )}
    </div>
  );
}
