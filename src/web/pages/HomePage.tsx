import type { Membership } from '../lib/types';
import { useSession } from '../lib/session';
import type { TerritoryLevel } from '../lib/territory';
import { Loading } from '../components/Status';
import { PublicHome } from './PublicHome';
import { StructureHome } from './StructureHome';
import { TerritoryHome } from './TerritoryHome';

/** The widest territory followed: a national admin who is also a correspondent starts on France. */
function followedTerritory(ms: Membership[]): { level: TerritoryLevel; code?: string } | null {
  if (ms.some((m) => m.role === 'national_admin')) return { level: 'nation' };
  const reg = ms.find((m) => m.role === 'regional_coordinator' && m.regionCode);
  if (reg) return { level: 'region', code: reg.regionCode! };
  const cor = ms.find((m) => m.role === 'correspondent' && m.departementCode);
  if (cor) return { level: 'departement', code: cor.departementCode! };
  return null;
}

/** One home per role: visitors, structure people, territory followers. */
export function HomePage() {
  const { me } = useSession();
  if (!me) return <Loading />;
  if (!me.user) return <PublicHome />;
  const territory = followedTerritory(me.memberships);
  const structureIds = [...new Set(me.memberships.flatMap((m) => (m.structureId ? [m.structureId] : [])))];
  if (!territory && !structureIds.length) {
    return (
      <>
        <h1>Bienvenue, {me.user.name}</h1>
        <p>Votre compte n’est rattaché à aucune structure ni à aucun territoire. Contactez votre correspondant·e CAF ou fédération.</p>
      </>
    );
  }
  return (
    <>
      {territory && <TerritoryHome level={territory.level} code={territory.code} />}
      {structureIds.map((id, i) => (
        <StructureHome key={id} structureId={id} headingLevel={territory || i > 0 ? 2 : 1} />
      ))}
    </>
  );
}
