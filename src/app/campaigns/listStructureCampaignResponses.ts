import type { Db } from '../../db/connection';
import { listStructureResponses } from '../../db/campaign.repo';
import type { Actor } from '../../domain/roles';
import { PRIVATE_REFUSAL, PRIVATE_SIGN_IN } from '../structures/listStructureTeam';
import { structureFor } from '../structures/structureAccess';

/**
 * A structure's responses to the campaigns, for those who may read its private information.
 * @example await listStructureCampaignResponses({ db, actor, structureId: 12 }) // [{ year: 2024, state: 'submitted', … }]
 */
export async function listStructureCampaignResponses(p: { db: Db; actor: Actor; structureId: number }) {
  const place = await structureFor({ ...p, ability: 'readPrivate', refusal: PRIVATE_REFUSAL, signIn: PRIVATE_SIGN_IN });
  return listStructureResponses(p.db, place.id);
}
