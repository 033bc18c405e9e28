import { campaignStateLabel } from '../lib/labels';
import type { Campaign } from '../lib/types';

/** Chooses the yearly campaign shown; the content below updates in place, no change of page. */
export function CampaignPicker({ campaigns, year, onChange }: { campaigns: Campaign[]; year: number; onChange: (year: number) => void }) {
  if (campaigns.length <= 1) return null;
  return (
    <div className="field field-inline">
      <label htmlFor="campaign-year">Campagne</label>
      <select id="campaign-year" value={year} onChange={(e) => onChange(Number(e.target.value))}>
        {campaigns.map((c) => <option key={c.id} value={c.year}>{c.year} – {campaignStateLabel(c.state)}</option>)}
      </select>
    </div>
  );
}
