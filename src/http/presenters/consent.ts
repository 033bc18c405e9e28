import type { listConsents } from '../../app/consents/listConsents';

type ConsentList = Awaited<ReturnType<typeof listConsents>>;

/**
 * A request to compare by name, made or received by a structure.
 * @example presentConsentRequest(row) // { id: 4, requesterId: 1, requesterName: '…', targetId: 2, targetName: '…', state: 'pending', createdAt: …, decidedAt: null, withdrawnAt: null }
 */
export function presentConsentRequest(r: ConsentList['requests'][number]) {
  return {
    id: r.id, requesterId: r.requester_id, requesterName: r.requester_name, targetId: r.target_id, targetName: r.target_name, state: r.state,
    createdAt: r.created_at, decidedAt: r.decided_at, withdrawnAt: r.withdrawn_at,
  };
}

/**
 * An entry of the consent ledger: a request, grant, refusal or withdrawal, by whom and when.
 * @example presentConsentLedgerEntry(row) // { id: 9, requestId: 4, structureId: 2, action: 'grant', at: …, actorName: 'Ana' }
 */
export function presentConsentLedgerEntry(e: ConsentList['ledger'][number]) {
  return { id: e.id, requestId: e.request_id, structureId: e.structure_id, action: e.action, at: e.at, actorName: e.actor_name };
}

/**
 * A structure's requests made and received, the ledger about them, and the nearby structures it may ask.
 * @example presentConsentList(await listConsents({ db, actor, structureId: 1 })) // { requests: […], ledger: […], candidates: [{ id: 2, km: 3.1, … }] }
 */
export function presentConsentList(l: ConsentList) {
  return {
    requests: l.requests.map(presentConsentRequest),
    ledger: l.ledger.map(presentConsentLedgerEntry),
    candidates: l.candidates.map((c) => ({ id: c.id, km: c.km, neighbour: c.neighbour, name: c.name, commune: c.commune, kind: c.kind })),
  };
}
