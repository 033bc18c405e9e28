import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The `senacs` command, spawned as users run it, on PGlite data folders in a temp directory.
 * Seeding is left out (minutes on a busy machine): a migrated base plus accounts made with `user create`.
 */

const BIN = resolve(import.meta.dirname, '../../bin/senacs.js');
const STACK = /at .*\.(ts|js):\d+/;
let dir: string;

function senacs(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(dir, 'data'), ...env };
    delete childEnv.DATABASE_URL;
    execFile(process.execPath, [BIN, ...args], { env: childEnv, timeout: 170_000 }, (err, stdout, stderr) => {
      ok({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'senacs-cli-test-')); });
afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

describe('senacs CLI', { timeout: 180_000 }, () => {
  it('help lists the commands in French', async () => {
    const r = await senacs(['help']);
    expect(r.code).toBe(0);
    for (const c of ['serve', 'migrate', 'seed --demo', 'user create', 'backup', 'restore']) expect(r.stdout).toContain(c);
    expect(r.stdout).toMatch(/Commandes/);
  });

  it('an unknown command is refused with exit code 1 and no stack trace', async () => {
    const r = await senacs(['frobnicate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Erreur : Commande inconnue : frobnicate/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('migrate creates the embedded database', async () => {
    const r = await senacs(['migrate']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Migrations appliquées|Schéma déjà à jour/);
    expect(existsSync(join(dir, 'data'))).toBe(true);
  });

  it('user create refuses bad arguments in French, exit code 1, no stack trace', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['user', 'create', '--email', 'a@b.fr', '--name', 'A', '--role', 'national_admin'], { SENACS_PASSWORD: 'court' }, /au moins 12 caractères/],
      [['user', 'create', '--email', 'a@b.fr', '--name', 'A', '--role', 'national_admin'], { SENACS_PASSWORD: 'aaaaaaaaaaaa' }, /trop facile à deviner/],
      [['user', 'create', '--email', 'pas-une-adresse', '--name', 'A', '--role', 'national_admin'], { SENACS_PASSWORD: 'un-mot-de-passe-solide' }, /Adresse e-mail invalide/],
      [['user', 'create', '--email', 'a@b.fr', '--name', 'A', '--role', 'chef'], { SENACS_PASSWORD: 'un-mot-de-passe-solide' }, /Rôle inconnu/],
      [['user', 'create', '--email', 'a@b.fr', '--name', 'A', '--role', 'director', '--structure', '42'], { SENACS_PASSWORD: 'un-mot-de-passe-solide' }, /structure existante/],
      [['user', 'create', '--email', 'a@b.fr', '--name', 'A', '--role', 'correspondent', '--departement', '00'], { SENACS_PASSWORD: 'un-mot-de-passe-solide' }, /département existant/],
      [['user', 'create', '--email', 'a@b.fr', '--bogus'], { SENACS_PASSWORD: 'un-mot-de-passe-solide' }, /Erreur/],
      [['user', 'delete'], {}, /Usage : senacs user create/],
    ];
    for (const [args, env, message] of cases) {
      const r = await senacs(args, env);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr, args.join(' ')).not.toMatch(STACK);
      expect(r.stdout).not.toMatch(/Compte créé/);
    }
  });

  it('backup and restore carry the accounts over to another data folder', async () => {
    const ok = await senacs(['user', 'create', '--email', 'admin@test.senacs.test', '--name', 'Admin', '--role', 'national_admin'], { SENACS_PASSWORD: 'un-mot-de-passe-solide' });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Compte créé \(id \d+\)/);
    const file = join(dir, 'senacs.backup.gz');
    const b = await senacs(['backup', file]);
    expect(b.code, b.stderr).toBe(0);
    const rows = Number(/(\d+) lignes/.exec(b.stdout)?.[1]);
    expect(rows).toBeGreaterThanOrEqual(2); // migrate loads no geography: the account and its membership
    const other = { DATA_DIR: join(dir, 'other') };
    const r = await senacs(['restore', file], other);
    expect(r.code, r.stderr).toBe(0);
    expect(Number(/(\d+) lignes/.exec(r.stdout)?.[1])).toBe(rows);
    // The account came along: creating it again is a conflict; restoring again needs --replace.
    const again = await senacs(['user', 'create', '--email', 'admin@test.senacs.test', '--name', 'Admin', '--role', 'national_admin'], { ...other, SENACS_PASSWORD: 'un-mot-de-passe-solide' });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/existe déjà/);
    const twice = await senacs(['restore', file], other);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/--replace/);
    expect(twice.stderr).not.toMatch(STACK);
  });

  it('restore refuses a missing or garbage file in French', async () => {
    const missing = await senacs(['restore', join(dir, 'absent.gz')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/introuvable/);
    const garbage = join(dir, 'garbage.gz');
    await writeFile(garbage, 'pas une sauvegarde');
    const g = await senacs(['restore', garbage, '--replace']);
    expect(g.code).toBe(1);
    expect(g.stderr).toMatch(/illisible/);
    expect(g.stderr).not.toMatch(STACK);
  });
});
