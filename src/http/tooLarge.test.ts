import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database$ } from '../db/connection';
import { openTestDatabase } from '../testing/testDb';
import { testClient } from '../testing/http';
import { listen } from '../server';

/**
 * Issue 13: after a 413 on a kept-alive connection, the next request on that same connection must work
 * (the server reads and drops the rest of the body, or closes the connection cleanly: never a reset).
 */

let database: Database$;
let server: Awaited<ReturnType<typeof listen>>;
let port: number;

beforeAll(async () => {
  database = await openTestDatabase();
  server = await listen(testClient(database).app, 0);
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  await database?.close();
});

/** One request through the agent; resolves with the status, the body and the socket it used. */
function send(agent: Agent, method: string, path: string, body?: Buffer, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; text: string; socket: unknown }>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers: { ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { text += c; });
      res.on('end', () => ok({ status: res.statusCode ?? 0, text, socket: req.socket }));
      res.on('error', fail);
    });
    req.on('error', fail);
    if (body) req.write(body);
    req.end();
  });
}

describe('a 413 on a kept-alive connection', () => {
  for (const size of [1_200_000, 2_000_000, 8_000_000]) {
    it(`answers 413 in French to a ${size / 1e6} MB body, then the next request on the connection works`, async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const big = Buffer.from(JSON.stringify({ email: 'x'.repeat(size), password: 'y' }));
        const first = await send(agent, 'POST', '/api/auth/login', big);
        expect(first.status).toBe(413);
        expect(JSON.parse(first.text).error).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/trop volumineuse/) });
        for (let i = 0; i < 3; i++) {
          const next = await send(agent, 'GET', '/api/health');
          expect(next.status).toBe(200);
          expect(next.socket, 'the same kept-alive connection').toBe(first.socket);
        }
      } finally {
        agent.destroy();
      }
    });
  }

  it('a body sent in chunks, with no length announced, gets its 413 with Connection: close, and the next request works', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const status = await new Promise<{ status: number; connection: string | undefined }>((ok, fail) => {
        const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/auth/login', agent, headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
          res.resume();
          res.on('end', () => ok({ status: res.statusCode ?? 0, connection: res.headers.connection }));
        });
        req.on('error', fail);
        req.write('{"email":"');
        req.write('x'.repeat(1_100_000));
        req.end('"}');
      });
      expect(status).toEqual({ status: 413, connection: 'close' });
      expect((await send(agent, 'GET', '/api/health')).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});
