/**
 * Fiches actions in the browser (issue 6): a visitor searches by keyword and by theme and opens a fiche; the
 * demo centre's director writes a new fiche from the structure's home and publishes it; the visitor then
 * finds it, also on the structure's public page. axe on every page, screenshots for a human look.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, loginAs, newPage, screenshot } from './browser';
import { startServer, type RunningServer } from './server';

const DIRECTOR = 'direction@demo.senacs.test';
const WAIT = { timeout: 60_000 };
const TITLE = 'Troc de plantes entre voisins';

let server: RunningServer | undefined;
let baseUrl: string;
let browser: Browser;

async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.loading'), undefined, WAIT);
}
async function checkPage(page: Page, name: string) {
  await settled(page);
  expect(await axeViolations(page), name).toEqual([]);
  const png = await screenshot(page, `fiches-${name}`);
  expect(png.length).toBeGreaterThan(10_000);
}

beforeAll(async () => {
  server = await startServer({ timeoutMs: 540_000 });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('fiches actions', () => {
  it('a visitor searches by keyword, then by theme, and opens a fiche', async () => {
    const page = await newPage(browser, baseUrl);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Fiches actions' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Fiches actions');
    await checkPage(page, 'recherche');

    await page.getByLabel(/Mots-clés/).fill('jardin');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/q=jardin/);
    await settled(page);
    await expect.poll(() => page.locator('.sheet-item h3').first().innerText(), WAIT).toBe('Jardin partagé au pied des immeubles');

    await page.getByLabel(/Mots-clés/).fill('');
    await page.getByLabel('Thème', { exact: true }).selectOption('mobilite');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/theme=mobilite/);
    await settled(page);
    // The previous results stay on screen while the next ones load: wait for the theme's own answer.
    await expect.poll(() => page.locator('.sheet-item h3 a').allInnerTexts(), WAIT).toContain('Transport solidaire en milieu rural');
    expect((await page.locator('.sheet-item h3 a').allInnerTexts()).length).toBeGreaterThanOrEqual(2);
    await checkPage(page, 'theme-mobilite');

    await page.getByRole('link', { name: 'Transport solidaire en milieu rural' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Transport solidaire en milieu rural');
    await expect.poll(() => page.getByRole('heading', { name: 'Résultats' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Modifier cette fiche' }).count()).toBe(0);
    await checkPage(page, 'fiche');
    await page.context().close();
  }, 180_000);

  it('the director writes a fiche from the structure’s home and publishes it; the public then finds it', async () => {
    const page = await newPage(browser, baseUrl);
    page.on('pageerror', (e) => console.error(`pageerror: ${e.message}`));
    await loginAs(page, DIRECTOR);
    await settled(page);
    await page.getByRole('link', { name: 'Rédiger une fiche action' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Nouvelle fiche action');
    await checkPage(page, 'nouvelle');

    await page.getByLabel(/^Titre/).fill(TITLE);
    await page.getByLabel('Transition écologique').check();
    await page.getByLabel('Lutte contre l’isolement').check();
    await page.getByLabel(/Mots-clés/).fill('plantes, troc, boutures');
    await page.getByLabel('L’action en quelques mots').fill('Chaque premier samedi du mois, les habitants échangent boutures, graines et conseils de jardinage devant le centre.');
    await page.getByLabel('Résultats pour les habitants').fill('Des voisins qui se connaissent, des balcons fleuris.');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.waitForURL(/\/fiches-actions\/\d+\/modifier/, WAIT);
    await settled(page);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Brouillon enregistré' }).count(), WAIT).toBe(1);
    const id = Number(/\/fiches-actions\/(\d+)/.exec(page.url())![1]);

    // Still a draft: the public does not see it.
    const visitor = await newPage(browser, baseUrl);
    expect((await visitor.request.get(`/api/action-sheets/${id}`)).status()).toBe(404);

    await page.getByRole('button', { name: 'Publier la fiche' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Fiche publiée' }).count(), WAIT).toBe(1);
    await expect.poll(() => page.locator('.badge-published').count()).toBe(1);
    await checkPage(page, 'editeur-publiee');

    await visitor.goto('/fiches-actions?q=boutures');
    await settled(visitor);
    await expect.poll(() => visitor.locator('.sheet-item h3').first().innerText(), WAIT).toBe(TITLE);
    await visitor.getByRole('link', { name: TITLE }).click();
    await settled(visitor);
    await expect.poll(() => visitor.locator('h1').innerText()).toBe(TITLE);
    await visitor.getByRole('link', { name: 'Centre social de la Croix-Rousse' }).click();
    await settled(visitor);
    await expect.poll(() => visitor.locator('.sheet-item h3').allInnerTexts(), WAIT).toContain(TITLE);
    await checkPage(visitor, 'structure-publique');
    await page.context().close();
    await visitor.context().close();
  }, 240_000);

  it('downloads: the directory as CSV and XLSX, the open data page and its files', async () => {
    const page = await newPage(browser, baseUrl);
    await page.goto('/structures?departement=69');
    await settled(page);
    const csvHref = await page.getByRole('link', { name: /^CSV/ }).getAttribute('href');
    expect(csvHref).toMatch(/^\/api\/exports\/structures\?departement=69&format=csv$/);
    const csv = await page.request.get(csvHref!);
    expect(csv.status()).toBe(200);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Centre social de la Croix-Rousse');
    const xlsx = await page.request.get((await page.getByRole('link', { name: /^XLSX/ }).getAttribute('href'))!);
    expect(xlsx.headers()['content-type']).toMatch(/spreadsheetml/);

    await page.getByRole('link', { name: 'Données ouvertes' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Données ouvertes');
    // Key figures for the three levels, averages by kind of structure, the directory.
    const rows = await page.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.includes('Chiffres clés'))).toHaveLength(3);
    expect(rows.some((r) => r.includes('Moyennes et parts'))).toBe(true);
    expect(rows.some((r) => r.includes('Annuaire des structures'))).toBe(true);
    await checkPage(page, 'donnees-ouvertes');
    const file = await page.request.get((await page.locator('tbody tr').first().getByRole('link', { name: /^CSV/ }).getAttribute('href'))!);
    expect((await file.text()).split(/\r?\n/)[0]).toBe('niveau,territoire_code,territoire,indicateur_code,indicateur,statistique,unite,valeur,effectif,statut');
    await page.context().close();
  }, 120_000);

  it('a correspondent downloads the follow-up list of the département from the home page', async () => {
    const page = await newPage(browser, baseUrl);
    await loginAs(page, 'caf69@demo.senacs.test');
    await settled(page);
    const link = page.getByRole('link', { name: /^CSV \(la liste de suivi\)/ });
    await link.waitFor(WAIT);
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/exports\/campaigns\/\d{4}\/responses\?level=departement&code=69&format=csv$/);
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    expect((await res.text()).split(/\r?\n/)[0]).toBe('\uFEFFstructure_id;nom;type;departement_code;etat;mise_a_jour');
    await checkPage(page, 'accueil-caf69');
    await page.context().close();
  }, 120_000);
});

