import { expect, it } from 'vitest';
import { allRouteDocs } from './app';
import { responseJsonSchema } from './openapi';

/**
 * The API speaks its own names (camelCase), shaped by presenters (src/http/presenters), never the database's
 * snake_case columns. Named exceptions: the personal-data export (a French document handed to the person, whose
 * field names are French words), and the request/response fields that are file formats' column names.
 */
const FRENCH_DOCUMENT = new Set(['GET /api/account/data']);

/** Every property name of a JSON Schema, with where it sits. */
function propertyNames(schema: unknown, at = ''): { name: string; at: string }[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Record<string, unknown>;
  const own = s.properties && typeof s.properties === 'object'
    ? Object.entries(s.properties as Record<string, unknown>).flatMap(([name, sub]) => [{ name, at }, ...propertyNames(sub, `${at}.${name}`)])
    : [];
  const nested = Object.entries(s).filter(([k]) => k !== 'properties').flatMap(([k, v]) =>
    Array.isArray(v) ? v.flatMap((x) => propertyNames(x, at)) : k === 'items' || k === 'additionalProperties' || k === '$defs' || k === 'not' ? propertyNames(v, k === '$defs' ? '' : `${at}[]`) : []);
  return [...own, ...nested];
}

it('names every response field in camelCase (no database column names in the API)', () => {
  const snake = allRouteDocs
    .filter((d) => !FRENCH_DOCUMENT.has(`${d.method.toUpperCase()} ${d.path}`))
    .flatMap((d) => (['response', 'accepted'] as const).flatMap((body) =>
      propertyNames(responseJsonSchema(d, body)).filter((p) => p.name.includes('_')).map((p) => `${d.method.toUpperCase()} ${d.path} ${p.at}.${p.name}`)));
  expect([...new Set(snake)]).toEqual([]);
});

it('finds a snake_case name where there is one (the check can fail)', () => {
  const names = propertyNames({ type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { structure_id: { type: 'number' } } } } } });
  expect(names.filter((p) => p.name.includes('_'))).toEqual([{ name: 'structure_id', at: '.items[]' }]);
});
