import { sql } from 'kysely';
import type { Db } from './connection';
import type { Partner, PartnerKind } from '../domain/partners/partner';
import type { SharingStructure } from '../domain/partners/search';

type PartnerValue = Omit<Partner, 'id' | 'structureId'>;

const toPartner = (r: { id: number; structure_id: number; kind: string; name: string; siret: string | null; themes: string[] }): Partner =>
  ({ id: r.id, structureId: r.structure_id, kind: r.kind as PartnerKind, name: r.name, siret: r.siret, themes: r.themes ?? [] });

const columns = ['partners.id', 'partners.structure_id', 'partners.kind', 'partners.name', 'partners.siret', 'partners.themes'] as const;

/** A structure's declared partners, by name. */
export async function listPartners(db: Db, structureId: number): Promise<Partner[]> {
  const rows = await db.selectFrom('partners').select(columns).where('structure_id', '=', structureId).orderBy('name').orderBy('id').execute();
  return rows.map(toPartner);
}

export async function countPartners(db: Db, structureId: number): Promise<number> {
  const r = await db.selectFrom('partners').select((eb) => eb.fn.countAll<number>().as('n')).where('structure_id', '=', structureId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertPartner(db: Db, structureId: number, v: PartnerValue, userId: number | null): Promise<Partner> {
  const r = await db.insertInto('partners').values({ structure_id: structureId, kind: v.kind, name: v.name, siret: v.siret, themes: JSON.stringify(v.themes), created_by: userId })
    .returning(columns).executeTakeFirstOrThrow();
  return toPartner(r);
}

/** Many partners at once (demo seed). */
export async function insertPartners(db: Db, rows: { structureId: number; value: PartnerValue }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    await db.insertInto('partners').values(chunk.map((r) => ({ structure_id: r.structureId, kind: r.value.kind, name: r.value.name, siret: r.value.siret, themes: JSON.stringify(r.value.themes) }))).execute();
  }
}

/** Updates a partner of that structure; undefined when it has no such partner. */
export async function updatePartner(db: Db, structureId: number, id: number, v: PartnerValue): Promise<Partner | undefined> {
  const r = await db.updateTable('partners').set({ kind: v.kind, name: v.name, siret: v.siret, themes: JSON.stringify(v.themes), updated_at: sql`now()` })
    .where('id', '=', id).where('structure_id', '=', structureId).returning(columns).executeTakeFirst();
  return r && toPartner(r);
}

export async function deletePartner(db: Db, structureId: number, id: number): Promise<boolean> {
  const r = await db.deleteFrom('partners').where('id', '=', id).where('structure_id', '=', structureId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The structure's sharing consent; no row means never decided, hence not shared. */
export async function getSharing(db: Db, structureId: number): Promise<{ shared: boolean; decidedAt: Date | null; decidedBy: string | null }> {
  const r = await db.selectFrom('partner_sharing').leftJoin('users', 'users.id', 'partner_sharing.decided_by')
    .select(['partner_sharing.shared', 'partner_sharing.decided_at', 'users.name as decided_by_name'])
    .where('partner_sharing.structure_id', '=', structureId).executeTakeFirst();
  return r ? { shared: r.shared, decidedAt: r.decided_at, decidedBy: r.decided_by_name } : { shared: false, decidedAt: null, decidedBy: null };
}

export async function setSharing(db: Db, structureId: number, shared: boolean, userId: number | null): Promise<void> {
  await db.insertInto('partner_sharing').values({ structure_id: structureId, shared, decided_by: userId })
    .onConflict((oc) => oc.column('structure_id').doUpdateSet({ shared, decided_by: userId, decided_at: sql`now()` })).execute();
}

/** Many consents at once (demo seed). */
export async function insertSharing(db: Db, rows: { structureId: number; shared: boolean }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    await db.insertInto('partner_sharing').values(rows.slice(i, i + 5000).map((r) => ({ structure_id: r.structureId, shared: r.shared }))).execute();
  }
}

/** Structures that share their partners (directory data only), optionally in one département or region. */
export async function sharingStructures(db: Db, where: { departementCode?: string; regionCode?: string } = {}): Promise<SharingStructure[]> {
  let q = db.selectFrom('structures').innerJoin('partner_sharing', 'partner_sharing.structure_id', 'structures.id')
    .innerJoin('communes', 'communes.code', 'structures.commune_code')
    .select(['structures.id', 'structures.name', 'structures.kind', 'communes.name as commune', 'structures.departement_code', 'structures.lat', 'structures.lon'])
    .where('partner_sharing.shared', '=', true);
  if (where.departementCode) q = q.where('structures.departement_code', '=', where.departementCode);
  if (where.regionCode) q = q.where('structures.region_code', '=', where.regionCode);
  const rows = await q.orderBy('structures.id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, commune: r.commune, departementCode: r.departement_code, lat: r.lat, lon: r.lon }));
}

/** Partners of sharing structures only, optionally of one kind and theme (the consent is checked here, in SQL). */
export async function sharedPartners(db: Db, f: { kind?: string; theme?: string; departementCode?: string; regionCode?: string } = {}): Promise<Partner[]> {
  let q = db.selectFrom('partners').innerJoin('partner_sharing', 'partner_sharing.structure_id', 'partners.structure_id')
    .innerJoin('structures', 'structures.id', 'partners.structure_id')
    .select(columns).where('partner_sharing.shared', '=', true);
  if (f.kind) q = q.where('partners.kind', '=', f.kind);
  if (f.theme) q = q.where(sql<boolean>`partners.themes @> ${JSON.stringify([f.theme])}::jsonb`);
  if (f.departementCode) q = q.where('structures.departement_code', '=', f.departementCode);
  if (f.regionCode) q = q.where('structures.region_code', '=', f.regionCode);
  const rows = await q.orderBy('partners.id').execute();
  return rows.map(toPartner);
}

/** A structure's place and coordinates (public directory data), for distances. */
export async function structureOrigin(db: Db, id: number) {
  return db.selectFrom('structures').select(['id', 'name', 'lat', 'lon', 'departement_code', 'region_code']).where('id', '=', id).executeTakeFirst();
}
