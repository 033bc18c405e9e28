import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { bigRowsXlsx, wideCsv } from '../../../testing/oversizedUploads';

/**
 * Issue 13, uploads: the 400,000-row workbook sent by a correspondent as a dry run, and the
 * 100,000-column CSV sent to the external import, are refused (413) in under a second over real HTTP,
 * while another person's request to another route keeps answering promptly.
 */

let database: Database$;
let server: ServerType;
let base: string;
const headers: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  const client = testClient(database);
  headers.caf = await client.loginAs(DEMO.caf69);
  headers.national = await client.loginAs(DEMO.national);
  await new Promise<void>((ok) => { server = serve({ fetch: client.app.fetch, port: 0, hostname: '127.0.0.1' }, () => ok()); });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((ok) => server?.close(ok));
  await database?.close();
});

/** Sends the upload, and meanwhile pings another route every 20 ms: the refusal, its time, and the slowest ping. */
async function uploadWhilePinging(path: string, who: Record<string, string>, body: Uint8Array, type: string) {
  let done = false;
  const pings: number[] = [];
  const pinger = (async () => {
    while (!done) {
      const t = performance.now();
      const res = await fetch(`${base}/api/health`);
      expect(res.status).toBe(200);
      pings.push(performance.now() - t);
      await new Promise((ok) => setTimeout(ok, 20));
    }
  })();
  const t = performance.now();
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { ...who, 'content-type': type }, body: body as Uint8Array<ArrayBuffer> });
  const ms = performance.now() - t;
  const json = (await res.json()) as { error?: { code: string; message: string; details?: { limit?: string } } };
  done = true;
  await pinger;
  return { status: res.status, json, ms, slowestPing: Math.max(...pings), pings: pings.length };
}

describe('oversized uploads are refused early, and the server keeps answering', () => {
  it('the 400,000-row XLSX as a correspondent\'s dry run of the responses import', async () => {
    const r = await uploadWhilePinging('/api/campaigns/2025/responses/import?dryRun=true', headers.caf, bigRowsXlsx(),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.status).toBe(413);
    expect(r.json.error).toMatchObject({ code: 'payload_too_large', details: { limit: 'rows' } });
    expect(r.json.error?.message).toMatch(/Fichier refusé avant lecture : le tableau dépasse 100\s000 lignes/);
    expect(r.ms).toBeLessThan(1000);
    expect(r.pings).toBeGreaterThan(0);
    expect(r.slowestPing).toBeLessThan(500);
  });

  it('the 100,000-column CSV to the external import', async () => {
    const r = await uploadWhilePinging('/api/external/import?dataset=elisfa&year=2025&dryRun=true', headers.national, wideCsv(), 'text/csv');
    expect(r.status).toBe(413);
    expect(r.json.error).toMatchObject({ code: 'payload_too_large', details: { limit: 'columns' } });
    expect(r.json.error?.message).toMatch(/colonnes/);
    expect(r.ms).toBeLessThan(1000);
    expect(r.slowestPing).toBeLessThan(500);
  });
});
