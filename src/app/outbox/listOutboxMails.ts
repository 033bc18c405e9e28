import type { TerritoryScope } from '../../db/campaign.repo';
import { listOutbox } from '../../db/cockpit.repo';
import type { Db } from '../../db/connection';
import type { Actor } from '../../domain/roles';

/**
 * A page of the prepared mails of a territory the caller has authorized. The mail server's error replies
 * are for the national administration, who runs the service: others get `last_error: null`.
 * @example await listOutboxMails({ db, actor, scope: { level: 'nation' }, page: { offset: 0, limit: 50 } }) // { items: […], total: 3 }
 */
export async function listOutboxMails(p: { db: Db; actor: Actor; scope: TerritoryScope; page: { offset: number; limit: number } }) {
  const list = await listOutbox(p.db, p.page, p.scope);
  const national = p.actor.memberships.some((m) => m.role === 'national_admin');
  return national ? list : { ...list, items: list.items.map((m) => ({ ...m, last_error: null })) };
}
