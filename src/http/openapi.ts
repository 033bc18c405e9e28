import { z } from 'zod';

/** What a route tells the OpenAPI document; schemas are the same zod objects the handlers validate with. */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  auth?: 'none' | 'session';
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The JSON body of a success, as it travels (dates as strings); checked on every response of the test suite (src/testing/contract.ts). */
  response?: z.ZodType;
  /** Media types of the files the route sends instead of JSON (CSV, XLSX, PDF, an event stream). */
  files?: readonly string[];
  /** The success status when it is not 200 (201 for a creation, 202 for a job accepted). */
  status?: 200 | 201 | 202;
  /** The 202 body when the request asks to follow a job instead of waiting (`Prefer: respond-async`, see src/http/jobAccepted.ts). */
  accepted?: z.ZodType;
}

/** The JSON Schema (draft 2020-12) of a doc's success body, undeclared properties refused; the contract tests validate against it. */
export function responseJsonSchema(d: RouteDoc, body: 'response' | 'accepted' = 'response'): Record<string, unknown> | undefined {
  const schema = d[body];
  return schema ? z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'output' }) as Record<string, unknown> : undefined;
}

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const toSchema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'openapi-3.0', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;

/**
 * Builds the OpenAPI 3.1 document from the route docs.
 * @example buildOpenApi(allRouteDocs).paths['/api/health']
 */
export function buildOpenApi(docs: readonly RouteDoc[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const d of docs) {
    const path = d.path.replace(/:(\w+)/g, '{$1}');
    const params = [...d.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = d.query ? Object.entries(d.query.shape).map(([name, s]) => ({
      name, in: 'query', required: !(s as z.ZodType).safeParse(undefined).success, schema: toSchema(s as z.ZodType),
    })) : [];
    (paths[path] ??= {})[d.method] = {
      summary: d.summary,
      tags: [d.tag],
      ...(d.auth === 'session' ? { security: [{ session: [] }] } : {}),
      parameters: [...params, ...query],
      ...(d.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(d.body) } } } } : {}),
      responses: {
        [d.status ?? 200]: { description: 'Succès', content: {
          ...(d.response ? { 'application/json': { schema: responseJsonSchema(d) } } : {}),
          ...Object.fromEntries((d.files ?? []).map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
        } },
        ...(d.accepted ? { 202: { description: 'Tâche acceptée (avec « Prefer: respond-async ») : à suivre sur GET /api/jobs/:id', content: { 'application/json': { schema: responseJsonSchema(d, 'accepted') } } } } : {}),
        '4XX': { description: 'Erreur (message en français, code stable)', content: { 'application/json': { schema: toSchema(errorSchema) } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Senacs API', version: '0.1.0', description: 'Observatoire des centres sociaux et espaces de vie sociale.' },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'senacs_session' } } },
    paths,
  };
}

/** Media types of the files routes send (RouteDoc.files). */
export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF = 'application/pdf';
export const EVENT_STREAM = 'text/event-stream';
