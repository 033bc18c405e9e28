import { api } from '../lib/api';
import { kindLabel } from '../lib/labels';
import { useSession } from '../lib/session';
import type { Membership, Structure } from '../lib/types';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { ErrorAlert, Loading } from '../components/Status';
import { StructureIdentity } from '../components/StructureIdentity';
import { StructurePrivate } from '../components/StructurePrivate';
import { StructureSheets } from '../actionSheets/StructureSheets';
import { IdentityPanel } from '../directory/IdentityPanel';
import { useState } from 'react';

/** Whether the comparison page is open to this person: the structure's own people, or those who follow its territory. */
function followsOrBelongs(ms: Membership[], s: Structure): boolean {
  return ms.some((m) => m.structureId === s.id || m.role === 'national_admin'
    || (m.role === 'regional_coordinator' && m.regionCode === s.regionCode)
    || (m.role === 'correspondent' && m.departementCode === s.departementCode));
}

/** A structure's page: its public identity for everyone, its private sections for those the API lets in. */
export function StructurePage({ id }: { id: string }) {
  const { me } = useSession();
  const [version, setVersion] = useState(0);
  const loaded = useApi(`${id}-${version}`, (signal) => api.get(`/structures/${encodeURIComponent(id)}`, undefined, signal), { keepPrevious: true });
  return (
    <>
      <nav aria-label="Fil d’Ariane" className="breadcrumb">
        <ol>
          <li><Link to="/">Accueil</Link></li>
          <li><Link to="/structures">Annuaire des structures</Link></li>
          <li aria-current="page">{loaded.status === 'ok' ? loaded.data.name : 'Fiche structure'}</li>
        </ol>
      </nav>
      {loaded.status === 'loading' && <><h1>Fiche structure</h1><Loading /></>}
      {loaded.status === 'error' && (
        <>
          <h1>{loaded.error.status === 404 ? 'Structure introuvable' : 'Fiche structure'}</h1>
          <ErrorAlert error={loaded.error} />
          <p><Link to="/structures">Retour à l’annuaire</Link></p>
        </>
      )}
      {loaded.status === 'ok' && (
        <>
          <p className="eyebrow">{kindLabel(loaded.data.kind)}</p>
          <h1>{loaded.data.name}</h1>
          <p className="lead">{loaded.data.communeName} · {loaded.data.departementName} ({loaded.data.departementCode})</p>
          {me && followsOrBelongs(me.memberships, loaded.data) && (
            <p><Link to={`/structures/${loaded.data.id}/comparer`}>Situer cette structure parmi ses pairs</Link></p>
          )}
          <StructureIdentity s={loaded.data} />
          {me && <IdentityPanel s={loaded.data} memberships={me.memberships} onChange={() => setVersion((v) => v + 1)} />}
          <StructureSheets structureId={loaded.data.id} />
          {me && <StructurePrivate structureId={loaded.data.id} userId={me.user?.id ?? null} />}
        </>
      )}
    </>
  );
}
