import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './connection';
import { acquireDataDirLock, lockPathOf } from './dataDirLock';

const BIN = resolve(import.meta.dirname, '../../bin/senacs.js');
const dir = mkdtempSync(join(tmpdir(), 'senacs-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function senacs(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, SENACS_PASSWORD: 'un-mot-de-passe-solide-2026' };
    delete env.DATABASE_URL;
    execFile(process.execPath, [BIN, ...args], { env, timeout: 120_000 }, (err, stdout, stderr) => {
      ok({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

/** A pid that existed and has exited (reaped), for a stale lock. */
function deadPid(): Promise<number> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.once('exit', () => ok(child.pid!));
  });
}

describe('one process at a time on an embedded data folder', { timeout: 180_000 }, () => {
  it('a second lock in the same process is refused in French, and released locks can be taken again', () => {
    const data = join(dir, 'same');
    const lock = acquireDataDirLock(data);
    expect(readFileSync(lockPathOf(data), 'utf8').trim()).toBe(String(process.pid));
    expect(() => acquireDataDirLock(data)).toThrow(/déjà utilisé par ce même processus/);
    lock.release();
    expect(existsSync(lockPathOf(data))).toBe(false);
    acquireDataDirLock(data).release();
  });

  it('a stale lock (its process has gone, or a previous life of our own pid) is taken over', async () => {
    const data = join(dir, 'stale');
    for (const pid of [await deadPid(), process.pid]) {
      writeFileSync(lockPathOf(data), `${pid}\n`);
      const lock = acquireDataDirLock(data);
      expect(readFileSync(lockPathOf(data), 'utf8').trim()).toBe(String(process.pid));
      lock.release();
    }
  });

  it('the CLI refuses a folder this process holds, writes nothing, then works once it is released', async () => {
    const data = join(dir, 'cli');
    const database = await openDatabase({ dataDir: data });
    const refused = await senacs(['user', 'create', '--email', 'verrou@exemple.fr', '--name', 'Verrou', '--role', 'national_admin'], data);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Erreur : Le dossier de données .* est déjà utilisé par un autre processus Senacs \(pid \d+\)/);
    expect(refused.stderr).toMatch(/arrêtez d’abord le serveur/);
    expect(refused.stdout).not.toMatch(/Compte créé/);
    await database.close();
    expect(existsSync(lockPathOf(data))).toBe(false);

    const migrated = await senacs(['migrate'], data);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(existsSync(lockPathOf(data))).toBe(false);
  });

  it('this process is refused while another live process holds the folder, and takes it once that one is killed', async () => {
    const data = join(dir, 'other');
    const path = lockPathOf(data);
    const holder = spawn(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(path)}, process.pid + '\\n'); console.log('held'); setInterval(() => {}, 1000);`]);
    await new Promise<void>((ok) => holder.stdout.once('data', () => ok()));
    await expect(openDatabase({ dataDir: data })).rejects.toThrow(new RegExp(`pid ${holder.pid}`));
    holder.kill('SIGKILL');
    await new Promise((ok) => holder.once('exit', ok));
    const database = await openDatabase({ dataDir: data });
    expect(readFileSync(path, 'utf8').trim()).toBe(String(process.pid));
    await database.close();
  });
});
