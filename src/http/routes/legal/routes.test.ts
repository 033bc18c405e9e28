import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../config';
import type { Db } from '../../../db/connection';
import { LiveHub } from '../../../app/infra/live';
import { createApp } from '../../app';
import type { LegalResponse } from './schema';

// The route reads only its settings: no database is reached.
const appWith = (env: NodeJS.ProcessEnv) => {
  const config = readConfig(env);
  return createApp({ db: {} as Db, dbKind: 'pglite', logger: pino({ level: 'silent' }), secureCookies: false, live: new LiveHub(), legal: config.legal, retention: config.retention });
};

describe('GET /api/legal', () => {
  it('gives the operator’s settings and retention periods, null for what is still to fill in', async () => {
    const res = await appWith({ LEGAL_PUBLISHER: 'CAF du Rhône', LEGAL_DPO_CONTACT: 'dpo@caf69.example', RETENTION_AUDIT_DAYS: '730' }).request('/api/legal');
    expect(res.status).toBe(200);
    const body = (await res.json()) as LegalResponse;
    expect(body.publisher).toBe('CAF du Rhône');
    expect(body.dpoContact).toBe('dpo@caf69.example');
    expect(body.host).toBeNull();
    expect(body.variables.host).toBe('LEGAL_HOST');
    expect(body.retention).toEqual({ tokensDays: 30, outboxDays: 90, auditDays: 730, sessionDays: 14 });
  });
});
