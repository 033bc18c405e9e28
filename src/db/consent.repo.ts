import type { Db } from './connection';

export type ConsentState = 'pending' | 'accepted' | 'refused' | 'withdrawn';
export type LedgerAction = 'request' | 'grant' | 'refuse' | 'withdraw';

/** Whether an error is PostgreSQL's unique violation (a concurrent request for the same pair). */
export const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';

/** Live (pending or accepted) requests between a structure and any of the given ones, whoever asked. */
export async function liveRequestsBetween(db: Db, structureId: number, others: readonly number[]) {
  if (others.length === 0) return [];
  return db.selectFrom('consent_requests').select(['id', 'requester_id', 'target_id', 'state'])
    .where('state', 'in', ['pending', 'accepted'])
    .where((eb) => eb.or([
      eb.and([eb('requester_id', '=', structureId), eb('target_id', 'in', [...others])]),
      eb.and([eb('target_id', '=', structureId), eb('requester_id', 'in', [...others])]),
    ])).execute();
}

/** Creates one request per target and their ledger entries, all or nothing. */
export async function insertConsentRequests(db: Db, requesterId: number, targetIds: readonly number[], actorId: number) {
  return db.transaction().execute(async (tx) => {
    const rows = await tx.insertInto('consent_requests')
      .values(targetIds.map((t) => ({ requester_id: requesterId, target_id: t, requested_by: actorId })))
      .returning(['id', 'target_id', 'state', 'created_at']).execute();
    await tx.insertInto('consent_ledger').values(rows.map((r) => ({ request_id: r.id, structure_id: requesterId, actor_id: actorId, action: 'request' as const }))).execute();
    return rows;
  });
}

/** A request with where both structures sit, for the policies. */
export async function getConsentRequest(db: Db, id: number) {
  return db.selectFrom('consent_requests')
    .innerJoin('structures as r', 'r.id', 'consent_requests.requester_id')
    .innerJoin('structures as t', 't.id', 'consent_requests.target_id')
    .select(['consent_requests.id', 'consent_requests.requester_id', 'consent_requests.target_id', 'consent_requests.state',
      'r.departement_code as requester_departement', 'r.region_code as requester_region',
      't.departement_code as target_departement', 't.region_code as target_region'])
    .where('consent_requests.id', '=', id).executeTakeFirst();
}

/**
 * Moves a request from one of the expected states to another and appends the ledger entry, in one
 * transaction; false (and nothing written) when the request was no longer in an expected state.
 */
export async function transitionConsent(db: Db, t: { id: number; from: readonly ConsentState[]; to: ConsentState; action: LedgerAction; structureId: number; actorId: number }) {
  return db.transaction().execute(async (tx) => {
    const now = new Date();
    const r = await tx.updateTable('consent_requests')
      .set({ state: t.to, ...(t.to === 'withdrawn' ? { withdrawn_at: now } : { decided_at: now }) })
      .where('id', '=', t.id).where('state', 'in', [...t.from]).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await tx.insertInto('consent_ledger').values({ request_id: t.id, structure_id: t.structureId, actor_id: t.actorId, action: t.action }).execute();
    return true;
  });
}

/** Requests a structure made or received, with the other structure's public name, newest first. */
export async function listConsentRequests(db: Db, structureId: number) {
  return db.selectFrom('consent_requests')
    .innerJoin('structures as r', 'r.id', 'consent_requests.requester_id')
    .innerJoin('structures as t', 't.id', 'consent_requests.target_id')
    .select(['consent_requests.id', 'consent_requests.requester_id', 'r.name as requester_name', 'consent_requests.target_id', 't.name as target_name',
      'consent_requests.state', 'consent_requests.created_at', 'consent_requests.decided_at', 'consent_requests.withdrawn_at'])
    .where((eb) => eb.or([eb('consent_requests.requester_id', '=', structureId), eb('consent_requests.target_id', '=', structureId)]))
    .orderBy('consent_requests.id', 'desc').execute();
}

/** Ledger entries of the requests a structure is part of, in order. */
export async function listConsentLedger(db: Db, structureId: number) {
  return db.selectFrom('consent_ledger')
    .innerJoin('consent_requests', 'consent_requests.id', 'consent_ledger.request_id')
    .leftJoin('users', 'users.id', 'consent_ledger.actor_id')
    .select(['consent_ledger.id', 'consent_ledger.request_id', 'consent_ledger.structure_id', 'consent_ledger.action', 'consent_ledger.at', 'users.name as actor_name'])
    .where((eb) => eb.or([eb('consent_requests.requester_id', '=', structureId), eb('consent_requests.target_id', '=', structureId)]))
    .orderBy('consent_ledger.id').execute();
}

/** Structures that share an accepted, not withdrawn, consent with this one. */
export async function consentingPartners(db: Db, structureId: number): Promise<number[]> {
  const rows = await db.selectFrom('consent_requests').select(['requester_id', 'target_id'])
    .where('state', '=', 'accepted')
    .where((eb) => eb.or([eb('requester_id', '=', structureId), eb('target_id', '=', structureId)])).execute();
  return [...new Set(rows.map((r) => (r.requester_id === structureId ? r.target_id : r.requester_id)))].sort((a, b) => a - b);
}
