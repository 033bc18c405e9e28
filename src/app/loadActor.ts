import type { Db } from '../db/connection';
import { findLiveSession } from '../db/session.repo';
import { findUserById, listMemberships } from '../db/user.repo';
import { anonymous, type Actor } from '../domain/roles';
import { sessionIdOf } from './login';

/** The actor behind a session cookie, or the anonymous visitor. */
export async function loadActor(db: Db, token: string | undefined, now = new Date()): Promise<{ actor: Actor; csrfToken?: string; sessionId?: string }> {
  if (!token || token.length > 200) return { actor: anonymous };
  const session = await findLiveSession(db, sessionIdOf(token), now);
  if (!session) return { actor: anonymous };
  const user = await findUserById(db, session.user_id);
  if (!user || user.disabled) return { actor: anonymous };
  const memberships = await listMemberships(db, user.id);
  return {
    actor: { userId: user.id, email: user.email, name: user.name, memberships },
    csrfToken: session.csrf_token,
    sessionId: session.id,
  };
}
