import { useState } from 'react';
import { api, ApiError } from '../lib/api';
import { navigate } from '../lib/router';
import { currentCampaign } from '../lib/territory';
import type { StructureResponse } from '../lib/types';
import { Link } from '../components/Link';
import { useApi } from '../lib/useApi';
import { ErrorAlert } from '../components/Status';

/**
 * « Remplir le questionnaire 2025 » for the open campaign: opens (creating it the first time, prefilled
 * with last year's answers) the structure's response, then goes to its page.
 */
export function OpenResponseButton({ structureId, responses = [] }: { structureId: number; responses?: StructureResponse[] }) {
  const campaigns = useApi('campaigns', (signal) => api.get('/campaigns', undefined, signal));
  const [error, setError] = useState<ApiError | null>(null);
  const [opening, setOpening] = useState(false);
  if (campaigns.status !== 'ok') return null;
  const campaign = currentCampaign(campaigns.data.items);
  if (campaign?.state !== 'open') return null;
  // Once transmitted (or further), the response is looked at, not filled: the button must say so.
  const mine = responses.find((r) => r.year === campaign.year);
  if (mine && ['submitted', 'validated', 'locked'].includes(mine.state)) {
    return (
      <p className="open-response">
        <Link to={`/reponses/${mine.id}`} className="button button-secondary">Voir la réponse {campaign.year} ({mine.state === 'submitted' ? 'transmise' : 'validée'})</Link>
      </p>
    );
  }
  const verb = mine && mine.state !== 'not_started' ? 'Reprendre' : 'Remplir';

  async function open() {
    setOpening(true);
    setError(null);
    try {
      const r = await api.post(`/structures/${structureId}/campaigns/${campaign!.year}/response`);
      navigate(`/reponses/${r.responseId}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'internal', 'Le questionnaire n’a pas pu être ouvert.'));
      setOpening(false);
    }
  }

  return (
    <div className="open-response">
      <button type="button" className="button button-large" onClick={open} disabled={opening}>
        {opening ? 'Ouverture…' : `${verb} le questionnaire ${campaign.year}`}
      </button>
      {error && <ErrorAlert error={error} />}
    </div>
  );
}
