import type { Context } from 'hono';
import type { Download } from '../../../app/files/tableDownload';

/**
 * Sends a file a use case made (a table as CSV or XLSX) as a download, never cached.
 * @example return sendFile(c, await exportDashboard({ db, actor, year: 2024, level: 'nation', format: 'xlsx' }));
 */
export function sendFile(c: Context, file: Download): Response {
  const headers = { 'Content-Disposition': `attachment; filename="${file.filename}"`, 'Cache-Control': 'no-store' };
  const all = { ...headers, 'Content-Type': file.contentType };
  return typeof file.body === 'string' ? c.body(file.body, 200, all) : c.body(file.body, 200, all);
}
