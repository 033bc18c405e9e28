import type { Db } from '../../db/connection';
import { listStructureMembers } from '../../db/user.repo';
import type { Actor } from '../../domain/roles';
import { structureFor } from './structureAccess';

/**
 * A structure's team (name, e-mail, role), for those who may read its private information.
 * @example await listStructureTeam({ db, actor, structureId: 12 }) // [{ id: 3, name: 'Camille', email: '…', role: 'director' }]
 */
export async function listStructureTeam(p: { db: Db; actor: Actor; structureId: number }) {
  const place = await structureFor({ ...p, ability: 'readPrivate', refusal: PRIVATE_REFUSAL, signIn: PRIVATE_SIGN_IN });
  return listStructureMembers(p.db, place.id);
}

/** The messages of the structure's private pages (team, responses). */
export const PRIVATE_SIGN_IN = 'Connectez-vous pour accéder à ces informations.';
export const PRIVATE_REFUSAL = 'Vous n’avez pas accès aux informations privées de cette structure.';
