import { Hono, type Context } from 'hono';
import type { Env } from '../../context';
import { readYear } from '../../input';
import { CSV, type RouteDoc } from '../../openapi';
import { getOpenDataFile, listOpenData, type ServedFile } from '../../../app/publication/getOpenData';
import { notModified, storedFileTag } from '../../conditional';
import { openDataJsonFile, openDataListResponse } from './schema';

export const openDataDocs = [
  { method: 'get', path: '/api/opendata/:year', summary: 'Données ouvertes d’une campagne : liste des fichiers (agrégats publiés par niveau de territoire, moyennes par type de structure, annuaire) et de leurs schémas', tag: 'exports', response: openDataListResponse },
  { method: 'get', path: '/api/opendata/:year/files/:file', summary: 'Un fichier de données ouvertes : CSV, son schéma Table Schema (.schema.json) ou datapackage.json', tag: 'exports', files: [CSV], response: openDataJsonFile },
] as const satisfies readonly RouteDoc[];

/**
 * /opendata: a campaign's open data, the files of the year's latest release as stored when it was published
 * (built on first use otherwise).
 * @example api.route('/', openDataRoutes());
 */
export function openDataRoutes() {
  const app = new Hono<Env>();
  app.get('/opendata/:year', async (c) => servedFile(c, await listOpenData({ db: c.var.deps.db, year: readYear(c) })));
  app.get('/opendata/:year/files/:file', async (c) => {
    const f = await getOpenDataFile({ db: c.var.deps.db, year: readYear(c), name: c.req.param('file') ?? '' });
    return servedFile(c, f, f.name.endsWith('.csv') ? { 'Content-Disposition': `attachment; filename="${f.name}"` } : {});
  });
  return app;
}

/**
 * A stored (or just built) file's bytes, with its type; a stored one with its entity tag (a client that sends it
 * back gets a 304), revalidated at each use since a correction release replaces the file under the same name.
 */
function servedFile(c: Context<Env>, f: ServedFile, headers: Record<string, string> = {}) {
  if (f.sha256) {
    const etag = storedFileTag(f.sha256);
    const unchanged = notModified(c, etag, { 'Cache-Control': 'public, no-cache' });
    if (unchanged) return unchanged;
    Object.assign(headers, { ETag: etag, 'Cache-Control': 'public, no-cache' });
  }
  // A view over its buffer (read from the database or just encoded) is sent as it is, without a copy.
  return c.body(f.bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': f.contentType, ...headers });
}
