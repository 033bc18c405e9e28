import type { TerritoryScope } from '../../db/campaign.repo';
import type { Db } from '../../db/connection';
import { getDepartement, getRegion } from '../../db/territory.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { canFollowTerritory, type TerritoryRef } from '../../policies/territory';

/**
 * The territory asked for (nation, région or département), if the actor follows it: 401 for a visitor,
 * 400 without a code below the nation, 404 for an unknown code, 403 for a territory the actor does not follow.
 * @example const scope = await followedTerritory({ db, actor, level: 'departement', code: '69' }); // { level: 'departement', code: '69' }
 */
export async function followedTerritory(p: { db: Db; actor: Actor; level: 'nation' | 'region' | 'departement'; code: string | undefined }): Promise<TerritoryScope> {
  const { db, level, code } = p;
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour suivre une campagne.');
  let ref: TerritoryRef;
  if (level === 'nation') ref = { level };
  else {
    if (!code) throw new AppError('validation_failed', 'Le code du territoire est requis pour ce niveau.');
    if (level === 'region') {
      if (!(await getRegion(db, code))) throw new AppError('not_found', 'Région introuvable.');
      ref = { level, code };
    } else {
      const d = await getDepartement(db, code);
      if (!d) throw new AppError('not_found', 'Département introuvable.');
      ref = { level, code, regionCode: d.region_code };
    }
  }
  if (!canFollowTerritory(p.actor, ref)) throw new AppError('forbidden', 'Vous ne suivez pas ce territoire.');
  return ref.level === 'nation' ? ref : { level: ref.level, code: ref.code };
}
