/**
 * Personal data and legal duties in the browser (issue 20): the four legal pages reached from the footer of
 * public and signed-in pages (axe clean), with the operator's settings from the environment; a person downloads
 * their data from « Mes données »; the director removes a member who left and hands the direction over on
 * « Départs et direction »; the server's log lines of the whole run hold no e-mail address nor token.
 * Runs on its own small seeded server.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, loginAs, newPage } from './browser';
import { startServer, type RunningServer } from './server';
import { EMAIL_PATTERN, TOKEN_PATTERN } from '../../src/domain/privacy/scrub';

const DIRECTOR = 'direction@demo.senacs.test';
const TEAM = 'equipe@demo.senacs.test';
const BOARD = 'ca@demo.senacs.test';
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

describe('droits des personnes dans le navigateur', () => {
  it('un membre de l’équipe télécharge ses données depuis « Mes données », atteinte par la page Données personnelles', async () => {
    const page = await newPage(browser, server!.baseUrl);
    await loginAs(page, TEAM);
    await page.locator('footer').getByRole('link', { name: 'Données personnelles' }).click();
    await page.getByRole('heading', { level: 1, name: 'Données personnelles' }).waitFor(WAIT);
    await page.locator('main').getByRole('link', { name: 'Mes données' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes données' }).waitFor(WAIT);
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger en JSON' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^mes-donnees-senacs-\d{4}-\d\d-\d\d\.json$/);
    const file = JSON.parse(await readFile(await download.path(), 'utf8')) as { sections: { profil: { courriel: string }[]; roles: { role: string }[] } };
    expect(file.sections.profil[0].courriel).toBe(TEAM);
    expect(file.sections.roles.map((r) => r.role)).toEqual(['contributor']);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger en CSV' }).click()]);
    expect(await readFile(await csv.path(), 'utf8')).toContain(`profil;1;courriel;${TEAM}`);
    await page.context().close();
  });

  it('la direction retire une personne partie puis transmet la direction, depuis la fiche de la structure', async () => {
    const page = await newPage(browser, server!.baseUrl);
    await loginAs(page, DIRECTOR);
    await page.goto(`/structures/${centreId}`);
    await settled(page);
    await page.getByRole('link', { name: 'Départs et direction' }).click();
    await page.getByRole('heading', { level: 1, name: 'Départs et direction' }).waitFor(WAIT);
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader') }).filter({ hasText: 'conseil d’administration' });
    const boardName = (await row.getByRole('rowheader').innerText()).trim();
    await row.getByRole('button', { name: /^Retirer/ }).click();
    await page.getByRole('button', { name: `Confirmer le retrait de ${boardName}` }).click();
    await expect.poll(() => page.getByRole('status').innerText(), WAIT).toContain(`${boardName} a été retiré·e : désormais « Personne retirée `);
    expect(await page.getByRole('status').innerText()).toMatch(/« Personne retirée [0-9a-f]{8} »/);
    await settled(page);
    await expect.poll(() => page.locator('main table').innerText(), WAIT).not.toContain(boardName);
    expect(await axeViolations(page)).toEqual([]);
    // The removed person can no longer sign in.
    const login = await fetch(`${server!.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: BOARD, password: 'demo-senacs-2026' }) });
    expect(login.status).toBe(401);

    await page.getByLabel('Personne qui reprend la direction').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Transmettre la direction' }).click();
    await expect.poll(() => page.getByRole('status').innerText(), WAIT).toMatch(/dirige désormais la structure/);
    await page.context().close();
  });

  it('l’administration nationale retire une personne d’un territoire depuis « Personnes et invitations »', async () => {
    const page = await newPage(browser, server!.baseUrl);
    await loginAs(page, 'national@demo.senacs.test');
    await page.goto('/personnes');
    await settled(page);
    const row = page.getByRole('row').filter({ hasText: 'federation69@demo.senacs.test' });
    const name = (await row.locator('td').first().innerText()).trim();
    await row.getByRole('button', { name: /^Retirer/ }).click();
    await page.getByRole('button', { name: `Confirmer le retrait de ${name}` }).click();
    await expect.poll(() => page.getByRole('status').first().innerText(), WAIT).toContain(`${name} a été retiré·e`);
    await expect.poll(() => page.locator('main table').first().innerText(), WAIT).not.toContain('federation69@demo.senacs.test');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('les journaux du serveur de toute la séance ne contiennent ni adresse e-mail ni jeton', async () => {
    // The server's log lines are pino's JSON lines; the demo account list printed at start (plain text) is not a log.
    const lines = server!.logs(true).split('\n').filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(50);
    expect(lines.some((l) => l.includes('"route":"/api/people/:id/removal"'))).toBe(true);
    const found = lines.flatMap((l) => [...(l.match(EMAIL_PATTERN) ?? []), ...(l.match(TOKEN_PATTERN) ?? [])]);
    expect(found).toEqual([]);
  });
});
