import type { Context } from 'hono';
import { readConfig } from '../../../config';
import type { Env } from '../../context';

/**
 * Where invitation links point and which mail server sends them: the public URL (else the request's origin) and the SMTP URL if set.
 * @example await invitePerson({ db, actor, email, grant, ...mailing(c) });
 */
export const mailing = (c: Context<Env>) => {
  const config = readConfig();
  return { appUrl: config.publicUrl ?? new URL(c.req.url).origin, ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}) };
};
