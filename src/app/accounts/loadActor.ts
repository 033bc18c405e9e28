import type { Db } from '../../db/connection';
import { findSessionActor } from '../../db/session.repo';
import { anonymous, type Actor, type Membership } from '../../domain/roles';
import { csrfTokenOf, sessionIdOf } from './login';

/** The actor behind a session cookie, or the anonymous visitor. */
export async function loadActor(db: Db, token: string | undefined, now = new Date()): Promise<{ actor: Actor; csrfToken?: string; sessionId?: string }> {
  if (!token || token.length > 200) return { actor: anonymous };
  const id = sessionIdOf(token);
  const row = await findSessionActor(db, id, now);
  if (!row) return { actor: anonymous };
  return {
    actor: { userId: row.user_id, email: row.email, name: row.name, memberships: (row.memberships ?? []) as unknown as Membership[] },
    csrfToken: csrfTokenOf(token),
    sessionId: id,
  };
}
