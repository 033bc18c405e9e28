import type { Db } from '../../db/connection';
import { sharedPartners, sharingStructures } from '../../db/partner.repo';
import { getDepartement } from '../../db/territory.repo';
import { AppError } from '../../domain/errors';
import { partnerNetwork } from '../../domain/partners/network';
import type { Actor } from '../../domain/roles';

/**
 * The partnership network of a département: structures that share their partners, their partners (merged
 * across structures), one link per partnership, and the table equivalent. Signed-in people only.
 * @example await getPartnerNetwork({ db, actor, departement: '69', theme: 'logement' })
 */
export async function getPartnerNetwork(p: { db: Db; actor: Actor; departement: string; kind?: string; theme?: string }) {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour voir le réseau des partenaires.');
  const d = await getDepartement(p.db, p.departement);
  if (!d) throw new AppError('not_found', 'Département introuvable.');
  const [structures, partners] = await Promise.all([
    sharingStructures(p.db, { departementCode: d.code }),
    sharedPartners(p.db, { departementCode: d.code, kind: p.kind, theme: p.theme }),
  ]);
  return { territory: { level: 'departement' as const, code: d.code, name: d.name }, ...partnerNetwork(structures, partners) };
}
