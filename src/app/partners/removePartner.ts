import type { Db } from '../../db/connection';
import { appendAudit } from '../../db/audit.repo';
import { deletePartner } from '../../db/partner.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { structureFor } from '../structures/structureAccess';

/**
 * Removes a declared partner (the structure's own people).
 * @example await removePartner({ db, actor, structureId: 12, partnerId: 40 })
 */
export async function removePartner(p: { db: Db; actor: Actor; structureId: number; partnerId: number }) {
  const place = await structureFor({ ...p, ability: 'fill', refusal: 'Seules les personnes de la structure retirent ses partenaires.' });
  if (!(await deletePartner(p.db, place.id, p.partnerId))) throw new AppError('not_found', 'Partenaire introuvable pour cette structure.');
  await appendAudit(p.db, { actorId: p.actor.userId, action: 'partner.delete', entity: 'structure', entityId: place.id, data: { partnerId: p.partnerId } });
  return { ok: true };
}
