/**
 * Comparison pages and joint consent in the browser (issue 5), with two directors in two browser contexts:
 * the demo centre's director (A) and the director of a structure within 50 km (B), whose account is made
 * with the CLI's `user create` between two starts of the server (PGlite has one writer at a time).
 * A asks B, B accepts, both see each other's names in the named comparison; B withdraws, the names go.
 * The box plot page renders SVG with the structure's marker; axe finds nothing on the comparison pages.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, loginAs, newPage, screenshot } from './browser';
import { DEMO_PASSWORD, ensureWebBuilt, freePort, ROOT } from './server';

const DIRECTOR_A = 'direction@demo.senacs.test';
const DIRECTOR_B = 'direction-b@test.senacs.test';
const PASSWORD_B = 'mot-de-passe-direction-b';
const WAIT = { timeout: 60_000 };
const YEAR = 2024;

const external = process.env.SENACS_E2E_URL?.replace(/\/$/, '');
let baseUrl: string;
let dataDir: string | undefined;
let child: ChildProcess | undefined;
let out = '';
let browser: Browser;
let centreId: number;
let b: { id: number; name: string };
let centreName: string;

async function startServe(port: number) {
  child = spawn(process.execPath, ['bin/senacs.js', 'serve'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO_PASSWORD, SENACS_DEMO_SCALE: process.env.SENACS_DEMO_SCALE ?? '0.1', NODE_ENV: 'test' },
  });
  child.stdout?.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
  const until = Date.now() + 300_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`Le serveur s’est arrêté :\n${out.slice(-3000)}`);
    try { if ((await fetch(`${baseUrl}/api/health`)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Pas de réponse sur /api/health :\n${out.slice(-3000)}`);
}
async function stopServe() {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child!.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child!.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(t);
}

async function apiAs(email: string, password: string) {
  const r = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!r.ok) throw new Error(`login ${email}: ${r.status}`);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async <T>(path: string): Promise<T> => {
    const res = await fetch(`${baseUrl}/api${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.loading'), undefined, WAIT);
}
async function openAs(email: string, password: string, path: string): Promise<Page> {
  const page = await newPage(browser, baseUrl);
  page.on('pageerror', (e) => console.error(`[${email}] pageerror: ${e.message}`));
  await loginAs(page, email, password);
  await page.goto(path);
  await settled(page);
  return page;
}
const comparePath = (id: number) => `/structures/${id}/comparer?annee=${YEAR}`;
const namedTable = (page: Page) => page.locator('.named');

beforeAll(async () => {
  if (!external) {
    ensureWebBuilt();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    dataDir = mkdtempSync(join(tmpdir(), 'senacs-e2e-compare-'));
    await startServe(port);
  } else baseUrl = external;
  const getA = await apiAs(DIRECTOR_A, DEMO_PASSWORD);
  const me = await getA<{ memberships: { role: string; structureId?: number }[] }>('/me');
  centreId = me.memberships.find((m) => m.role === 'director')!.structureId!;
  centreName = (await getA<{ name: string }>(`/structures/${centreId}`)).name;
  const { candidates, requests } = await getA<{ candidates: { id: number; name: string; km: number | null; neighbour: boolean }[]; requests: { requesterId: number; targetId: number }[] }>(`/structures/${centreId}/consents`);
  const busy = new Set(requests.flatMap((r) => [r.requesterId, r.targetId]));
  b = candidates.find((c) => !c.neighbour && c.km !== null && c.km <= 50 && !busy.has(c.id))!;
  expect(b, 'a structure within 50 km of the demo centre').toBeDefined();
  if (!external) {
    // PGlite has one writer: stop, add B's director with the CLI, start again on the same data folder.
    await stopServe();
    const r = spawnSync(process.execPath, ['bin/senacs.js', 'user', 'create', '--email', DIRECTOR_B, '--name', 'Direction B', '--role', 'director', '--structure', String(b.id)],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, SENACS_PASSWORD: PASSWORD_B, NODE_ENV: 'test' } });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    await startServe(Number(new URL(baseUrl).port));
  }
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await stopServe();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('comparison page', () => {
  it('draws the box plots in SVG with the structure’s marker, tables beside them, and passes axe', async () => {
    const page = await openAs(DIRECTOR_A, DEMO_PASSWORD, comparePath(centreId));
    await page.getByRole('heading', { level: 1, name: /parmi ses pairs/ }).waitFor(WAIT);
    const card = page.locator('.boxplot-card[data-indicator="finances.produits"]');
    await card.locator('svg').waitFor(WAIT);
    // The marker: the structure's colour (theme: #C04A00) drawn inside the box plot.
    const markers = await card.locator('svg path').evaluateAll((ps) => ps.filter((p) => /c04a00/i.test(p.getAttribute('fill') ?? '')).length);
    expect(markers).toBeGreaterThan(0);
    await expect(card.locator('[role="img"]').getAttribute('aria-label')).resolves.toMatch(/votre structure/);
    await expect(page.locator('table.position-table tbody tr').count()).resolves.toBeGreaterThan(3);
    await expect(page.locator('.sentences li').first().textContent()).resolves.toMatch(/pairs|répondu/);
    // Why similar: the neighbours panel opens to a table of reasons, never values.
    await page.getByText(/Pourquoi ces \d+ structures/).click();
    await expect(page.locator('.neighbours tbody tr').count()).resolves.toBeGreaterThan(3);
    await screenshot(page, 'compare-position');
    expect(await axeViolations(page)).toEqual([]);

    // Another peer group: within 20 km, then band filters; the page keeps rendering charts.
    await page.getByLabel('Structures proches géographiquement').check();
    await page.getByLabel('Dans un rayon de').selectOption('50');
    await settled(page);
    await page.getByRole('heading', { name: /moins de 50 km/ }).waitFor(WAIT);
    await page.getByLabel(/partagent des caractéristiques/).check();
    await page.getByLabel('Centre social ou EVS').selectOption('CS');
    await settled(page);
    await page.getByRole('heading', { name: /caractéristiques choisies/ }).waitFor(WAIT);
    await page.locator('.boxplot-card svg').first().waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'compare-filters');
    await page.context().close();
  });

  it('compares territories with a table and a chart, and passes axe', async () => {
    const page = await newPage(browser, baseUrl);
    await page.goto('/territoires/comparer?ind=finances.produits&niveau=region');
    await settled(page);
    await page.locator('.chart svg').first().waitFor(WAIT);
    await expect(page.locator('table tbody tr').count()).resolves.toBeGreaterThan(5);
    await page.getByLabel('Centre social ou EVS').selectOption('CS');
    await settled(page);
    await page.getByRole('heading', { level: 2, name: /Centre social ou EVS : Centre social/ }).waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'compare-territories');
    await page.context().close();
  });
});

// Needs its own server: B's director account is made with the CLI between two starts.
describe.skipIf(!!external)('joint consent between two directors', () => {
  it('shows names only once both agreed, and hides them again after a withdrawal', async () => {
    const pageA = await openAs(DIRECTOR_A, DEMO_PASSWORD, comparePath(centreId));
    const pageB = await openAs(DIRECTOR_B, PASSWORD_B, comparePath(b.id));
    await expect(namedTable(pageA).textContent()).resolves.toMatch(/Aucune structure n’a encore accepté/);

    // A asks B (a structure within 50 km).
    await pageA.locator('.ask').getByLabel(new RegExp(b.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).check();
    await pageA.getByRole('button', { name: 'Envoyer la demande' }).click();
    await pageA.getByText(`Demande envoyée à ${b.name}.`).waitFor(WAIT);
    await expect(pageA.locator('.consent-requests').textContent()).resolves.toContain('En attente de réponse');

    // B sees the request and accepts it: both named tables now hold both names.
    await pageB.reload();
    await settled(pageB);
    await pageB.getByRole('button', { name: `Accepter la demande de ${centreName}` }).click();
    await pageB.getByText(`Vous avez accepté la comparaison avec ${centreName}.`).waitFor(WAIT);
    await pageB.locator('.named-table thead', { hasText: centreName }).waitFor(WAIT);
    await pageA.reload();
    await settled(pageA);
    await pageA.locator('.named-table thead', { hasText: b.name }).waitFor(WAIT);
    await pageA.getByText(/Registre des accords/).click();
    await expect(pageA.locator('.ledger tbody tr').count()).resolves.toBe(2);
    await screenshot(pageA, 'compare-consent-accepted');
    expect(await axeViolations(pageA)).toEqual([]);
    expect(await axeViolations(pageB)).toEqual([]);

    // B withdraws: the names disappear on both sides.
    await pageB.getByRole('button', { name: `Retirer l’accord avec ${centreName}` }).click();
    await pageB.getByText(/Accord retiré/).waitFor(WAIT);
    // The table refreshes in place after the withdrawal (previous rows kept until the new answer).
    await pageB.locator('.named-empty').waitFor(WAIT);
    await settled(pageB);
    await pageA.reload();
    await settled(pageA);
    await expect(namedTable(pageA).textContent()).resolves.toMatch(/Aucune structure n’a encore accepté/);
    await expect(pageA.locator('.named').textContent()).resolves.not.toContain(b.name);
    await pageA.getByText(/Registre des accords/).click();
    await expect(pageA.locator('.ledger tbody tr').count()).resolves.toBe(3);
    await screenshot(pageB, 'compare-consent-withdrawn');
    await pageA.context().close();
    await pageB.context().close();
  });
});
