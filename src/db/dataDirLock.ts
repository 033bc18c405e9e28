import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '../domain/errors';

/**
 * PGlite is one process's database: a second process opening the same folder works on its own copy in
 * memory and its writes are lost when the first one writes back. So one process at a time owns a data
 * folder, recorded in `<folder>.lock` beside it (not inside: a fresh folder must stay empty for initdb)
 * with the owner's pid. A lock whose process has gone (kill -9, crash) is stale and taken over.
 */
export interface DataDirLock {
  path: string;
  release(): void;
}

/** Locks held by this process, released on exit so a normal end never leaves a stale lock behind. */
const held = new Set<string>();
let exitHookInstalled = false;

/** The lock file of a data folder. */
export const lockPathOf = (dataDir: string) => `${resolve(dataDir)}.lock`;

/**
 * Takes the data folder for this process, or refuses in French when another live process holds it.
 * @example const lock = acquireDataDirLock('./data'); … lock.release();
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = lockPathOf(dataDir);
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try { writeSync(fd, `${process.pid}\n`); } finally { closeSync(fd); }
      held.add(path);
      installExitHook();
      return { path, release: () => release(path) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = ownerOf(path);
    // Our own pid in a lock we do not hold is a previous life of this pid (a container restarted after kill -9).
    const live = owner !== undefined && (owner === process.pid ? held.has(path) : isAlive(owner));
    if (live) {
      const by = owner === process.pid ? `ce même processus (pid ${owner})` : `un autre processus Senacs (pid ${owner})`;
      throw new AppError('conflict', `Le dossier de données ${resolve(dataDir)} est déjà utilisé par ${by}. `
        + 'Une base embarquée ne sert qu’un processus à la fois : arrêtez d’abord le serveur (ou l’autre commande), puis relancez celle-ci. '
        + 'Pour plusieurs processus, utilisez PostgreSQL (DATABASE_URL).', { lock: path, pid: owner });
    }
    // Stale (its process has gone) or unreadable half-written file: remove it and try again.
    try { unlinkSync(path); } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; }
  }
  throw new AppError('conflict', `Impossible de prendre le verrou du dossier de données (${path}) : un autre processus le prend en même temps.`);
}

function ownerOf(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Signal 0 checks the process exists without touching it; EPERM means it exists under another user. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function release(path: string) {
  if (!held.delete(path)) return;
  // Only our own lock is removed: a lock taken over meanwhile (we were thought dead) stays.
  if (ownerOf(path) === process.pid) {
    try { unlinkSync(path); } catch { /* already gone */ }
  }
}

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => { for (const path of [...held]) release(path); });
}
