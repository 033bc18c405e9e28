import { Hono } from 'hono';
import { SESSION_DAYS } from '../../../app/accounts/login';
import { legalVariables, type LegalSettings } from '../../../domain/privacy/legal';
import { defaultRetention } from '../../../domain/privacy/retention';
import type { Env } from '../../context';
import type { RouteDoc } from '../../openapi';
import { legalResponse, type LegalResponse } from './schema';

export const legalDocs = [
  { method: 'get', path: '/api/legal', summary: 'Mentions légales, contacts et durées de conservation de cette instance', tag: 'système', auth: 'none', response: legalResponse },
] as const satisfies readonly RouteDoc[];

/** Public: the legal notice and the privacy notice must be readable by anyone. */
export function legalRoutes() {
  const app = new Hono<Env>();
  app.get('/legal', (c) => {
    const legal: LegalSettings = c.var.deps.legal ?? {};
    const retention = c.var.deps.retention ?? defaultRetention;
    const field = (k: keyof LegalSettings) => legal[k] ?? null;
    const body: LegalResponse = {
      publisher: field('publisher'), publisherAddress: field('publisherAddress'), publicationDirector: field('publicationDirector'),
      host: field('host'), contact: field('contact'), dpoContact: field('dpoContact'), legalBasis: field('legalBasis'), accessibilityAudit: field('accessibilityAudit'),
      variables: legalVariables,
      retention: { ...retention, sessionDays: SESSION_DAYS },
    };
    return c.json(body);
  });
  return app;
}
