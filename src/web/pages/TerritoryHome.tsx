import { useState } from 'react';
import { api } from '../lib/api';
import { campaignStateLabel, formatDate } from '../lib/labels';
import { currentCampaign, territoryName, type TerritoryLevel } from '../lib/territory';
import type { Campaign, } from '../lib/types';
import { useApi } from '../lib/useApi';
import { CampaignPicker } from '../components/CampaignPicker';
import { ProgressSummary } from '../components/ProgressSummary';
import { Show } from '../components/Status';
import { SubTerritoryProgress } from '../components/SubTerritoryProgress';
import { TerritoryResponses } from '../components/TerritoryResponses';
import { Link } from '../components/Link';

const heading: Record<TerritoryLevel, string> = { nation: 'France entière', region: 'Ma région', departement: 'Mon département' };

/** Home of correspondents and coordinators: the campaign on the territory they follow. */
export function TerritoryHome({ level, code }: { level: TerritoryLevel; code?: string }) {
  const base = useApi(JSON.stringify([level, code]), async (signal) => {
    const [campaigns, name] = await Promise.all([
      api.get('/campaigns', undefined, signal), territoryName(level, code, signal),
    ]);
    return { campaigns: campaigns.items, name };
  });
  return (
    <section aria-labelledby="territory-title">
      <Show loaded={base} loadingText="Chargement du territoire…">
        {({ campaigns, name }) => (
          <>
            <h1 id="territory-title">{heading[level]}{level !== 'nation' && ` : ${name}`}</h1>
            {campaigns.length ? <CampaignView campaigns={campaigns} level={level} code={code} name={name} />
              : <p>Aucune campagne n’a encore été ouverte.</p>}
            <TerritoryPeopleLinks level={level} />
          </>
        )}
      </Show>
    </section>
  );
}

function CampaignView({ campaigns, level, code, name }: { campaigns: Campaign[]; level: TerritoryLevel; code?: string; name: string }) {
  const [year, setYear] = useState(() => currentCampaign(campaigns)!.year);
  const campaign = campaigns.find((c) => c.year === year)!;
  const progress = useApi(JSON.stringify([year, level, code]), (signal) =>
    api.get(`/campaigns/${year}/progress`, { level, code }, signal));
  return (
    <>
      <div className="panel">
        <div className="panel-head">
          <h2>Campagne {year}</h2>
          <CampaignPicker campaigns={campaigns} year={year} onChange={setYear} />
        </div>
        <p className="muted">
          {campaignStateLabel(campaign.state)} · du {formatDate(campaign.opensOn)} au {formatDate(campaign.closesOn)}
        </p>
        <p><Link to={`/suivi/${year}?level=${level}${code ? `&code=${code}` : ''}`}>Tableau de bord de suivi et de qualité</Link></p>
        <p><Link to="/campagnes">{level === 'nation' ? 'Administrer les campagnes (préparer, ouvrir, clore, délais)' : 'Campagnes et questions locales du territoire'}</Link></p>
        {level === 'nation' && <p><Link to="/admin">Toutes les pages d’administration</Link></p>}
        <p><Link to={`/territoires/comparer?niveau=${level === 'nation' ? 'region' : 'departement'}`}>Comparer les territoires</Link></p>
        <p><Link to="/donnees-externes">Données externes et concordance (ELISFA, CAF, INSEE…)</Link></p>
        <p><Link to="/publication">{level === 'nation' ? 'Publier les chiffres (versions)' : 'Versions publiées des chiffres'}</Link></p>
        <p><Link to={`/territoires/tresorerie?level=${level}${code ? `&code=${code}` : ''}`}>Trésorerie des structures du territoire</Link></p>
        <Show loaded={progress} loadingText="Chargement de l’avancement…">
          {(p) => <ProgressSummary progress={p} caption={`Avancement de la campagne ${year} – ${name}`} />}
        </Show>
      </div>
      {level !== 'departement' && <SubTerritoryProgress year={year} level={level} code={code} />}
      <TerritoryResponses key={year} year={year} level={level} code={code} territoryName={name} />
    </>
  );
}

/** The directory and the people of the territory: reachable before any campaign exists (a first deployment). */
function TerritoryPeopleLinks({ level }: { level: TerritoryLevel }) {
  return (
    <div className="panel">
      <h2>Annuaire et personnes</h2>
      {level === 'nation' && <p><Link to="/annuaire/import">Importer l’annuaire des structures</Link></p>}
      {level === 'nation' && <p><Link to="/admin">Toutes les pages d’administration</Link></p>}
      <p><Link to="/personnes">{level === 'nation' ? 'Personnes : correspondants, coordinations, directions invitées' : 'Inviter les directions des structures et suivre qui a rejoint'}</Link></p>
    </div>
  );
}
