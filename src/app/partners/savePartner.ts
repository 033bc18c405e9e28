import type { Db } from '../../db/connection';
import { appendAudit } from '../../db/audit.repo';
import { countPartners, insertPartner, updatePartner } from '../../db/partner.repo';
import { AppError } from '../../domain/errors';
import { checkPartner, MAX_PARTNERS_PER_STRUCTURE, type PartnerInput } from '../../domain/partners/partner';
import type { Actor } from '../../domain/roles';
import { structureFor } from '../structures/structureAccess';

/**
 * Declares a partner (no `partnerId`) or changes one, for the structure's own people. Bad input changes nothing.
 * @example await savePartner({ db, actor, structureId: 12, input: { kind: 'caf', name: 'CAF du Rhône', themes: ['familles'] } })
 */
export async function savePartner(p: { db: Db; actor: Actor; structureId: number; partnerId?: number; input: PartnerInput }) {
  const place = await structureFor({ ...p, ability: 'fill', refusal: 'Seules les personnes de la structure déclarent ses partenaires.' });
  const checked = checkPartner(p.input);
  if (!checked.ok) throw new AppError('validation_failed', checked.problems.join(' '), checked.problems);
  if (p.partnerId === undefined) {
    if ((await countPartners(p.db, place.id)) >= MAX_PARTNERS_PER_STRUCTURE) {
      throw new AppError('conflict', `Au plus ${MAX_PARTNERS_PER_STRUCTURE} partenaires par structure : retirez-en avant d’en ajouter.`);
    }
    const partner = await insertPartner(p.db, place.id, checked.value, p.actor.userId);
    await appendAudit(p.db, { actorId: p.actor.userId, action: 'partner.create', entity: 'structure', entityId: place.id, data: { partnerId: partner.id } });
    return partner;
  }
  const partner = await updatePartner(p.db, place.id, p.partnerId, checked.value);
  if (!partner) throw new AppError('not_found', 'Partenaire introuvable pour cette structure.');
  await appendAudit(p.db, { actorId: p.actor.userId, action: 'partner.update', entity: 'structure', entityId: place.id, data: { partnerId: partner.id } });
  return partner;
}
