/**
 * Invitations by e-mail link in the browser (issue 4): the demo centre's director invites a newcomer from
 * the structure's home, the link is handed over on the page (no mail server in tests), the newcomer opens
 * it in a second browser context, chooses a password, lands on the structure and edits the response.
 * Revoked and used links show a clear French page. Then last year's answers « à confirmer »: a newcomer
 * of a structure that has not opened this year's questionnaire opens it (prefilled) and confirms one.
 * axe on every page, screenshots for a human look.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, loginAs, newPage, screenshot } from './browser';
import { startServer, type RunningServer } from './server';
import { apiClient } from './api';

const DIRECTOR = 'direction@demo.senacs.test';
const CAF = 'caf69@demo.senacs.test';
const NATIONAL = 'national@demo.senacs.test';
const NEWCOMER = 'nouvelle.recrue@example.org';
const WAIT = { timeout: 60_000 };

let server: RunningServer | undefined;
let baseUrl: string;
let browser: Browser;
let director: Page;
const { apiLogin, call } = apiClient(() => baseUrl);

/**
 * The invitation link, as the director hands it over: no mail server in these tests, so the page shows it
 * once (the outbox holds no link: it is written into the mail only when it leaves). The outbox, as the
 * Rhône correspondent reads it, lists the mail without any usable link.
 */
async function handedOverLink(to: string): Promise<string> {
  const field = director.getByLabel(`Lien personnel de ${to}, à lui transmettre (il ne sera plus affiché)`);
  await field.waitFor(WAIT);
  const link = await field.inputValue();
  const box = await call<{ items: { toEmail: string; subject: string; body: string }[] }>(CAF, 'GET', '/outbox?level=departement&code=69&pageSize=200');
  const mail = box.items.find((m) => m.toEmail === to);
  if (!mail) throw new Error(`no mail to ${to} in the outbox`);
  expect(mail.subject).toMatch(/invitation à rejoindre/);
  expect(mail.body).not.toMatch(/\/invitation\/[A-Za-z0-9_-]{20,}/);
  return new URL(link).pathname;
}

async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.loading'), undefined, WAIT);
}
async function anonymousPage(): Promise<Page> {
  const page = await newPage(browser, baseUrl);
  page.on('pageerror', (e) => console.error(`pageerror: ${e.message}`));
  return page;
}

/** Opens an invitation link in a fresh context, creates the account, and waits for the home page, signed in. */
async function acceptAsNewcomer(page: Page, path: string, name: string, password: string, structure: RegExp) {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: structure }).waitFor(WAIT);
  await page.getByLabel(/Votre nom/).fill(name);
  await page.getByLabel(/Choisissez un mot de passe/).fill(password);
  await page.getByLabel('Confirmez le mot de passe').fill(password);
  await page.getByRole('button', { name: 'Créer mon compte et rejoindre la structure' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor(WAIT);
  await page.waitForURL((u) => u.pathname === '/', WAIT);
}

beforeAll(async () => {
  if (process.env.SENACS_E2E_URL) baseUrl = process.env.SENACS_E2E_URL;
  else { server = await startServer(); baseUrl = server.baseUrl; }
  browser = await launchBrowser();
  await Promise.all([apiLogin(DIRECTOR), apiLogin(CAF), apiLogin(NATIONAL)]);
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('inviter par lien', () => {
  let link: string;

  it('la direction invite une personne depuis l’accueil de sa structure', async () => {
    director = await newPage(browser, baseUrl);
    director.on('pageerror', (e) => console.error(`[direction] pageerror: ${e.message}`));
    await loginAs(director, DIRECTOR);
    await settled(director);
    await director.getByRole('heading', { name: 'Inviter des personnes' }).waitFor(WAIT);
    await director.getByLabel('Adresse e-mail de la personne').fill(NEWCOMER);
    await director.getByLabel('Équipe (contributeur·rice)').check();
    await director.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await director.getByRole('status').filter({ hasText: `Invitation envoyée à ${NEWCOMER}` }).waitFor(WAIT);
    const row = director.locator('.invitations-table tr', { hasText: NEWCOMER });
    await row.waitFor(WAIT);
    expect(await row.innerText()).toContain('En attente');
    expect(await axeViolations(director)).toEqual([]);
    await screenshot(director, 'invitations-direction');
    link = await handedOverLink(NEWCOMER);
  });

  it('la personne invitée ouvre le lien dans un autre navigateur, crée son compte, puis voit et modifie la réponse', async () => {
    const page = await anonymousPage();
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: /Rejoindre Centre social de la Croix-Rousse/ }).waitFor(WAIT);
    expect(await page.locator('main').innerText()).toContain(NEWCOMER);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'invitation-accepter');
    await acceptAsNewcomer(page, link, 'Camille Nouvelle', 'un mot de passe bien long', /Rejoindre Centre social de la Croix-Rousse/);
    await page.getByRole('heading', { name: 'Centre social de la Croix-Rousse' }).first().waitFor(WAIT);
    // No invitation panel for the team.
    expect(await page.getByRole('heading', { name: 'Inviter des personnes' }).count()).toBe(0);
    await page.getByRole('button', { name: /^(Remplir|Reprendre) le questionnaire \d{4}$/ }).click();
    await page.waitForURL(/\/reponses\/\d+$/, WAIT);
    const responseId = Number(new URL(page.url()).pathname.split('/').pop());
    const input = page.locator('[data-name="identite.adresse"]').locator('input, textarea').first();
    await input.waitFor(WAIT);
    await input.fill('3 place de la Croix-Rousse');
    await expect.poll(async () => {
      const r = await call<{ answers: { code: string; value: unknown; authorName: string | null }[] }>(DIRECTOR, 'GET', `/responses/${responseId}`);
      const a = r.answers.find((x) => x.code === 'identite.adresse');
      return a && `${String(a.value)} · ${a.authorName}`;
    }, WAIT).toBe('3 place de la Croix-Rousse · Camille Nouvelle');
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('la direction voit l’invitation acceptée ; un lien révoqué ou déjà utilisé affiche une page claire', async () => {
    // Meanwhile the national administration gives the Rhône a later deadline: the structure's home shows its own date.
    const campaigns = await call<{ items: { year: number; state: string }[] }>(NATIONAL, 'GET', '/campaigns');
    const year = campaigns.items.find((c) => c.state === 'open')!.year;
    await call(NATIONAL, 'PUT', `/campaigns/${year}/deadlines`, { level: 'departement', code: '69', date: '2099-12-31' });
    await director.reload();
    await settled(director);
    expect(await director.locator('.structure-deadline').innerText()).toMatch(/31 décembre 2099 \(délai accordé à votre département/);
    await director.locator('.invitations-table tr', { hasText: NEWCOMER }).filter({ hasText: 'Acceptée' }).waitFor(WAIT);
    await director.getByLabel('Adresse e-mail de la personne').fill('pas.venue@example.org');
    await director.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await director.getByRole('status').filter({ hasText: 'Invitation envoyée à pas.venue@example.org' }).waitFor(WAIT);
    const revokedLink = await handedOverLink('pas.venue@example.org');
    await director.getByRole('button', { name: 'Révoquer l’invitation de pas.venue@example.org' }).click();
    await director.getByRole('status').filter({ hasText: 'révoquée' }).waitFor(WAIT);
    await director.locator('.invitations-table tr', { hasText: 'pas.venue@example.org' }).filter({ hasText: 'Révoquée' }).waitFor(WAIT);

    const page = await anonymousPage();
    await page.goto(revokedLink);
    await page.getByRole('heading', { level: 1, name: 'Invitation annulée' }).waitFor(WAIT);
    expect(await page.getByRole('alert').innerText()).toMatch(/annulée par la direction/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'invitation-revoquee');
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Invitation déjà utilisée' }).waitFor(WAIT);
    await page.goto('/invitation/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await page.getByRole('heading', { level: 1, name: 'Invitation introuvable' }).waitFor(WAIT);
    await page.context().close();
  });
});

describe('réponses de l’an dernier à confirmer', () => {
  it('une nouvelle personne ouvre le questionnaire prérempli et confirme une réponse', async () => {
    // A structure that has not opened this year's questionnaire but answered last year's.
    const campaigns = await call<{ items: { year: number; state: string }[] }>(NATIONAL, 'GET', '/campaigns');
    const year = campaigns.items.find((c) => c.state === 'open')!.year;
    const list = await call<{ items: { structureId: number; responseId: number | null; name: string }[] }>(NATIONAL, 'GET', `/campaigns/${year}/responses?level=nation&state=not_started&pageSize=200`);
    let target: { structureId: number; name: string } | undefined;
    for (const s of list.items.filter((i) => i.responseId === null)) {
      const past = await call<{ items: { year: number }[] }>(NATIONAL, 'GET', `/structures/${s.structureId}/responses`);
      if (past.items.some((r) => r.year === year - 1)) { target = s; break; }
    }
    if (!target) throw new Error('the demo has no structure without a response this year and with one last year');
    const email = 'relais.confirmation@example.org';
    // No mail server in these tests: the one inviting gets the link in the answer, to pass on.
    const invited = await call<{ link: string }>(NATIONAL, 'POST', `/structures/${target.structureId}/invitations`, { email, role: 'contributor' });
    const path = new URL(invited.link).pathname;

    const page = await anonymousPage();
    await acceptAsNewcomer(page, path, 'Dominique Relais', 'encore un mot de passe long', /^Rejoindre /);
    await page.getByRole('button', { name: /^(Remplir|Reprendre) le questionnaire \d{4}$/ }).click();
    await page.waitForURL(/\/reponses\/\d+$/, WAIT);
    const responseId = Number(new URL(page.url()).pathname.split('/').pop());
    const first = page.locator('[data-answer-footer]', { has: page.locator('.tag-confirm') }).first();
    await first.waitFor(WAIT);
    const code = (await first.getAttribute('data-answer-footer'))!;
    // Pinned to that answer: once confirmed, `first` would move on to the next one.
    const toConfirm = page.locator(`[data-answer-footer="${code}"]`);
    await apiLogin(email, 'encore un mot de passe long');
    const before = (await call<{ answers: { code: string; prefilled: boolean; version: number }[] }>(email, 'GET', `/responses/${responseId}`)).answers.find((a) => a.code === code)!;
    expect(before.prefilled).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await toConfirm.getByRole('button', { name: /^Confirmer/ }).click();
    await toConfirm.locator('.tag-confirm').waitFor({ state: 'detached', ...WAIT });
    expect(await toConfirm.innerText()).toContain('Saisi par Dominique Relais');
    const after = (await call<{ answers: { code: string; prefilled: boolean; version: number }[] }>(email, 'GET', `/responses/${responseId}`)).answers.find((a) => a.code === code)!;
    expect(after).toMatchObject({ prefilled: false, version: before.version + 1 });
    const history = await call<{ items: { kind: string; authorName: string | null }[] }>(email, 'GET', `/responses/${responseId}/answers/${encodeURIComponent(code)}/history`);
    expect(history.items.at(-1)).toMatchObject({ kind: 'confirm', authorName: 'Dominique Relais' });
    await screenshot(page, 'questionnaire-confirme');
    await page.context().close();
  });
});
