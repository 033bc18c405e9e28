import type { Db } from '../../db/connection';
import { getSharing, listPartners } from '../../db/partner.repo';
import type { Actor } from '../../domain/roles';
import { structurePolicy } from '../../policies/structure';
import { structureFor } from '../structures/structureAccess';

/**
 * A structure's declared partners and its sharing consent, for its people and those who follow its
 * territory; says what the asking person may do (declare partners: the structure's people; share: its director).
 * @example await getStructurePartners({ db, actor, structureId: 12 })
 */
export async function getStructurePartners(p: { db: Db; actor: Actor; structureId: number }) {
  const place = await structureFor({ ...p, ability: 'readPrivate', refusal: 'Les partenaires déclarés sont réservés à la structure et aux personnes qui suivent son territoire.' });
  const [partners, sharing] = await Promise.all([listPartners(p.db, place.id), getSharing(p.db, place.id)]);
  return {
    structureId: place.id, partners, sharing,
    can: { edit: structurePolicy.fill(p.actor, place), share: structurePolicy.manage(p.actor, place) },
  };
}
