/**
 * Personal data and legal duties in the browser (issue 20): the four legal pages reached from the footer of
 * public and signed-in pages (axe clean), with the operator's settings from the environment.
 * Runs on its own small seeded server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, loginAs, newPage } from './browser';
import { startServer, type RunningServer } from './server';

const DIRECTOR = 'direction@demo.senacs.test';
const WAIT = { timeout: 60_000 };

let server: RunningServer | undefined;
let browser: Browser;
let centreId: number;

beforeAll(async () => {
  // The operator's settings travel to the server through its environment, as in production.
  process.env.LEGAL_PUBLISHER = 'Caisse d’allocations familiales du Rhône';
  process.env.LEGAL_DPO_CONTACT = 'dpo@caf69.example';
  process.env.RETENTION_OUTBOX_DAYS = '60';
  process.env.SENACS_DEMO_SCALE ??= '0.03';
  server = await startServer();
  browser = await launchBrowser();
  const r = await fetch(`${server.baseUrl}/api/structures?q=${encodeURIComponent('Croix-Rousse')}`);
  centreId = ((await r.json()) as { items: { id: number }[] }).items[0].id;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.loading'), undefined, WAIT);
}

const LEGAL = [
  { link: 'Mentions légales', h1: 'Mentions légales', text: 'Caisse d’allocations familiales du Rhône' },
  { link: 'Données personnelles', h1: 'Données personnelles', text: '60 jours' },
  { link: /^Accessibilité : non conforme$/, h1: 'Déclaration d’accessibilité', text: 'non conforme' },
  { link: 'Plan du site', h1: 'Plan du site', text: 'Annuaire des structures' },
] as const;

describe('pages légales depuis le pied de page', () => {
  const starts: { name: string; who?: string; path: () => string }[] = [
    { name: 'accueil public', path: () => '/' },
    { name: 'annuaire', path: () => '/structures' },
    { name: 'page introuvable', path: () => '/nulle-part' },
    { name: 'fiche privée (direction)', who: DIRECTOR, path: () => `/structures/${centreId}` },
  ];
  for (const s of starts) {
    it(`${s.name} : les quatre pages s’ouvrent depuis le pied de page, sans violation axe`, async () => {
      const page = await newPage(browser, server!.baseUrl);
      if (s.who) await loginAs(page, s.who);
      for (const l of LEGAL) {
        await page.goto(s.path());
        await settled(page);
        const footer = page.locator('footer');
        await footer.getByRole('link', { name: l.link }).click();
        await page.getByRole('heading', { level: 1, name: l.h1 }).waitFor(WAIT);
        await settled(page);
        await expect.poll(() => page.locator('main').innerText()).toContain(l.text);
        expect(await axeViolations(page)).toEqual([]);
      }
      await page.context().close();
    });
  }

  it('ce que l’exploitant n’a pas renseigné est signalé avec sa variable, et le plan du site mène aux pages', async () => {
    const page = await newPage(browser, server!.baseUrl);
    await page.goto('/mentions-legales');
    await settled(page);
    expect(await page.locator('main').innerText()).toMatch(/à renseigner par l’exploitant \(variable LEGAL_HOST\)/);
    await page.goto('/plan-du-site');
    await settled(page);
    await page.locator('main').getByRole('link', { name: 'Fiches actions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fiches actions' }).waitFor(WAIT);
    await page.context().close();
  });
});
