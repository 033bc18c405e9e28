import { api } from '../lib/api';
import { kindLabel } from '../lib/labels';
import { useSession } from '../lib/session';
import type { Structure } from '../lib/types';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { ErrorAlert, Loading } from '../components/Status';
import { StructureIdentity } from '../components/StructureIdentity';
import { StructurePrivate } from '../components/StructurePrivate';

/** A structure's page: its public identity for everyone, its private sections for those the API lets in. */
export function StructurePage({ id }: { id: string }) {
  const { me } = useSession();
  const loaded = useApi(id, (signal) => api.get<Structure>(`/structures/${encodeURIComponent(id)}`, undefined, signal));
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
          <p className="lead">{loaded.data.commune_name} · {loaded.data.departement_name} ({loaded.data.departement_code})</p>
          <StructureIdentity s={loaded.data} />
          {me && <StructurePrivate structureId={loaded.data.id} userId={me.user?.id ?? null} />}
        </>
      )}
    </>
  );
}
