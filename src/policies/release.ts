import type { Actor } from '../domain/roles';

/**
 * Releases: the national administration publishes them; everyone reads the published ones (they are the
 * public figures).
 */
export const releasePolicy = {
  publish: (actor: Actor) => actor.memberships.some((m) => m.role === 'national_admin'),
} as const;
