/**
 * Officials' dashboard and public map in the browser (issue 6): the dashboards of the nation, a région and
 * a département render their key figures and an SVG map of the 101 départements (96 + 5 overseas insets),
 * suppressed cells read as suppressed (hatched on the map, « secret statistique » in its table), the
 * public map shows structures as points and opens an identity sheet (from a point or from the list), and
 * axe finds no violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, newPage, screenshot } from './browser';
import { startServer, type RunningServer } from './server';

const WAIT = { timeout: 60_000 };
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Waits for the choropleth (its SVG and its table) and returns what the test checks. */
async function readMap(page: Page) {
  const map = page.locator('.dash-map .map-chart svg');
  await map.waitFor(WAIT);
  await page.locator('.dash-map .map-table tbody tr').first().waitFor({ state: 'attached', ...WAIT });
  return page.evaluate(() => {
    const svg = document.querySelector('.dash-map .map-chart svg')!;
    const rows = [...document.querySelectorAll('.dash-map .map-table tbody tr')];
    return {
      paths: svg.querySelectorAll('path').length,
      texts: [...svg.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      patterns: svg.querySelectorAll('pattern').length,
      rows: rows.length,
      states: rows.map((r) => ({ state: r.getAttribute('data-state'), text: r.querySelector('td')?.textContent ?? '' })),
      credit: document.querySelector('.dash-map .map-credit')?.textContent ?? '',
    };
  });
}

describe('officials’ dashboard', () => {
  it('shows the nation: key figures, trends, the map of 101 départements with insets, suppressed cells as such', async () => {
    const page = await newPage(browser, server.baseUrl);
    await page.goto('/tableau-de-bord');
    await page.getByRole('heading', { level: 1, name: /Tableau de bord : France/ }).waitFor(WAIT);
    await page.locator('.key-figures .kf').first().waitFor(WAIT);
    expect(await page.locator('.key-figures .kf').count()).toBeGreaterThanOrEqual(7);
    const m = await readMap(page);
    expect(m.rows).toBe(101);
    expect(m.paths).toBeGreaterThanOrEqual(101);
    for (const name of ['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte', 'Secret statistique', 'Pas de données']) expect(m.texts.join('|')).toContain(name);
    expect(m.credit).toContain('CC BY 4.0');
    const suppressed = m.states.filter((s) => s.state === 'suppressed');
    expect(suppressed.length).toBeGreaterThan(0);
    for (const s of suppressed) expect(s.text).toMatch(/secret statistique/);
    expect(m.patterns).toBeGreaterThan(0); // hatching of suppressed départements
    expect(m.states.filter((s) => s.state === 'value').length).toBeGreaterThan(0);
    // The régions' table links to their dashboards.
    await page.getByRole('link', { name: 'Auvergne-Rhône-Alpes' }).first().waitFor(WAIT);
    await screenshot(page, 'dashboard-nation');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('shows a région zoomed on its départements and follows the indicator picker', async () => {
    const page = await newPage(browser, server.baseUrl);
    await page.goto('/tableau-de-bord/region/84');
    await page.getByRole('heading', { level: 1, name: /Auvergne-Rhône-Alpes/ }).waitFor(WAIT);
    let m = await readMap(page);
    expect(m.rows).toBe(12);
    await page.getByLabel('Indicateur').selectOption('actions.familles.oui');
    await page.locator('.map-caption', { hasText: 'familles' }).waitFor(WAIT);
    m = await readMap(page);
    expect(m.rows).toBe(12);
    expect(m.states.every((s) => s.state && ['value', 'suppressed', 'no_data'].includes(s.state))).toBe(true);
    await page.getByRole('link', { name: /Rhône \(69\)/ }).first().waitFor(WAIT);
    await screenshot(page, 'dashboard-region-84');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('shows a département with its key figures and its place in the région', async () => {
    const page = await newPage(browser, server.baseUrl);
    await page.goto('/tableau-de-bord/departement/69');
    await page.getByRole('heading', { level: 1, name: /Rhône \(69\)/ }).waitFor(WAIT);
    await page.locator('.key-figures .kf').first().waitFor(WAIT);
    const m = await readMap(page);
    expect(m.rows).toBe(12);
    expect(await page.locator('.map-table tr.row-current').count()).toBe(1);
    await screenshot(page, 'dashboard-departement-69');
    expect(await axeViolations(page)).toEqual([]);
    // The plaquette of the territory, from its dashboard: progress while it is made, then the file (issue 14).
    const download = page.waitForEvent('download', WAIT);
    await page.getByRole('button', { name: 'Plaquette PDF' }).click();
    await page.getByRole('status').filter({ hasText: /Préparation du document|Téléchargement/ }).first().waitFor(WAIT);
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = await (await import('node:fs/promises')).readFile((await file.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByRole('status').filter({ hasText: /^Document prêt : .+\.pdf\.$/ }).waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 180_000);
});

describe('public map of structures', () => {
  it('shows structures as points and opens an identity sheet from a point and from the list', async () => {
    const page = await newPage(browser, server.baseUrl);
    await page.goto('/carte');
    await page.getByRole('heading', { level: 1, name: 'Carte des structures' }).waitFor(WAIT);
    await page.locator('.structures-map .map-chart svg').waitFor(WAIT);
    const caption = await page.locator('.map-caption').textContent();
    const total = Number(/(\d+) structure/.exec(caption ?? '')?.[1]);
    expect(total).toBeGreaterThan(10);
    // Scatter symbols are drawn as paths; with the 101 départements there are many more than the structures alone.
    const paths = await page.locator('.structures-map .map-chart svg path').count();
    expect(paths).toBeGreaterThan(101 + Math.min(total, 50));
    expect(await page.locator('.map-credit').textContent()).toContain('Licence Ouverte');
    await screenshot(page, 'carte-france');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Département', { exact: true }).selectOption('69');
    await page.locator('.map-table table caption', { hasText: 'Rhône' }).waitFor(WAIT);
    // A click on a point of the map (a centre social: blue symbol) opens its identity sheet…
    await page.waitForTimeout(1000); // the zoom animation
    await page.locator('.structures-map .map-chart svg path[fill="#0072B2"]').first().click({ force: true });
    await page.locator('.map-sheet .identity').waitFor(WAIT);
    const fromMap = await page.locator('.map-sheet h3').textContent();
    expect(await page.locator('.map-table .link-button').allTextContents()).toContain(fromMap);
    // …and so does the list, for keyboards and screen readers.
    const last = page.locator('.map-table .link-button').last();
    const lastName = await last.textContent();
    await last.click();
    await page.locator('.map-sheet h3', { hasText: lastName! }).waitFor(WAIT);
    await screenshot(page, 'carte-rhone');
    expect(await axeViolations(page)).toEqual([]);

    // The map itself, from the keyboard: Tab reaches it, arrows walk from structure to structure (announced),
    // Enter opens the structure shown.
    const map = page.getByRole('application', { name: 'Carte des structures, parcourable au clavier' });
    await map.focus();
    await page.keyboard.press('Home');
    const announced = page.locator('#carte-courante');
    await announced.filter({ hasText: /Entrée pour ouvrir sa fiche/ }).waitFor(WAIT);
    const first = (await announced.textContent())!;
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((before) => document.querySelector('#carte-courante')?.textContent !== before, first, WAIT);
    const second = (await announced.textContent())!;
    await page.keyboard.press('Enter');
    await page.waitForFunction((text) => { const h = document.querySelector('.map-sheet h3')?.textContent; return !!h && text.startsWith(`${h}, `); }, second, WAIT);
    expect(await page.locator('.map-table .link-button').allTextContents()).toContain(await page.locator('.map-sheet h3').textContent());
    await screenshot(page, 'carte-clavier');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 180_000);
});
