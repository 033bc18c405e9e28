import { randomInt } from 'node:crypto';
import type { Db } from './connection';
import type { CurrentStructure, DirectoryDiff } from '../domain/directory/diff';
import type { DirectoryEntry } from '../domain/directory/parse';
import { insertInChunks } from './bulk';
import { forgetDirectoryPages } from './structure.repo';

const day = (d: Date | string | null): string | null => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/**
 * Every structure of the directory with its approvals, in the terms of a directory file.
 * @example const current = await currentDirectory(db);
 */
export async function currentDirectory(db: Db): Promise<CurrentStructure[]> {
  const [rows, approvals] = await Promise.all([
    db.selectFrom('structures').select(['id', 'siret', 'name', 'kind', 'address', 'postal_code', 'commune_code', 'management', 'federation_member', 'qpv_codes', 'email', 'ended_on']).orderBy('id').execute(),
    db.selectFrom('approvals').select(['structure_id', 'kind', 'starts_on', 'ends_on']).orderBy('id').execute(),
  ]);
  const byStructure = new Map<number, CurrentStructure['approvals']>();
  for (const a of approvals) {
    const list = byStructure.get(a.structure_id) ?? [];
    list.push({ kind: a.kind as CurrentStructure['approvals'][number]['kind'], startsOn: day(a.starts_on)!, endsOn: day(a.ends_on) });
    byStructure.set(a.structure_id, list);
  }
  return rows.map((r) => ({
    id: r.id, siret: r.siret, name: r.name, kind: r.kind, address: r.address, postalCode: r.postal_code, communeCode: r.commune_code,
    management: r.management, federationMember: r.federation_member, qpvCodes: r.qpv_codes, email: r.email, endedOn: day(r.ended_on),
    approvals: byStructure.get(r.id) ?? [],
  }));
}

/** Urban or rural from the commune's population (INSEE's historical threshold of an urban unit: 2,000 inhabitants). */
const territoryType = (population: number) => (population >= 2_000 ? 'urban' : 'rural');

function identity(e: DirectoryEntry, population: number) {
  return {
    siret: e.siret, name: e.name, kind: e.kind, address: e.address, postal_code: e.postalCode, commune_code: e.communeCode,
    departement_code: e.departementCode, region_code: e.regionCode, management: e.management, federation_member: e.federationMember,
    qpv_codes: JSON.stringify(e.qpvCodes), email: e.email, territory_type: territoryType(population),
  };
}

const qpvStatus = (codes: string[]) => (codes.length > 0 ? 'inside' : 'none');
const firstApproval = (e: DirectoryEntry) => e.approvals.map((a) => a.startsOn).sort()[0] ?? null;

/**
 * Applies a directory difference in one transaction: new structures (a random cell key each), identities
 * updated, approvals added or their ends moved (never removed), structures taken over closed with their
 * successor; one audit event per structure changed, with the fields before and after.
 * @example await applyDirectoryDiff(db, diff, { actorId: 1, today: '2027-01-10', populationOf });
 */
export async function applyDirectoryDiff(db: Db, diff: DirectoryDiff, p: { actorId: number | null; today: string; populationOf: (code: string) => number }) {
  return db.transaction().execute(async (tx) => {
    const audit: { actor_id: number | null; action: string; entity: string; entity_id: string; data: string }[] = [];
    const idOf = new Map<string, number>();
    const created = diff.created.length === 0 ? [] : await insertReturning(tx, diff.created.map((c) => ({
      ...identity(c.entry, p.populationOf(c.entry.communeCode)), qpv_status: qpvStatus(c.entry.qpvCodes),
      first_approval_on: firstApproval(c.entry), ended_on: c.endedOn, cell_key: randomInt(0, 2 ** 31 - 1),
    })));
    // Matched by SIRET rather than by position: RETURNING's order is PostgreSQL's habit, not a promise.
    for (const row of created) idOf.set(row.siret!, row.id);
    diff.created.forEach((c) => {
      const id = idOf.get(c.entry.siret)!;
      audit.push({ actor_id: p.actorId, action: 'structure.create', entity: 'structure', entity_id: String(id), data: JSON.stringify({ siret: c.entry.siret, name: c.entry.name, row: c.entry.row, ...(c.splitFrom.length ? { splitFrom: c.splitFrom } : {}) }) });
    });
    await insertInChunks(tx, 'approvals', diff.created.flatMap((c) => c.entry.approvals.map((a) => ({ structure_id: idOf.get(c.entry.siret)!, kind: a.kind, starts_on: a.startsOn, ends_on: a.endsOn }))));

    for (const u of diff.updated) {
      idOf.set(u.entry.siret, u.id);
      const fields = new Set(u.changes.map((c) => c.field));
      if (fields.size > 0) {
        await tx.updateTable('structures').set({
          ...identity(u.entry, p.populationOf(u.entry.communeCode)),
          ...(fields.has('communeCode') ? {} : { territory_type: undefined }),
          ...(fields.has('qpvCodes') ? { qpv_status: qpvStatus(u.entry.qpvCodes) } : {}),
          ended_on: u.endedOn, updated_at: new Date(),
        }).where('id', '=', u.id).execute();
      }
      for (const a of u.changedEnds) {
        await tx.updateTable('approvals').set({ ends_on: a.endsOn }).where('structure_id', '=', u.id).where('kind', '=', a.kind).where('starts_on', '=', a.startsOn as never).execute();
      }
      await insertInChunks(tx, 'approvals', u.newApprovals.map((a) => ({ structure_id: u.id, kind: a.kind, starts_on: a.startsOn, ends_on: a.endsOn })));
      audit.push({ actor_id: p.actorId, action: 'structure.update', entity: 'structure', entity_id: String(u.id), data: JSON.stringify({ row: u.entry.row, changes: u.changes, ...(u.tookOver.length ? { tookOver: u.tookOver } : {}), ...(u.splitFrom.length ? { splitFrom: u.splitFrom } : {}) }) });
    }
    for (const t of diff.takenOver) {
      const successor = idOf.get(t.successorSiret) ?? null;
      await tx.updateTable('structures').set({ ended_on: t.endedOn, successor_id: successor, updated_at: new Date() }).where('id', '=', t.id).execute();
      audit.push({ actor_id: p.actorId, action: 'structure.taken_over', entity: 'structure', entity_id: String(t.id), data: JSON.stringify({ siret: t.siret, successor, successorSiret: t.successorSiret, endedOn: t.endedOn }) });
    }
    await insertInChunks(tx, 'audit_events', audit);
    return { created: created.length, updated: diff.updated.length, takenOver: diff.takenOver.length };
  }).finally(forgetDirectoryPages);
}

async function insertReturning(tx: Db, rows: Record<string, unknown>[]) {
  const out: { id: number; siret: string | null }[] = [];
  const size = Math.floor(60_000 / Object.keys(rows[0]).length);
  for (let i = 0; i < rows.length; i += size) {
    out.push(...await tx.insertInto('structures').values(rows.slice(i, i + size) as never).returning(['id', 'siret']).execute());
  }
  return out;
}
