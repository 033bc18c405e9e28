import { formatDate, formatNumber } from '../lib/labels';
import { useSession } from '../lib/session';
import type { StructureResponse } from '../lib/types';
import { Link } from './Link';
import { StateBadge } from './StateBadge';

/**
 * Where a response opens for the one looking: the structure's own team opens its questionnaire (read only
 * once transmitted or locked), those who follow the territory open the review page.
 */
function useResponseLink(structureId: number): (r: StructureResponse) => { to: string; text: string } {
  const { me } = useSession();
  const member = me?.memberships.some((m) => m.structureId === structureId) ?? false;
  return (r) => member
    ? { to: `/reponses/${r.id}`, text: 'Voir la réponse' }
    : { to: `/controle/${r.id}`, text: r.state === 'submitted' ? 'Contrôler' : 'Voir la réponse' };
}

/** One row per yearly campaign the structure took part in, newest first; each row opens its response. */
export function StructureResponsesTable({ responses, structureId }: { responses: StructureResponse[]; structureId: number }) {
  const linkOf = useResponseLink(structureId);
  if (!responses.length) return <p>Aucune réponse aux campagnes pour le moment.</p>;
  return (
    <div className="table-wrap">
      <table className="table table-cards">
        <caption>Réponses aux campagnes annuelles</caption>
        <thead>
          <tr>
            <th scope="col">Campagne</th><th scope="col">État</th><th scope="col" className="num">Réponses saisies</th>
            <th scope="col">Transmise le</th><th scope="col">Validée le</th><th scope="col">Dernière modification</th><th scope="col">Réponse</th>
          </tr>
        </thead>
        <tbody>
          {responses.map((r) => {
            const link = linkOf(r);
            return (
              <tr key={r.id}>
                <th scope="row">{r.year}</th>
                <td data-label="État"><StateBadge state={r.state} /></td>
                <td data-label="Réponses saisies" className="num">{formatNumber(Number(r.answerCount))}</td>
                <td data-label="Transmise le">{formatDate(r.submittedAt)}</td>
                <td data-label="Validée le">{r.state === 'validated' || r.state === 'locked' ? formatDate(r.validatedAt) : '—'}</td>
                <td data-label="Dernière modification">{formatDate(r.updatedAt)}</td>
                <td data-label="Réponse"><Link to={link.to}>{link.text}<span className="visually-hidden"> {r.year}</span></Link></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
