import type { Logger } from 'pino';
import type { Db } from '../db/connection';
import type { Actor } from '../domain/roles';

/** What every handler may use. */
export interface Deps {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  logger: Logger;
  /** Secure cookies when served over HTTPS. */
  secureCookies: boolean;
}

export interface Env {
  Variables: {
    deps: Deps;
    actor: Actor;
    csrfToken: string | undefined;
    sessionId: string | undefined;
  };
}
