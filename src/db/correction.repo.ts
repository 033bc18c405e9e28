import type { Db } from './connection';
import type { TerritoryScope } from './campaign.repo';

/** All SQL of directors' correction requests on a structure's identity sheet. */
export async function insertCorrection(db: Db, c: { structureId: number; authorId: number; body: string }): Promise<number> {
  const r = await db.insertInto('structure_corrections').values({ structure_id: c.structureId, author_id: c.authorId, body: c.body }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function listCorrections(db: Db, f: { structureId?: number; scopes?: TerritoryScope[]; open?: boolean }) {
  let q = db.selectFrom('structure_corrections').innerJoin('structures', 'structures.id', 'structure_corrections.structure_id')
    .leftJoin('users', 'users.id', 'structure_corrections.author_id')
    .select(['structure_corrections.id', 'structure_corrections.structure_id', 'structures.name as structure_name', 'structure_corrections.body',
      'structure_corrections.state', 'structure_corrections.created_at', 'structure_corrections.closed_at', 'users.name as author_name']);
  if (f.structureId !== undefined) q = q.where('structure_corrections.structure_id', '=', f.structureId);
  if (f.open) q = q.where('structure_corrections.state', '=', 'open');
  const scopes = f.scopes;
  if (scopes && !scopes.some((s) => s.level === 'nation')) {
    q = q.where((eb) => eb.or(scopes.map((s) => eb(s.level === 'region' ? 'structures.region_code' : 'structures.departement_code', '=', (s as { code: string }).code))));
  }
  return q.orderBy('structure_corrections.id', 'desc').limit(500).execute();
}

export async function closeCorrection(db: Db, c: { id: number; structureId: number; state: 'done' | 'declined'; by: number }): Promise<boolean> {
  const r = await db.updateTable('structure_corrections').set({ state: c.state, closed_at: new Date(), closed_by: c.by })
    .where('id', '=', c.id).where('structure_id', '=', c.structureId).where('state', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
