import { api } from '../lib/api';
import { formatDate } from '../lib/labels';
import { currentCampaign } from '../lib/territory';
import { useApi } from '../lib/useApi';
import { effectiveDeadline } from '../../domain/deadlines';

/**
 * The structure's own deadline for the current campaign: the campaign's closing date, or the later one
 * granted to its département or région (the most specific wins, as the cockpit and reminders count it).
 */
export function StructureDeadline({ departementCode, regionCode }: { departementCode: string; regionCode: string }) {
  const campaigns = useApi('campaigns', (signal) => api.get('/campaigns', undefined, signal));
  if (campaigns.status !== 'ok') return null;
  const c = currentCampaign(campaigns.data.items);
  if (!c || (c.state !== 'open' && c.state !== 'preparation')) return null;
  const d = effectiveDeadline(c.closesOn, c.deadlines, { departementCode, regionCode });
  return (
    <p className="structure-deadline" data-deadline={d.date}>
      <strong>Date limite de réponse au questionnaire {c.year} : {formatDate(d.date)}</strong>
      {d.source !== 'campaign' && <> (délai accordé à votre {d.source === 'departement' ? 'département' : 'région'} ; la campagne nationale se termine le {formatDate(c.closesOn)})</>}
    </p>
  );
}
