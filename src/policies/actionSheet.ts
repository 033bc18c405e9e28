import type { Actor, StructurePlace } from '../domain/roles';
import { structurePolicy } from './structure';

/**
 * Who may do what with a structure's fiches actions (decided for the publication issue):
 * - everyone, signed in or not, reads published fiches;
 * - drafts are read by the structure's own people and by those who follow its territory (correspondents of
 *   its département, its regional coordinator, the nation): they accompany the structures and may help to
 *   improve a fiche before it goes public, but never write it;
 * - the structure's people (team, board, director) write drafts; publishing, withdrawing and changing or
 *   deleting a published fiche is the director's, who speaks for the structure in public.
 */
export const actionSheetPolicy = {
  readDraft: (a: Actor, s: StructurePlace) => structurePolicy.readPrivate(a, s),
  writeDraft: (a: Actor, s: StructurePlace) => structurePolicy.fill(a, s),
  publish: (a: Actor, s: StructurePlace) => structurePolicy.manage(a, s),
} as const;
