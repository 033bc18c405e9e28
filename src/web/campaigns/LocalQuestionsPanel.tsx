import { useId, useState, type FormEvent } from 'react';
import type { ApiResponse } from '../../http/apiTypes';
import { api } from '../lib/api';
import { campaignStateLabel } from '../lib/labels';
import type { Campaign, Membership } from '../lib/types';
import { useApi } from '../lib/useApi';
import { useSubmit } from '../lib/useSubmit';
import { ErrorAlert, Show } from '../components/Status';

export interface LocalTerritory { level: 'departement' | 'region'; code: string }

/** The territory whose local questions one manages: a correspondent's département, else a coordinator's région. */
export function localTerritoryOf(memberships: Membership[]): LocalTerritory | null {
  const dep = memberships.find((m) => m.role === 'correspondent' && m.departementCode);
  if (dep) return { level: 'departement', code: dep.departementCode! };
  const reg = memberships.find((m) => m.role === 'regional_coordinator' && m.regionCode);
  return reg ? { level: 'region', code: reg.regionCode! } : null;
}

type LocalQuestion = ApiResponse<'get', `/campaigns/${number}/local-questions`>['items'][number];
/** The element is SurveyJS JSON as stored (any shape): its title only when it is a text. */
const titleOf = (q: LocalQuestion): string => (typeof q.element.title === 'string' ? q.element.title : q.name);

const kinds = {
  boolean: { label: 'Oui / non', element: { type: 'boolean', unit: 'yesno', aggregate: 'share', disclosure: 'count' } },
  number: { label: 'Nombre (personnes, actions…)', element: { type: 'text', inputType: 'number', min: 0, unit: 'count', aggregate: 'sum', disclosure: 'count' } },
  euros: { label: 'Montant en euros', element: { type: 'text', inputType: 'number', min: 0, unit: 'euros', aggregate: 'sum', disclosure: 'money' } },
  choice: { label: 'Choix dans une liste', element: { type: 'radiogroup', unit: 'choice', aggregate: 'share', disclosure: 'count' } },
  text: { label: 'Texte libre', element: { type: 'comment', unit: 'text', aggregate: 'none', disclosure: 'count' } },
} as const;
type Kind = keyof typeof kinds;

const sectionLabels: Record<string, string> = {
  projet: 'Projet social', actions: 'Actions', participation: 'Participation des habitants', partenariats: 'Partenariats', rh: 'Ressources humaines', finances: 'Finances', theme: 'Thème de l’année',
};

/**
 * Local questions of one territory for a chosen campaign: listed always, added and removed while the
 * campaign is in preparation (the API enforces it and checks each question with the national questionnaire).
 * The national administration sees every territory's, read only.
 */
export function LocalQuestionsPanel({ campaigns, territory }: { campaigns: Campaign[]; territory: LocalTerritory | null }) {
  const [year, setYear] = useState(String((campaigns.find((c) => c.state === 'preparation') ?? campaigns[0]).year));
  const [reload, setReload] = useState(0);
  const campaign = campaigns.find((c) => String(c.year) === year)!;
  const id = useId();
  const loaded = useApi(`${year}/${territory?.code}/${reload}`, (signal) =>
    api.get(`/campaigns/${year}/local-questions`, territory ? { level: territory.level, code: territory.code } : undefined, signal), { keepPrevious: true });
  const refresh = () => setReload((n) => n + 1);
  const { busy, error, run } = useSubmit(refresh);
  const editable = territory !== null && campaign.state === 'preparation';
  const where = territory ? (territory.level === 'departement' ? `du département ${territory.code}` : `de la région ${territory.code}`) : 'de tous les territoires';
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Questions locales {where}</h2>
      <p className="muted">Posées aux seules structures du territoire, en plus du questionnaire national. Elles s’ajoutent ou se retirent tant que la campagne est en préparation ; à l’ouverture, elles sont figées.</p>
      <div className="field field-inline">
        <label htmlFor={`${id}-year`}>Campagne</label>
        <select id={`${id}-year`} value={year} onChange={(e) => setYear(e.target.value)}>
          {campaigns.map((c) => <option key={c.year} value={c.year}>{c.year} ({campaignStateLabel(c.state).toLowerCase()})</option>)}
        </select>
      </div>
      <Show loaded={loaded} loadingText="Chargement des questions locales…">
        {({ items }) => items.length === 0 ? <p>Aucune question locale pour la campagne {year}.</p> : (
          <ul className="local-questions">
            {items.map((q) => (
              <li key={q.id}>
                <strong>{titleOf(q)}</strong> <span className="muted">({q.code}{territory ? '' : ` · ${q.level === 'region' ? 'région' : 'département'} ${q.territoryCode}`})</span>
                {editable && (
                  <> {' '}<button type="button" className="button button-secondary button-small" disabled={busy}
                    onClick={() => void run(() => api.del(`/campaigns/${year}/local-questions/${q.id}`))}>Retirer<span className="visually-hidden"> la question {titleOf(q)}</span></button></>
                )}
              </li>
            ))}
          </ul>
        )}
      </Show>
      {error && <ErrorAlert error={error} />}
      {territory && !editable && <p className="muted">La campagne {year} est {campaignStateLabel(campaign.state).toLowerCase()} : ses questions locales ne changent plus.</p>}
      {editable && <AddLocalQuestion year={year} territory={territory} onDone={refresh} />}
    </section>
  );
}

function AddLocalQuestion({ year, territory, onDone }: { year: string; territory: LocalTerritory; onDone: () => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<Kind>('boolean');
  const [section, setSection] = useState('actions');
  const [choices, setChoices] = useState('');
  const [required, setRequired] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useSubmit(onDone);
  function submit(e: FormEvent) {
    e.preventDefault();
    const element: Record<string, unknown> = { ...kinds[kind].element, title: title.trim(), section, isRequired: required };
    if (kind === 'choice') element.choices = choices.split('\n').map((c) => c.trim()).filter(Boolean).map((text, i) => ({ value: `c${i + 1}`, text }));
    void run(async () => {
      await api.post(`/campaigns/${year}/local-questions?level=${territory.level}&code=${territory.code}`, { name: name.trim(), element });
      setDone(`Question « ${title.trim()} » ajoutée.`);
      setName(''); setTitle(''); setChoices('');
    });
  }
  return (
    <form className="form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Ajouter une question locale</h3>
      <div className="field">
        <label htmlFor={`${id}-text`}>Question posée</label>
        <input id={`${id}-text`} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>Nom court (lettres minuscules, chiffres, _)</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required pattern="[a-z0-9_]+" maxLength={60} aria-describedby={`${id}-name-help`} />
        <p id={`${id}-name-help`} className="muted">Devient le code local.{territory.code}.<em>nom</em> dans les exports.</p>
      </div>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Type de réponse</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {Object.entries(kinds).map(([k, v]) => <option key={k} value={k}>{v.label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-section`}>Rubrique</label>
          <select id={`${id}-section`} value={section} onChange={(e) => setSection(e.target.value)}>
            {Object.entries(sectionLabels).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </div>
      </div>
      {kind === 'choice' && (
        <div className="field">
          <label htmlFor={`${id}-choices`}>Choix possibles (un par ligne)</label>
          <textarea id={`${id}-choices`} value={choices} onChange={(e) => setChoices(e.target.value)} rows={4} required />
        </div>
      )}
      <div className="field field-inline">
        <input id={`${id}-required`} type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
        <label htmlFor={`${id}-required`}>Réponse obligatoire</label>
      </div>
      <button type="submit" className="button" disabled={busy}>{busy ? 'Ajout…' : 'Ajouter la question'}</button>
      <div role="status" aria-live="polite">{done && <p className="alert alert-info">{done}</p>}</div>
      {error && <ErrorAlert error={error} />}
    </form>
  );
}
