/**
 * The job queue page (issue 16): the national administration goes from /admin to « Tâches de fond », sees
 * the counts and the jobs, a job that really failed (the server's own quality re-check handler, on a payload
 * whose response id is not a number) listed as abandoned with its error, clicks « Relancer » and sees it
 * pending again; a job put back meanwhile by someone else answers the API's French 409 message. Others see
 * the refusal. axe, 375 px without sideways scroll, screenshots at 1366 and 375 px.
 *
 * The jobs are queued through the repository into the data folder before the server opens it (a PGlite
 * folder has one owner at a time); the server's job runner then runs them at start, as after a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openDatabase } from '../../src/db/connection';
import { lockPathOf } from '../../src/db/dataDirLock';
import { enqueueJob } from '../../src/db/jobs.repo';
import { migrateToLatest } from '../../src/db/migrate';
import { apiClient } from './api';
import { axeViolations, launchBrowser, loginAs, newPage } from './browser';
import { twoWidths } from './shots';
import { startServer, type RunningServer } from './server';

const WAIT = { timeout: 60_000 };
const NATIONAL = 'national@demo.senacs.test';
const ABANDONED = 'abandonnée après plusieurs échecs';
let server: RunningServer;
let browser: Browser;
let dataDir: string;
const ids = { retried: 0, raced: 0, waiting: 0 };
const { apiLogin, call } = apiClient(() => server.baseUrl);

interface Queue { counts: { pending: number; running: number; failed: number }; items: { id: number; state: string; attempts: number; lastError: string | null }[] }

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'senacs-e2e-jobs-'));
  const database = await openDatabase({ dataDir });
  try {
    await migrateToLatest(database.db);
    // Two re-checks that cannot run (two attempts each, so a retried one waits 10 s before it can fail again) and one due tomorrow.
    ids.retried = await enqueueJob(database.db, { kind: 'quality.recheck', payload: { responseId: 'inconnue' }, maxAttempts: 2 });
    ids.raced = await enqueueJob(database.db, { kind: 'quality.recheck', payload: { responseId: 'illisible' }, maxAttempts: 2 });
    ids.waiting = await enqueueJob(database.db, { kind: 'quality.recheck', payload: { responseId: 1 }, delayMs: 86_400_000 });
  } finally { await database.close(); }
  server = await startServer({ env: { DATA_DIR: dataDir } });
  browser = await launchBrowser();
  await apiLogin(NATIONAL);
  // The runner tries each broken job at start, then 10 s later, then gives it up.
  const until = Date.now() + 90_000;
  for (;;) {
    const q = await call<Queue>(NATIONAL, 'GET', '/jobs?state=failed');
    if ([ids.retried, ids.raced].every((id) => q.items.some((j) => j.id === id))) break;
    if (Date.now() > until) throw new Error(`Les tâches n’ont pas échoué à temps : ${JSON.stringify(q)}\n${server.logs()}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) { rmSync(dataDir, { recursive: true, force: true }); rmSync(lockPathOf(dataDir), { force: true }); }
});

/** The table row of one job, by the number beside its label (not « réponse n° 12 », not « n° 123 »). */
const row = (page: Page, id: number) => page.locator('tbody tr').filter({ has: page.locator('th > span.muted', { hasText: new RegExp(`^n° ${id}$`) }) });

describe('file des tâches', () => {
  it('l’administration nationale voit une tâche abandonnée avec son erreur et la relance', async () => {
    const page = await newPage(browser, server.baseUrl);
    await loginAs(page, NATIONAL);
    await page.goto('/admin');
    await page.getByRole('heading', { level: 2, name: 'Exploitation' }).waitFor(WAIT);
    await page.getByRole('link', { name: 'Tâches de fond' }).click();
    await page.waitForURL((u) => u.pathname === '/admin/taches');
    await page.getByRole('heading', { level: 1, name: 'Tâches de fond' }).waitFor(WAIT);
    const table = page.getByRole('table', { name: /File des tâches, les abandonnées d’abord/ });
    await table.waitFor(WAIT);

    // The counts are the API's (the demo may queue jobs of its own): ours make at least two given up.
    const { counts } = await call<Queue>(NATIONAL, 'GET', '/jobs');
    expect(counts.failed).toBeGreaterThanOrEqual(2);
    const figures = (await page.getByRole('list', { name: 'Tâches par état' }).locator('li').allTextContents()).map((t) => t.replace(/\s+/g, ' '));
    expect(figures).toEqual([`${counts.pending} en attente`, `${counts.running} en cours`, `${counts.failed} abandonnées`]);
    const failed = row(page, ids.retried);
    expect(await failed.locator('td[data-label="État"]').textContent()).toBe(ABANDONED);
    expect(await failed.locator('td[data-label="Essais"]').textContent()).toBe('2 sur 2');
    expect(await failed.locator('td[data-label="Dernière erreur"]').textContent()).toBe('invalid input syntax for type integer: "NaN"');
    expect(await failed.getByRole('rowheader').textContent()).toMatch(/^Recalcul de la qualité d’une réponse n° \d+$/);
    // The job due tomorrow: waiting, no button, its next attempt written out, a link to its response.
    const waiting = row(page, ids.waiting);
    expect(await waiting.locator('td[data-label="État"]').textContent()).toBe('en attente');
    expect(await waiting.getByRole('button').count()).toBe(0);
    expect(await waiting.locator('td[data-label="Prochain essai"]').textContent()).toMatch(/\d{4}/);
    expect(await waiting.getByRole('link', { name: 'réponse n° 1' }).getAttribute('href')).toBe('/controle/1');
    // Given-up jobs come first.
    expect(await table.locator('tbody tr').first().locator('td[data-label="État"]').textContent()).toBe(ABANDONED);
    expect(await axeViolations(page)).toEqual([]);
    await twoWidths(page, 'jobs');

    await failed.getByRole('button', { name: `Relancer la tâche n° ${ids.retried}` }).click();
    await page.getByText(`Tâche n° ${ids.retried} (Recalcul de la qualité d’une réponse) remise dans la file : en attente, ses essais comptés de zéro.`).waitFor(WAIT);
    await failed.locator('td[data-label="État"]', { hasText: 'en attente' }).waitFor(WAIT);
    // Its attempts start again from zero (one, if the runner, which looks every 30 s, already tried it again: it then waits 10 s).
    expect(await failed.locator('td[data-label="Essais"]').textContent()).toMatch(/^[01] sur 2$/);
    expect(await failed.getByRole('button').count()).toBe(0);
    const q = await call<Queue>(NATIONAL, 'GET', '/jobs');
    expect(q.items.find((j) => j.id === ids.retried)).toMatchObject({ state: 'pending' });

    // Someone else puts the other job back while this page still shows it given up: the API's 409, in French.
    await call(NATIONAL, 'POST', `/jobs/${ids.raced}/retry`);
    const raced = row(page, ids.raced);
    await raced.getByRole('button', { name: `Relancer la tâche n° ${ids.raced}` }).click();
    await page.getByRole('alert').filter({ hasText: 'Seule une tâche abandonnée après ses essais peut être relancée ; celle-ci est en attente.' }).waitFor(WAIT);
    await raced.locator('td[data-label="État"]', { hasText: 'en attente' }).waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    await twoWidths(page, 'jobs-refus');

    // The filter keeps one state, in the address too.
    await page.getByLabel('État des tâches').selectOption('pending');
    await page.waitForURL((u) => u.search === '?etat=pending');
    await page.getByRole('table', { name: 'File des tâches (en attente)' }).waitFor(WAIT);
    expect(await page.locator('tbody td[data-label="État"]').allTextContents()).not.toContain(ABANDONED);

    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.context().close();
  });

  it('les autres comptes voient le refus de l’administration', async () => {
    const page = await newPage(browser, server.baseUrl);
    await page.goto('/admin/taches');
    await page.getByText('Cette page est réservée à l’administration nationale.').waitFor(WAIT);
    expect(await page.locator('#contenu').getByRole('link', { name: 'Se connecter' }).getAttribute('href')).toBe('/connexion?retour=%2Fadmin%2Ftaches');
    await loginAs(page, 'caf69@demo.senacs.test');
    await page.goto('/admin/taches');
    await page.getByText('Cette page est réservée à l’administration nationale.').waitFor(WAIT);
    expect(await page.getByRole('table').count()).toBe(0);
    await page.context().close();
  });
});
