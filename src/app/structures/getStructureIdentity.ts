import type { Db } from '../../db/connection';
import { getStructure } from '../../db/structure.repo';
import { AppError } from '../../domain/errors';

/**
 * A structure's public identity card (directory data, commune and département names), or a 404.
 * @example await getStructureIdentity({ db, structureId: 12 }) // { id: 12, name: 'Centre social…', commune_name: 'Lyon', … }
 */
export async function getStructureIdentity(p: { db: Db; structureId: number }) {
  const s = await getStructure(p.db, p.structureId);
  if (!s) throw new AppError('not_found', 'Structure introuvable.');
  return s;
}
