/**
 * Starts the real Senacs server for browser tests: builds the web app when dist/web is missing,
 * runs `node bin/senacs.js serve` on a free port with a fresh data folder, waits for /api/health.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DEMO_PASSWORD = 'demo-senacs-2026';

export interface RunningServer {
  baseUrl: string;
  /** What the server printed: the last 5,000 characters for failure messages, or everything (`all`). */
  logs: (all?: boolean) => string;
  stop: () => Promise<void>;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Builds the web app when dist/web is missing or older than src/web, so the tests never run an old
 * build; the server only serves dist/web if it exists when it starts.
 */
export function ensureWebBuilt(): void {
  const index = join(ROOT, 'dist/web/index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(ROOT, 'src/web'))) return;
  const r = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
  if (r.status !== 0) throw new Error(`vite build a échoué :\n${r.stdout}\n${r.stderr}`);
}

/** A port the OS just gave us and released; a race is possible but harmless in a single-worker run. */
export function freePort(): Promise<number> {
  return new Promise((ok, ko) => {
    const srv = createServer();
    srv.once('error', ko);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, logs: () => string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`Le serveur s’est arrêté (code ${child.exitCode}) :\n${logs()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Le serveur n’a pas répondu sur /api/health en ${timeoutMs / 1000} s :\n${logs()}`);
}

/**
 * Starts a server seeded with the demo data. The demo is seeded at a small scale (SENACS_DEMO_SCALE)
 * to keep the suite fast; the demo centre, accounts and the Rhône are present at every scale.
 */
export async function startServer(opts: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<RunningServer> {
  // To iterate on the tests against a server already running with the demo (same DEMO_PASSWORD).
  const external = process.env.SENACS_E2E_URL;
  if (external) return { baseUrl: external.replace(/\/$/, ''), logs: () => '', stop: async () => {} };
  ensureWebBuilt();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'senacs-e2e-'));
  let out = '';
  const child = spawn(process.execPath, ['bin/senacs.js', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_PASSWORD,
      SENACS_DEMO_SCALE: process.env.SENACS_DEMO_SCALE ?? '0.1',
      NODE_ENV: 'test',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
  const logs = (all = false) => (all ? out : out.slice(-5000));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, logs, opts.timeoutMs ?? 240_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseUrl, logs, stop };
}
