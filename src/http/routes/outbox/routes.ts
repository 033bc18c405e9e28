import { Hono } from 'hono';
import { listOutboxMails } from '../../../app/outbox/listOutboxMails';
import { retryMail } from '../../../app/outbox/retryMail';
import { readConfig } from '../../../config';
import type { Env } from '../../context';
import { readId, readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { authorizeTerritory } from '../campaigns/access';
import { presentOutboxMail } from '../../presenters/outbox';
import { outboxQuery, outboxResponse, retriedMail } from './schema';

export const outboxDocs = [
  { method: 'get', path: '/api/outbox', summary: 'Courriels préparés (boîte d’envoi) d’un territoire', tag: 'campagnes', auth: 'session', query: outboxQuery, response: outboxResponse },
  { method: 'post', path: '/api/outbox/:id/retry', summary: 'Renvoyer un courriel abandonné après ses essais (administration nationale)', tag: 'campagnes', auth: 'session', response: retriedMail },
] as const satisfies readonly RouteDoc[];

/**
 * The mail outbox of a territory, and sending again a mail given up on.
 * @example api.route('/', outboxRoutes());
 */
export function outboxRoutes() {
  const app = new Hono<Env>();
  app.get('/outbox', async (c) => {
    const q = readQuery(c, outboxQuery);
    const scope = await authorizeTerritory(c, q.level, q.code);
    const list = await listOutboxMails({ db: c.var.deps.db, actor: c.var.actor, scope, page: { offset: (q.page - 1) * q.pageSize, limit: q.pageSize } });
    return c.json({ items: list.items.map(presentOutboxMail), total: list.total });
  });
  app.post('/outbox/:id/retry', async (c) => {
    const config = readConfig();
    return c.json(await retryMail({ db: c.var.deps.db, actor: c.var.actor, mailId: readId(c), ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}) }));
  });
  return app;
}
