import type { Context } from 'hono';
import type { Env } from './context';

/**
 * Whether the client would rather follow a job than wait on the open request: `Prefer: respond-async`
 * (RFC 7240), sent by the web pages for an import or a publication. Without it the request answers when done.
 */
export function prefersAsync(c: Context<Env>): boolean {
  return /(^|[,;\s])respond-async\b/i.test(c.req.header('prefer') ?? '');
}

/** 202 Accepted with the job to follow: `Location: /api/jobs/:id`, and `{ job: { id, url } }`. */
export function jobAccepted(c: Context<Env>, id: number) {
  const url = `/api/jobs/${id}`;
  c.header('location', url);
  c.header('preference-applied', 'respond-async');
  return c.json({ job: { id, url } }, 202);
}
