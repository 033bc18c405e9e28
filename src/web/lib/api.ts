/**
 * The only door to the API. It keeps the CSRF token in memory (never in storage, so a script
 * injected elsewhere cannot read it back later) and turns `{ error: { code, message } }` into ApiError.
 */
import type { ApiResponse } from '../../http/apiTypes';

/** An API failure carrying the French message to show and the stable code to branch on. */
export class ApiError extends Error {
  /** `details`: what the API adds to some errors (e.g. the current value of an answer on a 409 conflict). */
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | undefined;

/** Remembers the token given by login or /api/me; writes send it back. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export type Query = Record<string, string | number | undefined | null>;

/** Builds `/api/path?a=1` dropping empty values, so URLs stay short and stable. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

interface SendOptions { query?: Query; body?: unknown; signal?: AbortSignal; headers?: Record<string, string> }

/** One request and its answer: the status (a 202 names a job to follow) and the body; a refusal throws ApiError. */
async function exchange(method: string, path: string, opts: SendOptions = {}): Promise<{ status: number; data: unknown }> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  const isForm = typeof FormData !== 'undefined' && opts.body instanceof FormData;
  if (method !== 'GET') {
    // A form (file upload) sets its own multipart content type and boundary.
    if (!isForm) headers['Content-Type'] = 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method, headers, credentials: 'same-origin', signal: opts.signal,
      ...(isForm ? { body: opts.body as FormData } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : method !== 'GET' ? { body: '{}' } : {}),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'Le serveur est injoignable. Vérifiez votre connexion puis réessayez.');
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(res.status, err?.code ?? 'internal', err?.message ?? `Erreur inattendue du serveur (${res.status}).`, err?.details);
  }
  return { status: res.status, data };
}

async function send<T>(method: string, path: string, opts: SendOptions = {}): Promise<T> {
  return (await exchange(method, path, opts)).data as T;
}

/**
 * What a call returns: the type given explicitly, else the route's own response type, read from its
 * declared schema (src/http/apiTypes.ts) through the path as written: `api.get(\`/structures/${id}/cash\`)`.
 */
export type Reply<T, M extends 'get' | 'post' | 'put' | 'patch' | 'delete', P extends string> = [T] extends [never] ? ApiResponse<M, P> : T;

export const api = {
  get: <T = never, P extends string = string>(path: P, query?: Query, signal?: AbortSignal) => send<Reply<T, 'get', P>>('GET', path, { query, signal }),
  post: <T = never, P extends string = string>(path: P, body?: unknown) => send<Reply<T, 'post', P>>('POST', path, { body }),
  put: <T = never, P extends string = string>(path: P, body?: unknown) => send<Reply<T, 'put', P>>('PUT', path, { body }),
  patch: <T = never, P extends string = string>(path: P, body?: unknown) => send<Reply<T, 'patch', P>>('PATCH', path, { body }),
  del: <T = never, P extends string = string>(path: P) => send<Reply<T, 'delete', P>>('DELETE', path, {}),
  /** A multipart form (file upload), with the CSRF token. */
  postForm: <T = never, P extends string = string>(path: P, form: FormData, query?: Query) => send<Reply<T, 'post', P>>('POST', path, { body: form, query }),
  /**
   * A POST (JSON or form) with headers of its own, answering its status beside the body: lib/jobs.ts sends
   * `Prefer: respond-async` and follows the job a 202 names.
   * @example const { status, data } = await api.postWithStatus('/releases/2024', { note }, { headers: { Prefer: 'respond-async' } });
   */
  postWithStatus: (path: string, body: unknown, opts: { query?: Query; headers?: Record<string, string>; signal?: AbortSignal } = {}) => exchange('POST', path, { ...opts, body }),
};
