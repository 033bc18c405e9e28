import type { Logger } from 'pino';
import type { Db } from '../db/connection';
import type { Actor } from '../domain/roles';
import type { LiveHub } from '../app/infra/live';
import type { LoginLimiter } from '../app/infra/loginLimiter';
import type { PasswordResetLimiter } from '../app/infra/passwordResetLimiter';
import type { LegalSettings } from '../domain/privacy/legal';
import type { RetentionPolicy } from '../domain/privacy/retention';
import type { AnsweredRequest } from './middleware/observeResponses';
import type { JsonBody } from './jsonBody';

/** What every handler may use. */
export interface Deps {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  logger: Logger;
  /** Secure cookies when served over HTTPS. */
  secureCookies: boolean;
  /** Presence and saved answers, pushed to the pages open on a response. */
  live: LiveHub;
  /** Reverse proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES); none when absent. */
  trustedProxies?: readonly string[];
  /** Login budgets; by default in memory on PGlite, in the database on PostgreSQL. */
  loginLimiter?: LoginLimiter;
  /** "Mot de passe oublié" budgets; same stores as the login limiter. */
  passwordResetLimiter?: PasswordResetLimiter;
  /** The operator's legal details (LEGAL_* variables); unset ones are shown as still to fill in. */
  legal?: LegalSettings;
  /** Retention periods shown in the privacy notice; the defaults when absent. */
  retention?: RetentionPolicy;
  /** Sees a copy of every API response with the route that answered it: the tests' contract check (never set in production). */
  observeResponse?: (answered: AnsweredRequest) => void;
}

export interface Env {
  Variables: {
    deps: Deps;
    actor: Actor;
    csrfToken: string | undefined;
    sessionId: string | undefined;
    /** Set by sendSharedJson: the answer's text and its compressed bytes, kept with the value they were made from. */
    jsonBody?: JsonBody;
  };
}
