/**
 * Partner discovery, cash and the ESS profile in the browser (issue 7). The demo centre's director opens
 * its ESS profile (criteria with their states, CRESS downloads), its cash page, declares a partner and
 * shares the structure's partners; a correspondent of the Rhône then searches by kind, theme and name,
 * and a structure's director by distance from its own centre; the département's network draws a graph
 * with its table. Axe finds no violation on any of these pages; screenshots go to test-results/screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, loginAs, newPage, screenshot } from './browser';
import { startServer, type RunningServer } from './server';

const WAIT = { timeout: 60_000 };
const DIRECTOR = 'direction@demo.senacs.test';
const CAF69 = 'caf69@demo.senacs.test';
let server: RunningServer;
let browser: Browser;
let centreId: number;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const res = await fetch(`${server.baseUrl}/api/structures?q=${encodeURIComponent('Croix-Rousse')}`);
  const body = (await res.json()) as { items: { id: number; name: string }[] };
  centreId = body.items.find((s) => s.name === 'Centre social de la Croix-Rousse')!.id;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.loading'), undefined, WAIT);
}
async function openAs(email: string, path: string): Promise<Page> {
  const page = await newPage(browser, server.baseUrl);
  page.on('pageerror', (e) => console.error(`[${email}] pageerror: ${e.message}`));
  await loginAs(page, email);
  await page.goto(path);
  await settled(page);
  return page;
}

describe('ESS profile and cash of the demo centre', () => {
  it('the director sees the law’s three conditions and the eight themes with their states, and can download the CRESS files', async () => {
    const page = await openAs(DIRECTOR, `/structures/${centreId}/ess`);
    await page.getByRole('heading', { name: 'Profil économie sociale et solidaire' }).waitFor(WAIT);
    const law = page.locator('table', { has: page.locator('caption', { hasText: 'article 1 de la loi ESS' }) });
    await expect(law.locator('tbody tr').count()).resolves.toBe(3);
    const guide = page.locator('table', { has: page.locator('caption', { hasText: 'guide des bonnes pratiques' }) });
    await expect(guide.locator('tbody tr').count()).resolves.toBe(8);
    const states = await page.locator('.ess-state').allTextContents();
    expect(states.every((s) => ['Rempli', 'Non rempli', 'Inconnu'].includes(s))).toBe(true);
    expect(states).toContain('Inconnu');
    // The département's figures come out of the gate: each cell is a value or says why it is withheld.
    await page.locator('table', { has: page.locator('caption', { hasText: 'Chiffres ESS' }) }).waitFor(WAIT);
    const pdf = await page.getByRole('link', { name: /Télécharger le profil pour la CRESS/ }).getAttribute('href');
    const res = await page.request.get(pdf!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'ess-profile');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the director sees the cash signal with its reasons and the indicators by year', async () => {
    const page = await openAs(DIRECTOR, `/structures/${centreId}/tresorerie`);
    await page.getByRole('heading', { name: /^Signal \d{4} : / }).waitFor(WAIT);
    await page.getByText('Trésorerie en jours de charges').waitFor(WAIT);
    await page.getByText(/Fonds de roulement : non calculable/).waitFor(WAIT);
    await screenshot(page, 'cash-structure');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('partner discovery', () => {
  it('the director declares a partner and shares the structure’s partners', async () => {
    const page = await openAs(DIRECTOR, `/structures/${centreId}/partenaires`);
    await page.getByRole('heading', { name: 'Partage avec le réseau' }).waitFor(WAIT);
    await page.getByText(/ne sont pas partagés/).waitFor(WAIT);
    await page.getByLabel('Type de partenaire').selectOption('bailleurs');
    await page.getByLabel('Nom du partenaire').fill('Lyon Métropole Habitat Croix-Rousse');
    await page.getByLabel('SIRET (facultatif, 14 chiffres)').fill('123');
    await page.getByLabel('Logement').check();
    await page.getByRole('button', { name: 'Ajouter le partenaire' }).click();
    await page.getByRole('alert').filter({ hasText: /SIRET « 123 » n’est pas valide/ }).waitFor(WAIT);
    await page.getByLabel('SIRET (facultatif, 14 chiffres)').fill('');
    await page.getByRole('button', { name: 'Ajouter le partenaire' }).click();
    await page.getByRole('rowheader', { name: 'Lyon Métropole Habitat Croix-Rousse' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Partager les partenaires avec le réseau' }).click();
    await page.getByText(/Les partenaires de la structure sont partagés/).waitFor(WAIT);
    await screenshot(page, 'partners-structure');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('a correspondent finds, by kind, theme and name, the centre working with that landlord on housing', async () => {
    const page = await openAs(CAF69, '/partenaires');
    await page.getByLabel('Type de partenaire').selectOption('bailleurs');
    await page.getByLabel('Thème').selectOption('logement');
    await page.getByLabel('Nom du partenaire (facultatif)').fill('metropole habitat croix');
    const answered = page.waitForResponse((r) => r.url().includes('/api/partners/search') && r.url().includes('kind=bailleurs'), WAIT);
    await page.getByRole('button', { name: 'Chercher' }).click();
    await answered;
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, WAIT);
    await page.getByTestId('search-count').filter({ hasText: '1 structure' }).waitFor(WAIT);
    const results = page.locator('table', { has: page.locator('caption', { hasText: 'partagent un partenaire' }) });
    await expect(results.getByRole('rowheader').allTextContents()).resolves.toEqual(['Centre social de la Croix-Rousse']);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the director searches near the centre: nearest first, all within the distance, and sees the Rhône’s network with its table', async () => {
    const page = await openAs(DIRECTOR, '/partenaires');
    await page.getByLabel('Type de partenaire').selectOption('caf');
    await page.getByLabel('Distance de ma structure').selectOption('10');
    const answered = page.waitForResponse((r) => r.url().includes('/api/partners/search') && r.url().includes('km=10'), WAIT);
    await page.getByRole('button', { name: 'Chercher' }).click();
    await answered;
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, WAIT);
    await page.getByTestId('search-count').filter({ hasText: /distances depuis Centre social de la Croix-Rousse/ }).waitFor(WAIT);
    const km = (await page.locator('table', { has: page.locator('caption', { hasText: 'partagent un partenaire' }) }).locator('tbody td.num').allTextContents())
      .map((t) => Number(t.replace(/\s*km$/, '').replace(',', '.')));
    expect(km.length).toBeGreaterThan(0);
    expect(km.every((d) => d <= 10)).toBe(true);
    expect([...km].sort((a, b) => a - b)).toEqual(km);
    // Network of the Rhône: an SVG graph and its table equivalent (filtered to the CAF by the search).
    await page.locator('.chart svg').first().waitFor(WAIT);
    const table = page.locator('table', { has: page.locator('caption', { hasText: 'équivalent du graphe' }) });
    await table.locator('tbody tr').first().waitFor(WAIT);
    const firstRow = await table.locator('tbody tr').first().locator('th').textContent();
    expect(firstRow).toMatch(/CAF/);
    const nodes = await page.locator('.chart svg path, .chart svg rect').count();
    expect(nodes).toBeGreaterThan(3);
    await screenshot(page, 'partners-search-network');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the whole network of the Rhône: every sharing structure and its partners, the most shared first in the table', async () => {
    const page = await openAs(CAF69, '/partenaires?departement=69');
    await page.locator('.chart svg').first().waitFor(WAIT);
    const table = page.locator('table', { has: page.locator('caption', { hasText: 'équivalent du graphe' }) });
    const counts = (await table.locator('tbody td.num').allTextContents()).map(Number);
    expect(counts.length).toBeGreaterThan(5);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    await screenshot(page, 'partners-network-rhone');
    expect(await axeViolations(page)).toEqual([]);
    // The legend names each kind with its own shape and colour, in the page; another département from the list.
    const legend = page.getByRole('list', { name: 'Légende du graphe' });
    expect(await legend.getByRole('listitem').count()).toBeGreaterThan(2);
    await page.getByRole('combobox', { name: 'Département' }).selectOption('13');
    await page.getByRole('status').filter({ hasText: /^Bouches-du-Rhône :/ }).waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('a correspondent opens the Rhône’s cash view: published figures, withheld ones say why', async () => {
    const page = await openAs(CAF69, '/territoires/tresorerie?level=departement&code=69');
    const table = page.locator('table', { has: page.locator('caption', { hasText: /Trésorerie \d{4} – Rhône/ }) });
    await table.waitFor(WAIT);
    const cells = await table.locator('tbody td').allTextContents();
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => /\d|secret|pas de données|retenu|supprim/i.test(c))).toBe(true);
    await screenshot(page, 'cash-territory');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('the centre’s fact sheet as a page (issue 6)', () => {
  it('the director opens it from the home: « En bref », every indicator beside its peers, the evolution, the PDF link', async () => {
    const page = await openAs(DIRECTOR, '/');
    const link = page.getByRole('link', { name: /Fiche \d{4} de la structure/ });
    await link.waitFor(WAIT);
    await link.click();
    await settled(page);
    await page.getByRole('heading', { name: 'En bref' }).waitFor(WAIT);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/Croix-Rousse — fiche \d{4}/);
    expect(await page.locator('#sheet-brief + ul li').count()).toBeGreaterThan(3);
    const rows = page.locator('table', { has: page.locator('caption', { hasText: 'Votre structure et les structures comparables' }) }).locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(20);
    expect(await page.getByRole('link', { name: /Télécharger la fiche \d{4} \(PDF\)/ }).getAttribute('href')).toMatch(/fact-sheet\?year=\d{4}$/);
    await screenshot(page, 'fact-sheet-page');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
