import type { StructureResponse } from '../lib/types';
import { Link } from '../components/Link';

/**
 * Links to the structure's fact sheet (page and PDF) for its latest validated campaign, for the team, the general
 * assembly and funders; nothing before a first validated response. The API checks who may read it.
 */
export function FactSheetLink({ structureId, structureName, responses }: { structureId: number; structureName: string; responses: readonly StructureResponse[] }) {
  const years = responses.filter((r) => r.state === 'validated' || r.state === 'locked').map((r) => r.year);
  if (!years.length) return null;
  const year = Math.max(...years);
  return (
    <>
      {' · '}
      <Link to={`/structures/${structureId}/fiche/${year}`}>
        Fiche {year} de la structure<span className="visually-hidden"> : {structureName}, ses chiffres parmi ses pairs et leur évolution</span>
      </Link>
      {' ('}
      <a href={`/api/structures/${structureId}/fact-sheet?year=${year}`} type="application/pdf">PDF<span className="visually-hidden"> de la fiche {year}</span></a>
      {')'}
    </>
  );
}
