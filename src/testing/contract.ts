/**
 * The API's contract, checked on every response the test suite sees: a success body must validate against the
 * JSON Schema the OpenAPI document publishes for its route (undeclared properties refused), a file must be of a
 * declared media type, a success must have the declared status, and an error must be `{ error: { code, message } }`.
 * `testClient` plugs `observeContract` into the app; test/setup.ts fails the test that saw a breach.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { AnsweredRequest } from '../http/middleware/observeResponses';
import { responseJsonSchema, type RouteDoc } from '../http/openapi';

export interface ContractBreach { method: string; route: string; status: number; problem: string }

const breaches: ContractBreach[] = [];
const pending: Promise<void>[] = [];
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const validators = { response: new WeakMap<RouteDoc, ValidateFunction>(), accepted: new WeakMap<RouteDoc, ValidateFunction>() };

function validatorOf(d: RouteDoc, body: 'response' | 'accepted' = 'response'): ValidateFunction | undefined {
  if (!d[body]) return undefined;
  let v = validators[body].get(d);
  if (!v) validators[body].set(d, (v = ajv.compile(responseJsonSchema(d, body)!)));
  return v;
}

const mediaType = (r: Response) => (r.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();

/** Why a response breaks its route's contract; null when it keeps it (or when no route answered). */
export async function contractProblem(docs: readonly RouteDoc[], a: AnsweredRequest): Promise<string | null> {
  const { response: res } = a;
  if (!a.route || res.status >= 500) return null;
  const doc = docs.find((d) => d.method === a.method.toLowerCase() && d.path === a.route);
  if (!doc) return `route sans description dans l'OpenAPI (${a.method} ${a.route})`;
  const type = mediaType(res);
  if (res.status >= 400) {
    if (type !== 'application/json') return `erreur ${res.status} en ${type || 'sans type'}, pas en JSON`;
    const body = await res.json() as { error?: { code?: unknown; message?: unknown } };
    return typeof body?.error?.code === 'string' && typeof body.error.message === 'string' ? null : `erreur ${res.status} sans { error: { code, message } }`;
  }
  if (res.status >= 300) return null;
  const accepted = res.status === 202 && doc.accepted !== undefined;
  if (res.status !== (doc.status ?? 200) && !accepted) return `statut ${res.status}, déclaré ${doc.status ?? 200}`;
  if (type !== 'application/json') return doc.files?.includes(type) ? null : `fichier ${type || 'sans type'} non déclaré (files)`;
  const validate = validatorOf(doc, accepted ? 'accepted' : 'response');
  if (!validate) return doc.files ? 'JSON renvoyé par une route qui déclare seulement des fichiers' : null;
  const body: unknown = await res.json();
  if (validate(body)) return null;
  return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` « ${e.params.additionalProperty} »` : ''}`).join(' ; ');
}

/**
 * An observer for `createApp({ observeResponse })` that checks each response against `docs` in the background.
 * @example createApp({ ...deps, observeResponse: observeContract(allRouteDocs) })
 */
export function observeContract(docs: readonly RouteDoc[]) {
  return (a: AnsweredRequest) => {
    pending.push(contractProblem(docs, a).then((problem) => {
      if (problem) breaches.push({ method: a.method, route: a.route ?? '?', status: a.response.status, problem });
    }, (e: unknown) => { breaches.push({ method: a.method, route: a.route ?? '?', status: a.response.status, problem: `réponse illisible : ${String(e)}` }); }));
  };
}

/** Waits for the checks under way and returns (and forgets) the breaches seen since the last call. */
export async function takeContractBreaches(): Promise<ContractBreach[]> {
  while (pending.length) await Promise.all(pending.splice(0));
  return breaches.splice(0);
}
