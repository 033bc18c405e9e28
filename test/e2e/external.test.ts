/**
 * External data in the browser (issue 7): the national administrator downloads the ELISFA-shaped example
 * of the demo campaign, uploads it, adjusts the column mapping, confirms the proposed matches, imports,
 * then reads the concordance report; a correspondent sees the report of their territory only; a bad file
 * shows its line-by-line report. axe on every page, screenshots for a human look.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, loginAs, newPage, screenshot } from './browser';
import { DEMO_PASSWORD, startServer, type RunningServer } from './server';

const NATIONAL = 'national@demo.senacs.test';
const CAF = 'caf69@demo.senacs.test';
const YEAR = 2024;
const WAIT = { timeout: 120_000 };

let server: RunningServer | undefined;
let baseUrl: string;
let browser: Browser;
let dir: string;

const JOB_URL = /\/api\/jobs\/\d+$/;

/**
 * Watches the page follow a job: the state of each real read of /api/jobs/:id; the first read answers the
 * job running at `shown`, the next ones wait for `release()`, so the progress stays on screen to be checked.
 */
async function followJobs(page: Page, shown: { step: string; done: number; total: number }) {
  const states: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route(JOB_URL, async (route) => {
    const real = await route.fetch();
    const job = await real.json() as { state: string };
    states.push(job.state);
    if (states.length === 1) return route.fulfill({ response: real, json: { ...job, state: 'running', progress: shown, result: null, finishedAt: null } });
    await held;
    return route.fulfill({ response: real });
  });
  return { states, release };
}

async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.loading'), undefined, WAIT);
}

/** A national administrator's API session: cookie and CSRF token. */
async function nationalSession() {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: NATIONAL, password: DEMO_PASSWORD }) });
  const { csrfToken } = await login.json() as { csrfToken: string };
  return { cookie: login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: csrfToken };
}

/** The example file, downloaded through the API as the national administrator. */
async function downloadExample(): Promise<string> {
  const { cookie } = await nationalSession();
  const r = await fetch(`${baseUrl}/api/external/example?year=${YEAR}`, { headers: { cookie } });
  if (!r.ok) throw new Error(`example: ${r.status} ${await r.text()}`);
  const file = join(dir, 'elisfa.csv');
  writeFileSync(file, Buffer.from(await r.arrayBuffer()));
  return file;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'senacs-x-e2e-'));
  if (process.env.SENACS_E2E_URL) baseUrl = process.env.SENACS_E2E_URL;
  else { server = await startServer(); baseUrl = server.baseUrl; }
  browser = await launchBrowser();
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('données externes', () => {
  it('l’administration nationale importe l’exemple ELISFA, ajuste la correspondance, confirme et voit la concordance', async () => {
    const file = await downloadExample();
    const page = await newPage(browser, baseUrl);
    page.on('pageerror', (e) => console.error(`pageerror: ${e.message}`));
    await loginAs(page, NATIONAL);
    await page.goto('/donnees-externes');
    await page.getByRole('heading', { level: 1, name: 'Données externes' }).waitFor(WAIT);
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel(/^Fichier/).setInputFiles(file);
    await page.getByLabel('Année').fill(String(YEAR));
    await page.getByLabel(/^Source/).fill('ELISFA (exemple tiré de la démonstration)');
    await page.getByRole('button', { name: 'Analyser le fichier' }).click();
    await page.getByRole('group', { name: 'Correspondance des colonnes' }).waitFor(WAIT);
    expect(await page.getByLabel('Indicateur de la colonne ETP').inputValue()).toBe('rh.etp.total');
    // Map: the collective agreement is not needed for this comparison.
    await page.getByLabel('Rôle de la colonne Convention collective').selectOption('ignore');
    await page.getByRole('button', { name: 'Analyser à nouveau avec cette correspondance' }).click();
    await page.getByRole('status').filter({ hasText: /rapprochées? par SIRET/ }).waitFor(WAIT);
    await settled(page);
    const proposals = page.getByRole('group', { name: /Rapprochements proposés/ });
    if (await proposals.count()) {
      for (const select of await proposals.getByRole('combobox').all()) await select.selectOption({ index: 1 });
    }
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'external-analyse');
    // The import runs as a job: the POST answers 202 at once, then the page reads /api/jobs/:id until it is
    // over. The first read is shown mid-way (running, 1 200 rows of 3 569 stored) and the next one held until
    // the progress has been seen: a real job of the demo is done before the eye could follow it.
    const jobs = await followJobs(page, { step: 'enregistrement', done: 1200, total: 3569 });
    const accepted = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/external/import' && r.request().method() === 'POST');
    await page.getByRole('button', { name: /^Importer \d+ ligne/ }).click();
    expect((await accepted).status()).toBe(202);
    const progress = page.locator('[aria-live="polite"] .job-progress');
    await progress.getByText(/^Enregistrement : 1\s200 \/ 3\s569 lignes$/).waitFor(WAIT);
    expect(await progress.locator('progress').evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([1200, 3569]);
    expect(await progress.getByText('Import en cours…').count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Importer \d+ ligne/ }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });
    await screenshot(page, 'external-import-en-cours-1366');
    jobs.release();
    await page.getByRole('status').filter({ hasText: /importé/ }).waitFor(WAIT);
    expect(jobs.states.at(-1)).toBe('done');
    expect(await progress.count()).toBe(0);
    await screenshot(page, 'external-import-fait-1366');
    await page.unroute(JOB_URL);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('link', { name: 'Voir le rapport de concordance' }).click();
    await page.getByRole('heading', { level: 1, name: `Concordance « elisfa » ${YEAR}` }).waitFor(WAIT);
    await settled(page);
    const correlation = page.getByRole('table', { name: /Corrélation par indicateur/ });
    await correlation.waitFor(WAIT);
    expect(await correlation.innerText()).toMatch(/ETP \(total\)[\s\S]*0,9\d\d/);
    expect(await page.getByRole('table', { name: /France et régions/ }).innerText()).toContain('France');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'external-concordance');
    await page.context().close();
  });

  it('un correspondant voit la concordance de son territoire, sans import', async () => {
    const page = await newPage(browser, baseUrl);
    await loginAs(page, CAF);
    await page.goto(`/donnees-externes/elisfa/${YEAR}`);
    await page.getByRole('heading', { level: 1, name: `Concordance « elisfa » ${YEAR}` }).waitFor(WAIT);
    await settled(page);
    expect(await page.locator('main').innerText()).toMatch(/couvre votre territoire/);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('/donnees-externes');
    await settled(page);
    expect(await page.getByRole('button', { name: 'Analyser le fichier' }).count()).toBe(0);
    await page.context().close();
  });

  it('un fichier mal formé affiche chaque problème avec sa ligne, et rien n’est gardé', async () => {
    const bad = join(dir, 'mauvais.csv');
    writeFileSync(bad, 'SIRET;Raison sociale;Commune;ETP\n;Maison des Lilas imaginaires;Brest;2\n;Centre inconnu du tout;Quimper;1,5\n;Autre inconnu;Vannes;3\n;Encore un;Lorient;4\n;Et un autre;Rennes;5\n;Le dernier;Nantes;douze\n');
    const page = await newPage(browser, baseUrl);
    await loginAs(page, NATIONAL);
    await page.goto('/donnees-externes');
    await settled(page);
    await page.getByLabel(/^Fichier/).setInputFiles(bad);
    await page.getByLabel(/^Nom du jeu/).fill('caf');
    await page.getByLabel('Année').fill(String(YEAR));
    await page.getByRole('button', { name: 'Analyser le fichier' }).click();
    const report = page.getByRole('table', { name: /Rapport du fichier/ });
    await report.waitFor(WAIT);
    const text = await report.innerText();
    expect(text).toMatch(/Structure inconnue/);
    expect(text).toMatch(/D7[\s\S]*Nombre mal formé/);
    expect(await page.getByRole('button', { name: /^Importer/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'external-mauvais-fichier');
    await page.context().close();
  });

  it('après l’import, l’administration nationale confirme et rejette les rapprochements proposés depuis la page de concordance', async () => {
    // The example's first 40 lines, a few of them without SIRET and with a name typed differently: proposals.
    const { cookie, csrf } = await nationalSession();
    const [header, ...lines] = (await (await fetch(`${baseUrl}/api/external/example?year=${YEAR}`, { headers: { cookie } })).text()).replace(/^\ufeff/, '').trimEnd().split(/\r?\n/);
    const typo = (name: string) => name.replace(/(\p{L})(\p{L})(\p{L}*)$/u, '$2$1$3');
    const build = (typed: (i: number) => boolean) => [header, ...lines.slice(0, 40).map((l, i) => {
      if (!typed(i)) return l;
      const [, name, ...rest] = l.split(';');
      return ['', typo(name), ...rest].join(';');
    })].join('\r\n');
    const dry = await (await fetch(`${baseUrl}/api/external/import?dataset=revue&year=${YEAR}&dryRun=true`, {
      method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'text/csv' }, body: build((i) => i % 5 === 0),
    })).json() as { counts?: { proposals: number }; error?: { details: { problems: { line: number }[] } } };
    const unknown = new Set((dry.error?.details.problems ?? []).map((p) => p.line - 2));
    const file = join(dir, 'revue.csv');
    writeFileSync(file, build((i) => i % 5 === 0 && !unknown.has(i)));

    const page = await newPage(browser, baseUrl);
    await loginAs(page, NATIONAL);
    await page.goto('/donnees-externes');
    await settled(page);
    await page.getByLabel(/^Fichier/).setInputFiles(file);
    await page.getByLabel(/^Nom du jeu/).fill('revue');
    await page.getByLabel('Année').fill(String(YEAR));
    await page.getByRole('button', { name: 'Analyser le fichier' }).click();
    await page.getByRole('button', { name: /^Importer \d+ ligne/ }).click(WAIT);
    await page.getByRole('status').filter({ hasText: /importé/ }).waitFor(WAIT);
    await page.getByRole('link', { name: 'Voir le rapport de concordance' }).click();
    const review = page.getByRole('region', { name: 'Rapprochements à confirmer' });
    await review.getByText(/lignes? à confirmer,/).waitFor(WAIT);
    await settled(page);
    const selects = await review.getByRole('combobox').all();
    expect(selects.length).toBeGreaterThanOrEqual(2);
    const pendingBefore = Number((await review.getByText(/lignes? à confirmer,/).innerText()).match(/^(\d+)/)![1]);
    await selects[0].selectOption({ index: 1 });
    await selects[1].selectOption({ label: 'Rejeter : aucune de ces structures' });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'external-revue');
    await review.getByRole('button', { name: 'Enregistrer les décisions' }).click();
    await review.getByRole('status').filter({ hasText: '2 décisions enregistrées' }).waitFor(WAIT);
    await review.getByText(`${pendingBefore - 2} ${pendingBefore - 2 > 1 ? 'lignes' : 'ligne'} à confirmer, 2 déjà décidées`).waitFor(WAIT);
    expect(await review.innerText()).toMatch(/— confirmée : /);
    expect(await review.innerText()).toMatch(/— rejetée/);
    await page.context().close();
  });
});
