import { api } from '../lib/api';
import { kindLabel } from '../lib/labels';
import { useApi } from '../lib/useApi';
import { Link } from '../components/Link';
import { OpenResponseButton } from '../filling/OpenResponseButton';
import { MembersTable } from '../components/MembersTable';
import { Show } from '../components/Status';
import { StructureResponsesTable } from '../components/StructureResponsesTable';
import { FactSheetLink } from '../reports/FactSheetLink';
import { useSession } from '../lib/session';
import { InvitationsPanel } from '../invitations/InvitationsPanel';
import { StructureDeadline } from '../trust/StructureDeadline';
import { StructureSheets } from '../actionSheets/StructureSheets';

/** "Ma structure": what the team needs first, its campaign responses and its members. */
export function StructureHome({ structureId, headingLevel = 1 }: { structureId: number; headingLevel?: 1 | 2 }) {
  const loaded = useApi(String(structureId), async (signal) => {
    const [structure, responses, members] = await Promise.all([
      api.get(`/structures/${structureId}`, undefined, signal),
      api.get(`/structures/${structureId}/responses`, undefined, signal),
      api.get(`/structures/${structureId}/members`, undefined, signal),
    ]);
    return { structure, responses: responses.items, members: members.items };
  });
  const { me } = useSession();
  // Only the structure's director (and the nation) invites people; the API checks it again.
  const canInvite = me?.memberships.some((m) => m.role === 'national_admin' || (m.role === 'director' && m.structureId === structureId)) ?? false;
  // Under a territory home the structure is a section, so its headings step down one level.
  const H = headingLevel === 1 ? 'h1' : 'h2';
  const Sub = headingLevel === 1 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={`my-structure-${structureId}`}>
      <Show loaded={loaded} loadingText="Chargement de votre structure…">
        {({ structure: s, responses, members }) => (
          <>
            <p className="eyebrow">Ma structure</p>
            <H id={`my-structure-${structureId}`}>{s.name}</H>
            <p className="lead">
              {kindLabel(s.kind)} · {s.communeName} ({s.departementName}) ·{' '}
              <Link to={`/structures/${s.id}`}>Voir la fiche complète<span className="visually-hidden"> de {s.name}</span></Link>
              {' · '}<Link to={`/structures/${s.id}/comparer`}>Se comparer à ses pairs<span className="visually-hidden"> ({s.name})</span></Link>
              {' · '}<Link to={`/structures/${s.id}/ess`}>Profil ESS<span className="visually-hidden"> ({s.name})</span></Link>
              {' · '}<Link to={`/structures/${s.id}/tresorerie`}>Trésorerie<span className="visually-hidden"> ({s.name})</span></Link>
              {' · '}<Link to={`/structures/${s.id}/partenaires`}>Partenaires<span className="visually-hidden"> ({s.name})</span></Link>
              <FactSheetLink structureId={s.id} structureName={s.name} responses={responses} />
            </p>
            <StructureDeadline departementCode={s.departementCode} regionCode={s.regionCode} />
            <OpenResponseButton structureId={s.id} responses={responses} />
            <div className="panel">
              <Sub>Campagnes annuelles</Sub>
              <StructureResponsesTable responses={responses} structureId={s.id} />
            </div>
            <div className="panel">
              <Sub>Équipe</Sub>
              <MembersTable members={members} />
            </div>
            {canInvite && <InvitationsPanel structureId={s.id} structureName={s.name} headingLevel={headingLevel === 1 ? 2 : 3} />}
            <StructureSheets structureId={s.id} drafts Heading={Sub} />
          </>
        )}
      </Show>
    </section>
  );
}
