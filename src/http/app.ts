import { Hono, type Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import type { Deps, Env } from './context';
import { errorResponse, notFound } from './middleware/errors';
import { sessionMiddleware } from './middleware/session';
import { csrfMiddleware } from './middleware/csrf';
import { refuseTooLarge } from './tooLarge';
import { LoginLimiter } from '../app/infra/loginLimiter';
import type { RouteDoc } from './openapi';
import { authDocs, authRoutes } from './routes/auth/routes';
import { systemDocs, systemRoutes } from './routes/system/routes';
import { structureDocs, structureRoutes } from './routes/structures/routes';
import { territoryDocs, territoryRoutes } from './routes/territories/routes';
import { campaignDocs, campaignRoutes } from './routes/campaigns/routes';
import { responseDocs, responseRoutes } from './routes/responses/routes';
import { queryDocs, queryRoutes } from './routes/queries/routes';
import { outboxDocs, outboxRoutes } from './routes/outbox/routes';
import { statsDocs, statsRoutes } from './routes/stats/routes';
import { consentDocs, consentRoutes } from './routes/consents/routes';
import { questionnaireDocs, questionnaireRoutes } from './routes/questionnaires/routes';
import { partnerDocs, partnerRoutes } from './routes/partners/routes';
import { reportDocs, reportRoutes } from './routes/reports/routes';
import { EXTERNAL_UPLOAD_LIMIT, EXTERNAL_UPLOAD_PATH, externalDocs, externalRoutes } from './routes/external/routes';
import { exportDocs, exportRoutes } from './routes/exports/routes';
import { openDataDocs, openDataRoutes } from './routes/opendata/routes';
import { actionSheetDocs, actionSheetRoutes } from './routes/actionSheets/routes';
import { invitationDocs, invitationRoutes } from './routes/invitations/routes';
import { releaseDocs, releaseRoutes } from './routes/releases/routes';
import { DIRECTORY_UPLOAD_LIMIT, DIRECTORY_UPLOAD_PATH, directoryDocs, directoryRoutes } from './routes/directory/routes';
import { peopleDocs, peopleRoutes } from './routes/people/routes';
import { directorDocs, directorRoutes } from './routes/directors/routes';
import { accountDocs, accountRoutes } from './routes/account/routes';
import { PasswordResetLimiter } from '../app/infra/passwordResetLimiter';
import { legalDocs, legalRoutes } from './routes/legal/routes';
import { jobDocs, jobRoutes } from './routes/jobs/routes';
import { requestLog } from './middleware/requestLog';
import { compressResponses } from './middleware/compress';
import { observeResponses } from './middleware/observeResponses';

/** Every route's doc with its literal types (method, path, schemas): the typed web client reads its type (src/http/apiTypes.ts). */
const routeDocs = [...systemDocs, ...authDocs, ...territoryDocs, ...structureDocs, ...campaignDocs, ...responseDocs, ...queryDocs, ...outboxDocs,
  ...questionnaireDocs, ...statsDocs, ...consentDocs, ...partnerDocs, ...reportDocs, ...exportDocs, ...openDataDocs, ...actionSheetDocs, ...invitationDocs, ...externalDocs, ...releaseDocs, ...directoryDocs, ...peopleDocs, ...directorDocs, ...accountDocs, ...legalDocs, ...jobDocs] as const satisfies readonly RouteDoc[];
export type ApiRouteDoc = (typeof routeDocs)[number];
export const allRouteDocs: readonly RouteDoc[] = routeDocs;

/**
 * The API, mounted under /api. The web app is added by the server (see serveWeb).
 * @example const res = await createApp(deps).request('/api/health');
 */
export function createApp(deps: Deps) {
  const app = new Hono<Env>();
  app.use('*', async (c, next) => { c.set('deps', deps); await next(); });
  // JSON above 1 KB (a dashboard, a directory page) travels brotli- or gzip-compressed; the web app's own files come precompressed.
  app.use('*', compressResponses({ threshold: 1024 }));
  app.use('*', secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"], frameAncestors: ["'none'"], objectSrc: ["'none'"], baseUri: ["'self'"],
    },
    referrerPolicy: 'same-origin',
  }));
  app.onError(errorResponse);

  const api = new Hono<Env>();
  // One limiter for every password check: logins and invitations accepted with an existing account.
  const loginLimiter = deps.loginLimiter ?? LoginLimiter.forDatabase(deps.db, deps.dbKind);
  const tooLarge = (c: Context) => refuseTooLarge(c, 'La requête est trop volumineuse.');
  const defaultLimit = bodyLimit({ maxSize: 1_000_000, onError: tooLarge });
  // Only the external data upload takes large files (a national file of 50,000 rows).
  const uploadLimit = bodyLimit({ maxSize: EXTERNAL_UPLOAD_LIMIT, onError: (c) => refuseTooLarge(c, 'Le fichier dépasse 30 Mo.') });
  const directoryLimit = bodyLimit({ maxSize: DIRECTORY_UPLOAD_LIMIT, onError: (c) => refuseTooLarge(c, 'Le fichier dépasse 10 Mo.') });
  api.use('*', (c, next) => (c.req.method === 'POST' && c.req.path === EXTERNAL_UPLOAD_PATH ? uploadLimit(c, next)
    : c.req.method === 'POST' && c.req.path === DIRECTORY_UPLOAD_PATH ? directoryLimit(c, next) : defaultLimit(c, next)));
  if (deps.observeResponse) api.use('*', observeResponses(deps.observeResponse));
  api.use('*', requestLog);
  api.use('*', sessionMiddleware);
  api.use('*', csrfMiddleware);
  api.route('/', systemRoutes(() => allRouteDocs));
  api.route('/', authRoutes(loginLimiter, deps.passwordResetLimiter ?? PasswordResetLimiter.forDatabase(deps.db, deps.dbKind), deps.trustedProxies));
  api.route('/', accountRoutes(loginLimiter));
  api.route('/', territoryRoutes());
  api.route('/', structureRoutes());
  api.route('/', campaignRoutes());
  api.route('/', responseRoutes());
  api.route('/', queryRoutes());
  api.route('/', outboxRoutes());
  api.route('/', statsRoutes());
  api.route('/', consentRoutes());
  api.route('/', questionnaireRoutes());
  api.route('/', partnerRoutes());
  api.route('/', reportRoutes());
  api.route('/', externalRoutes());
  api.route('/', exportRoutes());
  api.route('/', openDataRoutes());
  api.route('/', actionSheetRoutes());
  api.route('/', invitationRoutes(loginLimiter));
  api.route('/', releaseRoutes());
  api.route('/', directoryRoutes());
  api.route('/', peopleRoutes());
  api.route('/', directorRoutes());
  api.route('/', legalRoutes());
  api.route('/', jobRoutes());
  // Mounted sub-apps do not use their own notFound: without this catch-all, an unknown /api path (or a
  // known path with another method) got Hono's plain-text 404, or the web app's index.html when served.
  api.all('*', notFound);
  api.notFound(notFound);
  app.route('/api', api);
  return app;
}
