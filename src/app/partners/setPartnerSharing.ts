import type { Db } from '../../db/connection';
import { appendAudit } from '../../db/audit.repo';
import { getSharing, setSharing } from '../../db/partner.repo';
import type { Actor } from '../../domain/roles';
import { structureFor } from '../structures/structureAccess';

/**
 * The director shares the structure's declared partners with the network (searchable, in the territory's
 * network view) or stops sharing them; recorded in the audit trail.
 * @example await setPartnerSharing({ db, actor, structureId: 12, shared: true })
 */
export async function setPartnerSharing(p: { db: Db; actor: Actor; structureId: number; shared: boolean }) {
  const place = await structureFor({ ...p, ability: 'manage', refusal: 'Seule la direction de la structure décide du partage de ses partenaires.' });
  await setSharing(p.db, place.id, p.shared, p.actor.userId);
  await appendAudit(p.db, { actorId: p.actor.userId, action: p.shared ? 'partners.share' : 'partners.unshare', entity: 'structure', entityId: place.id });
  return getSharing(p.db, place.id);
}
