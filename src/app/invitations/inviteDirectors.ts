import type { Db } from '../../db/connection';
import { directorFollowUp } from '../../db/people.repo';
import type { TerritoryScope } from '../../db/campaign.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { canFollowTerritory, type TerritoryRef } from '../../policies/territory';
import { invitationState } from './invitationAccess';
import { inviteMember } from './inviteMember';

export type DirectorStatus = 'joined' | 'invited' | 'expired' | 'not_invited' | 'no_email';

/** Where one structure stands: director joined, invited (pending link), link expired or revoked, not invited yet, no e-mail to invite. */
function statusOf(r: Awaited<ReturnType<typeof directorFollowUp>>[number], now: Date): DirectorStatus {
  if (r.directors) return 'joined';
  const inv = r.last_invitation;
  if (inv) {
    const state = invitationState({ accepted_at: inv.accepted_at ? new Date(inv.accepted_at) : null, revoked_at: inv.revoked_at ? new Date(inv.revoked_at) : null, expires_at: new Date(inv.expires_at) }, now);
    if (state === 'pending') return 'invited';
    if (state !== 'accepted') return 'expired';
  }
  return r.email ? 'not_invited' : 'no_email';
}

async function checkTerritory(db: Db, actor: Actor, scope: TerritoryScope): Promise<void> {
  if (!actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour suivre les directions invitées.');
  let ref: TerritoryRef = { level: 'nation' };
  if (scope.level === 'region') ref = { level: 'region', code: scope.code };
  if (scope.level === 'departement') {
    const d = await db.selectFrom('departements').select('region_code').where('code', '=', scope.code).executeTakeFirst();
    if (!d) throw new AppError('not_found', 'Département introuvable.');
    ref = { level: 'departement', code: scope.code, regionCode: d.region_code };
  }
  if (!canFollowTerritory(actor, ref)) throw new AppError('forbidden', 'Ce territoire n’est pas le vôtre.');
}

/**
 * The directors of a territory's structures: who joined, who is invited, who has not been invited yet.
 * @example const rows = await listDirectorInvitations({ db, actor, scope: { level: 'departement', code: '69' } });
 */
export async function listDirectorInvitations(p: { db: Db; actor: Actor; scope: TerritoryScope; now?: Date }) {
  await checkTerritory(p.db, p.actor, p.scope);
  const now = p.now ?? new Date();
  return (await directorFollowUp(p.db, p.scope)).map((r) => ({
    id: r.id, name: r.name, email: r.email, departementCode: r.departement_code, directors: r.directors,
    invitedEmail: r.last_invitation?.email ?? null, status: statusOf(r, now),
  }));
}

/**
 * Invites the director of each chosen structure (or of every structure of the territory not invited yet) at
 * the directory's e-mail, with the structures' own invitation links (secret, hashed, expiring). A structure
 * whose director joined, or whose link is still pending, is left alone; each invitation is audited.
 * @example await inviteDirectors({ db, actor, scope: { level: 'departement', code: '69' }, appUrl });
 */
export async function inviteDirectors(p: { db: Db; actor: Actor; scope: TerritoryScope; structureIds?: number[]; appUrl: string; smtpUrl?: string; now?: Date }) {
  await checkTerritory(p.db, p.actor, p.scope);
  const now = p.now ?? new Date();
  const rows = await directorFollowUp(p.db, p.scope, p.structureIds);
  if (p.structureIds && rows.length !== new Set(p.structureIds).size) throw new AppError('not_found', 'Une des structures choisies n’est pas dans ce territoire.');
  const invited: { structureId: number; email: string; link?: string }[] = [];
  const skipped: { structureId: number; name: string; reason: DirectorStatus }[] = [];
  for (const r of rows) {
    const status = statusOf(r, now);
    if ((status !== 'not_invited' && status !== 'expired') || !r.email) { skipped.push({ structureId: r.id, name: r.name, reason: status }); continue; }
    const res = await inviteMember({ db: p.db, actor: p.actor, structureId: r.id, email: r.email, role: 'director', appUrl: p.appUrl, ...(p.smtpUrl ? { smtpUrl: p.smtpUrl } : {}), now });
    invited.push({ structureId: r.id, email: res.email, ...(res.link ? { link: res.link } : {}) });
  }
  return { invited, skipped };
}
