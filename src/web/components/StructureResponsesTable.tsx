import { formatDate, formatNumber } from '../lib/labels';
import type { StructureResponse } from '../lib/types';
import { StateBadge } from './StateBadge';

/** One row per yearly campaign the structure took part in, newest first. */
export function StructureResponsesTable({ responses }: { responses: StructureResponse[] }) {
  if (!responses.length) return <p>Aucune réponse aux campagnes pour le moment.</p>;
  return (
    <table className="table">
      <caption>Réponses aux campagnes annuelles</caption>
      <thead>
        <tr>
          <th scope="col">Campagne</th><th scope="col">État</th><th scope="col" className="num">Réponses saisies</th>
          <th scope="col">Transmise le</th><th scope="col">Validée le</th><th scope="col">Dernière modification</th>
        </tr>
      </thead>
      <tbody>
        {responses.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.year}</th>
            <td><StateBadge state={r.state} /></td>
            <td className="num">{formatNumber(Number(r.answer_count))}</td>
            <td>{formatDate(r.submitted_at)}</td>
            <td>{formatDate(r.validated_at)}</td>
            <td>{formatDate(r.updated_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
