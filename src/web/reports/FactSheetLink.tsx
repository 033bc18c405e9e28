import type { StructureResponse } from '../lib/types';

/**
 * A link to the structure's fact sheet (PDF) for its latest validated campaign, for the team, the general
 * assembly and funders; nothing before a first validated response. The API checks who may read it.
 */
export function FactSheetLink({ structureId, structureName, responses }: { structureId: number; structureName: string; responses: readonly StructureResponse[] }) {
  const years = responses.filter((r) => r.state === 'validated' || r.state === 'locked').map((r) => r.year);
  if (!years.length) return null;
  const year = Math.max(...years);
  return (
    <>
      {' · '}
      <a href={`/api/structures/${structureId}/fact-sheet?year=${year}`} type="application/pdf">
        Fiche {year} de la structure (PDF)<span className="visually-hidden"> : {structureName}, ses chiffres parmi ses pairs et leur évolution</span>
      </a>
    </>
  );
}
