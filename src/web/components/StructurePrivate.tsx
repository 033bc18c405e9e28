import { api } from '../lib/api';
import { useLocation } from '../lib/router';
import { useApi } from '../lib/useApi';
import { Link } from './Link';
import { MembersTable } from './MembersTable';
import { ErrorAlert, Loading } from './Status';
import { StructureResponsesTable } from './StructureResponsesTable';

/**
 * Members and responses. The API alone decides who may see them: a 401 or 403 is the normal answer
 * for most visitors, so it becomes a short note, not an error.
 */
export function StructurePrivate({ structureId, userId }: { structureId: number; userId: number | null }) {
  const { href } = useLocation();
  // The user id is part of the key: logging in or out must ask the API again.
  // Visitors would only get a 401: no need to ask.
  const loaded = useApi(userId === null ? null : `${structureId}-${userId}`, async (signal) => {
    const [responses, members] = await Promise.all([
      api.get(`/structures/${structureId}/responses`, undefined, signal),
      api.get(`/structures/${structureId}/members`, undefined, signal),
    ]);
    return { responses: responses.items, members: members.items };
  });
  if (userId === null) return <SignInNote returnTo={href} />;
  if (loaded.status === 'loading') return <Loading what="Vérification de vos droits d’accès…" />;
  if (loaded.status === 'error') {
    const { status } = loaded.error;
    if (status === 401) return <SignInNote returnTo={href} />;
    if (status === 403) {
      return (
        <section className="panel panel-note" aria-labelledby="private-title">
          <h2 id="private-title">Informations réservées</h2>
          <p>{loaded.error.message}</p>
        </section>
      );
    }
    return <ErrorAlert error={loaded.error} />;
  }
  return (
    <>
      <nav className="panel" aria-label="Pages privées de la structure">
        <ul className="inline-links">
          <li><Link to={`/structures/${structureId}/ess`}>Profil ESS</Link></li>
          <li><Link to={`/structures/${structureId}/tresorerie`}>Trésorerie</Link></li>
          <li><Link to={`/structures/${structureId}/partenaires`}>Partenaires déclarés</Link></li>
          <li><Link to={`/structures/${structureId}/equipe`}>Départs et direction</Link></li>
        </ul>
      </nav>
      <section className="panel" aria-labelledby="private-responses">
        <h2 id="private-responses">Campagnes annuelles <span className="tag">Privé</span></h2>
        <StructureResponsesTable responses={loaded.data.responses} structureId={structureId} />
      </section>
      <section className="panel" aria-labelledby="private-members">
        <h2 id="private-members">Équipe <span className="tag">Privé</span></h2>
        <MembersTable members={loaded.data.members} />
      </section>
    </>
  );
}

function SignInNote({ returnTo }: { returnTo: string }) {
  return (
    <section className="panel panel-note" aria-labelledby="private-title">
      <h2 id="private-title">Informations réservées</h2>
      <p>L’équipe et les réponses aux campagnes sont réservées à la structure et à ses correspondant·es.</p>
      <p><Link to={`/connexion?retour=${encodeURIComponent(returnTo)}`}>Se connecter pour y accéder</Link></p>
    </section>
  );
}
