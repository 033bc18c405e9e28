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
  response?: z.ZodType;
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
        200: { description: 'Succès', content: { 'application/json': { schema: d.response ? toSchema(d.response) : {} } } },
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
