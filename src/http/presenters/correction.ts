import type { correctionsOfStructure } from '../../app/structures/structureCorrections';

type CorrectionRow = Awaited<ReturnType<typeof correctionsOfStructure>>[number];

/**
 * A request to correct a structure's identity card.
 * @example presentCorrection(row) // { id: 3, structureId: 12, structureName: '…', body: 'Nous avons déménagé…', state: 'open', createdAt: …, closedAt: null, authorName: 'Ana' }
 */
export function presentCorrection(r: CorrectionRow) {
  return {
    id: r.id, structureId: r.structure_id, structureName: r.structure_name, body: r.body, state: r.state, createdAt: r.created_at,
    closedAt: r.closed_at, authorName: r.author_name,
  };
}
