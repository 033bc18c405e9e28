/**
 * Filling together in the browser (issue 4): two people of the Lyon demo centre on the same response,
 * presence and edits live, different fields merged, a same-field conflict shown and settled both ways,
 * edits made offline arriving after reconnection, keyboard-only filling, axe, then submission.
 *
 * Runs on its own seeded server: these tests change the demo response (and submit it at the end).
 * `SENACS_E2E_URL` reuses a server already running (to iterate on the page); then run it only once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Browser } from 'playwright-core';
import { axeViolations, launchBrowser, loginAs, newPage, screenshot, SCREENSHOT_DIR } from './browser';
import { DEMO_PASSWORD, startServer, type RunningServer } from './server';

const DIRECTOR = 'direction@demo.senacs.test';
const TEAM = 'equipe@demo.senacs.test';
const WAIT = { timeout: 60_000 };

let server: RunningServer | undefined;
let baseUrl: string;
let browser: Browser;
let director: Page;
let team: Page;
let responseId: number;
const names: Record<string, string> = {};
const sessions: Record<string, { cookie: string; csrf: string }> = {};

/** An API session of one demo account, to check through the API what the pages did. */
async function apiLogin(email: string) {
  const r = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!r.ok) throw new Error(`login ${email}: ${r.status}`);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  sessions[email] = { cookie, csrf: csrfToken };
  const me = (await (await fetch(`${baseUrl}/api/me`, { headers: { cookie } })).json()) as { user: { name: string } };
  names[email] = me.user.name;
}

async function apiGet<T>(path: string, email = DIRECTOR): Promise<T> {
  const r = await fetch(`${baseUrl}/api${path}`, { headers: { cookie: sessions[email].cookie } });
  if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

async function apiPut(path: string, body: unknown, email = DIRECTOR) {
  const r = await fetch(`${baseUrl}/api${path}`, {
    method: 'PUT', body: JSON.stringify(body),
    headers: { cookie: sessions[email].cookie, 'x-csrf-token': sessions[email].csrf, 'content-type': 'application/json' },
  });
  if (!r.ok) throw new Error(`PUT ${path}: ${r.status} ${await r.text()}`);
}

interface Answer { code: string; value: unknown; version: number; authorName: string | null }
async function answer(code: string): Promise<Answer | undefined> {
  const v = await apiGet<{ answers: Answer[] }>(`/responses/${responseId}`);
  return v.answers.find((a) => a.code === code);
}

/** Waits until the API has `value` for `code` (saves are debounced and asynchronous). */
async function serverHas(code: string, value: unknown): Promise<Answer> {
  await expect.poll(async () => (await answer(code))?.value, { timeout: 60_000, interval: 500 }).toEqual(value);
  return (await answer(code))!;
}

const field = (page: Page, code: string) => page.locator(`[data-name="${code}"]`).locator('input, textarea').first();
const footer = (page: Page, code: string) => page.locator(`[data-answer-footer="${code}"]`);
const status = (page: Page) => page.locator('.save-status');

/** Types a number as a person would: the French input mask reads keystrokes, the value is kept on leaving the field. */
async function typeNumber(page: Page, code: string, value: number) {
  const input = field(page, code);
  await input.click();
  await input.press('Control+A');
  await input.press('Backspace');
  await input.pressSequentially(String(value), { delay: 30 });
  await input.press('Tab');
}

async function waitSaved(page: Page) {
  await page.waitForFunction(() => document.querySelector('.save-status')?.getAttribute('data-status') === 'saved', undefined, WAIT);
}

async function section(page: Page, title: RegExp) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: title }).click();
  await page.locator('.sd-page__title', { hasText: title }).waitFor(WAIT);
}

async function openAs(email: string, path: string): Promise<Page> {
  const page = await newPage(browser, baseUrl);
  page.on('pageerror', (e) => console.error(`[${email}] pageerror: ${e.message}`));
  await loginAs(page, email);
  if (path) await page.goto(path);
  return page;
}

beforeAll(async () => {
  if (process.env.SENACS_E2E_URL) baseUrl = process.env.SENACS_E2E_URL;
  else { server = await startServer(); baseUrl = server.baseUrl; }
  browser = await launchBrowser();
  await Promise.all([apiLogin(DIRECTOR), apiLogin(TEAM)]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('remplir à plusieurs', () => {
  it('la direction ouvre le questionnaire depuis son accueil, l’équipe la rejoint', async () => {
    director = await openAs(DIRECTOR, '');
    await director.getByRole('button', { name: /^(Remplir|Reprendre) le questionnaire \d{4}$/ }).click();
    await director.waitForURL(/\/reponses\/\d+$/, WAIT);
    responseId = Number(new URL(director.url()).pathname.split('/').pop());
    await director.getByRole('heading', { level: 1, name: 'Centre social de la Croix-Rousse' }).waitFor(WAIT);
    await field(director, 'identite.adresse').waitFor(WAIT);

    team = await openAs(TEAM, `/reponses/${responseId}`);
    await field(team, 'identite.adresse').waitFor(WAIT);
    // Each sees the other, on the section they are on.
    await director.locator('.presence', { hasText: names[TEAM] }).waitFor(WAIT);
    await team.locator('.presence', { hasText: names[DIRECTOR] }).waitFor(WAIT);
    await expect(director.locator('.presence').innerText()).resolves.toContain('Identité de la structure');

    await section(team, /Participation et gouvernance/);
    const participation = director.getByRole('navigation', { name: 'Sections' }).locator('li', { hasText: 'Participation et gouvernance' });
    await participation.locator('.person', { hasText: names[TEAM] }).waitFor(WAIT);
    await screenshot(director, 'remplissage-presence');
    await section(team, /Identité de la structure/);
  });

  it('deux personnes sur deux réponses différentes : les deux valeurs restent, chacune voit celle de l’autre', async () => {
    await Promise.all([
      field(director, 'identite.adresse').fill('12 rue des Essais'),
      field(team, 'identite.commune').fill('Lyon 4e arrondissement'),
    ]);
    await expect(status(director).innerText()).resolves.toMatch(/Enregistr/);
    await Promise.all([waitSaved(director), waitSaved(team)]);
    const adresse = await serverHas('identite.adresse', '12 rue des Essais');
    const commune = await serverHas('identite.commune', 'Lyon 4e arrondissement');
    expect(adresse.authorName).toBe(names[DIRECTOR]);
    expect(commune.authorName).toBe(names[TEAM]);
    // Live: each form shows the other's answer, with its author.
    await expect.poll(() => field(director, 'identite.commune').inputValue(), WAIT).toBe('Lyon 4e arrondissement');
    await expect.poll(() => field(team, 'identite.adresse').inputValue(), WAIT).toBe('12 rue des Essais');
    await footer(director, 'identite.commune').locator('.answer-meta', { hasText: `Saisi par ${names[TEAM]}` }).waitFor(WAIT);
    await footer(team, 'identite.adresse').locator('.answer-meta', { hasText: `Saisi par ${names[DIRECTOR]}` }).waitFor(WAIT);
  });

  /**
   * A same-answer conflict made deterministic: the team's save is held on the network (a slow
   * connection) while the director saves the same answer; released, it is stale and refused.
   */
  async function conflict(code: string, mine: string, theirs: string) {
    let release!: () => void;
    const released = new Promise<void>((ok) => { release = ok; });
    let held = false;
    await team.route(`**/api/responses/${responseId}/answers/${code}`, async (route) => {
      if (route.request().method() === 'PUT' && !held) { held = true; await released; }
      await route.continue();
    });
    await field(team, code).fill(mine);
    await expect.poll(() => held, WAIT).toBe(true);
    await field(director, code).fill(theirs);
    await serverHas(code, theirs);
    release();
    const box = footer(team, code).locator('.conflict');
    await box.waitFor(WAIT);
    await expect(box.innerText()).resolves.toContain(names[DIRECTOR]);
    await expect(box.innerText()).resolves.toContain(theirs);
    await expect(box.innerText()).resolves.toContain(mine);
    // Never overwritten under the person's fingers: the form still shows their own value.
    expect(await field(team, code).inputValue()).toBe(mine);
    await team.locator('.conflict-summary').waitFor(WAIT);
    await team.unroute(`**/api/responses/${responseId}/answers/${code}`);
    return box;
  }

  it('même réponse : le conflit est montré, « garder ma valeur » l’emporte sans rien perdre en silence', async () => {
    const box = await conflict('identite.site_web', 'https://equipe.example.org', 'https://direction.example.org');
    await screenshot(team, 'remplissage-conflit');
    await footer(team, 'identite.site_web').locator('..').screenshot({ path: `${SCREENSHOT_DIR}/remplissage-conflit-detail.png` });
    await box.getByRole('button', { name: /Garder ma valeur/ }).click();
    const a = await serverHas('identite.site_web', 'https://equipe.example.org');
    expect(a.authorName).toBe(names[TEAM]);
    await expect.poll(() => field(director, 'identite.site_web').inputValue(), WAIT).toBe('https://equipe.example.org');
    expect(await team.locator('.conflict').count()).toBe(0);
    const history = await apiGet<{ items: { value: unknown; previous: unknown }[] }>(`/responses/${responseId}/answers/identite.site_web/history`);
    expect(history.items.slice(-2).map((h) => h.value)).toEqual(['https://direction.example.org', 'https://equipe.example.org']);
  });

  it('même réponse : « garder celle de l’autre » la remet dans le formulaire', async () => {
    const box = await conflict('identite.adresse', '3 place de l’Équipe', '5 quai de la Direction');
    await box.getByRole('button', { name: /Garder celle de/ }).click();
    await expect.poll(() => field(team, 'identite.adresse').inputValue(), WAIT).toBe('5 quai de la Direction');
    await waitSaved(team);
    const a = await answer('identite.adresse');
    expect(a).toMatchObject({ value: '5 quai de la Direction', authorName: names[DIRECTOR] });
  });

  it('hors ligne : les modifications sont gardées, les règles tournent dans le navigateur, tout part au retour du réseau', async () => {
    const context: BrowserContext = team.context();
    await section(team, /Participation et gouvernance/);
    const before = (await answer('participation.comites_habitants'))?.value;
    const members = Number((await answer('participation.ca.membres'))?.value);
    const institutions = (await answer('participation.ca.institutions'))?.value;
    expect(members).toBeLessThan(200);
    await context.setOffline(true);
    // More institutions than board members breaks a rule between two answers, checked in the browser
    // without the server; then the answer is put back and another one changed.
    await typeNumber(team, 'participation.ca.institutions', members + 1);
    await team.locator('[data-name="participation.ca.institutions"] .sd-question__erbox').waitFor(WAIT);
    await typeNumber(team, 'participation.ca.institutions', Number(institutions ?? 0));
    await team.locator('[data-name="participation.ca.institutions"] .sd-question__erbox').waitFor({ state: 'hidden', ...WAIT });
    await typeNumber(team, 'participation.comites_habitants', 7);
    await team.waitForFunction(() => document.querySelector('.save-status')?.getAttribute('data-status') === 'offline', undefined, WAIT);
    await expect(status(team).innerText()).resolves.toContain('Hors ligne – modifications conservées');
    const stored = await team.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('senacs:edits:')).map((k) => localStorage.getItem(k)).join(''));
    expect(stored).toContain('participation.comites_habitants');
    await screenshot(team, 'remplissage-hors-ligne');
    await team.screenshot({ path: `${SCREENSHOT_DIR}/remplissage-hors-ligne-ecran.png` });
    expect((await answer('participation.comites_habitants'))?.value).toEqual(before);

    await context.setOffline(false);
    await waitSaved(team);
    const a = await serverHas('participation.comites_habitants', 7);
    expect(a.authorName).toBe(names[TEAM]);
    // The director, on another section, gets it live as well.
    await section(director, /Participation et gouvernance/);
    await expect.poll(() => field(director, 'participation.comites_habitants').inputValue(), WAIT).toBe('7');
    expect(await team.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('senacs:edits:')).length)).toBe(0);
  });

  it('se remplit au clavier seulement : section, réponse, commentaire', async () => {
    const page = team;
    await team.context().setOffline(false); // even when the offline test failed half-way
    await page.goto(`/reponses/${responseId}`);
    await field(page, 'identite.adresse').waitFor(WAIT);
    const focusedIs = (fn: string) => page.evaluate(fn) as Promise<boolean>;
    async function tabUntil(test: string, max = 80) {
      for (let i = 0; i < max; i++) {
        if (await focusedIs(test)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`focus never reached: ${test}`);
    }
    await tabUntil(`document.activeElement?.textContent?.startsWith('Participation et gouvernance') ?? false`);
    await page.keyboard.press('Enter');
    await page.locator('.sd-page__title', { hasText: 'Participation et gouvernance' }).waitFor(WAIT);
    await tabUntil(`!!document.activeElement?.closest('[data-name="participation.adherents"]') && document.activeElement.tagName === 'INPUT'`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('321');
    await page.keyboard.press('Tab'); // the number is kept on leaving the field (French input mask)
    await waitSaved(page);
    await serverHas('participation.adherents', 321);

    await tabUntil(`document.activeElement?.textContent?.startsWith('Commentaires') && !!document.activeElement.closest('[data-answer-footer="participation.adherents"]')`);
    await page.keyboard.press('Enter');
    await tabUntil(`document.activeElement?.tagName === 'TEXTAREA' && !!document.activeElement.closest('[data-answer-footer="participation.adherents"]')`, 5);
    await page.keyboard.type('Chiffre du fichier des adhérents au 31/12.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await footer(page, 'participation.adherents').locator('.comment-body', { hasText: 'Chiffre du fichier des adhérents au 31/12.' }).waitFor(WAIT);
    const comments = await apiGet<{ items: { code: string; body: string; authorName: string }[] }>(`/responses/${responseId}/comments`);
    expect(comments.items.at(-1)).toMatchObject({ code: 'participation.adherents', body: 'Chiffre du fichier des adhérents au 31/12.', authorName: names[TEAM] });
    // The other person's thread updates live.
    await footer(director, 'participation.adherents').getByRole('button', { name: /Commentaires \(1\)/ }).waitFor(WAIT);
    await screenshot(page, 'remplissage-clavier');
  });

  it('montre l’historique d’une réponse (qui, quand, avant → après)', async () => {
    await section(director, /Identité de la structure/);
    await footer(director, 'identite.site_web').getByRole('button', { name: /Historique/ }).click();
    const table = footer(director, 'identite.site_web').getByRole('table');
    await table.waitFor(WAIT);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows[0]).toEqual([expect.any(String), names[TEAM], 'Modification', 'https://direction.example.org', 'https://equipe.example.org']);
    expect(rows[1]).toEqual([expect.any(String), names[DIRECTOR], 'Modification', expect.any(String), 'https://direction.example.org']);
  });

  it('aucune violation axe sur la page, captures d’écran', async () => {
    await director.waitForFunction(() => !document.querySelector('.loading'), undefined, WAIT);
    expect(await axeViolations(director)).toEqual([]);
    await screenshot(director, 'remplissage-direction');
    await director.evaluate(() => window.scrollTo(0, 0));
    await director.screenshot({ path: `${SCREENSHOT_DIR}/remplissage-direction-ecran.png` });
    expect(await axeViolations(team)).toEqual([]);
  });

  it('la direction justifie l’alerte, corrige les erreurs et transmet : la réponse passe en lecture seule', async () => {
    const panel = director.getByRole('region', { name: 'Contrôles avant transmission' });
    await panel.getByRole('heading', { name: /Erreurs à corriger/ }).waitFor(WAIT);
    // The finances section is empty: a colleague enters the funding and the charges (through the API);
    // the products must then match the declared funding (a rule), they are typed in the page.
    const lines = { 'finances.financement.caf_ps': 160_000, 'finances.financement.communes': 240_000, 'finances.charges': 400_000 };
    for (const [code, value] of Object.entries(lines)) {
      await apiPut(`/responses/${responseId}/answers/${code}`, { value, baseVersion: (await answer(code))?.version ?? 0 }, TEAM);
    }
    const funding = 400_000;
    // Products are typed in the page, reached from the error's « Aller à la question ».
    await panel.getByRole('button', { name: 'Vérifier à nouveau' }).click();
    await panel.locator('.findings-errors li', { hasText: 'Total des produits' }).getByRole('button', { name: /Aller à la question/ }).click();
    await expect.poll(() => director.evaluate(() => document.activeElement?.closest('[data-name]')?.getAttribute('data-name')), WAIT).toBe('finances.produits');
    // The browser runs the same rules as the server as one types: products that do not match the declared
    // funding are an error under the question, gone once they match.
    const produits = director.locator('[data-name="finances.produits"]');
    await typeNumber(director, 'finances.produits', funding - 10_000);
    await produits.locator('.sd-question__erbox').waitFor(WAIT);
    await typeNumber(director, 'finances.produits', funding);
    await expect.poll(() => field(director, 'finances.produits').inputValue(), WAIT).toMatch(/^400\s000\s€$/);
    await produits.locator('.sd-question__erbox').waitFor({ state: 'hidden', ...WAIT });
    await waitSaved(director);
    await serverHas('finances.produits', funding);
    await panel.getByRole('button', { name: 'Vérifier à nouveau' }).click();
    await panel.getByRole('heading', { name: 'Erreurs à corriger (0)' }).waitFor(WAIT);
    // Wait for each new verdict before reading it: the list is replaced when it arrives.
    const idle = () => panel.getByRole('button', { name: 'Vérifier à nouveau' }).and(panel.locator('button:enabled')).waitFor(WAIT);
    for (let i = 0; i < 10; i++) {
      await idle();
      const justify = panel.locator('.findings-warnings').getByRole('button', { name: /^Justifier/ });
      if (await justify.count() === 0) break;
      await justify.first().click(WAIT);
      await panel.getByLabel('Justification').fill('Financement en cours de renouvellement avec la CAF, versé en 2026.');
      await panel.getByRole('button', { name: 'Enregistrer la justification' }).click();
      await panel.getByLabel('Justification').waitFor({ state: 'detached', ...WAIT });
    }
    await screenshot(director, 'remplissage-controles');
    await panel.getByRole('button', { name: 'Transmettre…' }).click();
    // The irreversible step is confirmed, sections still incomplete named (issue 14).
    await panel.getByRole('group', { name: 'Confirmer la transmission' }).getByRole('button', { name: /^Transmettre/ }).click();
    await director.getByRole('note').filter({ hasText: 'Réponse transmise' }).waitFor(WAIT);
    expect((await apiGet<{ response: { state: string } }>(`/responses/${responseId}`)).response.state).toBe('submitted');
    await expect(field(director, 'identite.adresse').isEditable()).resolves.toBe(false);
    // The team's page learns it live and turns read-only too.
    await team.getByRole('note').filter({ hasText: 'Réponse transmise' }).waitFor(WAIT);
    await expect(field(team, 'identite.adresse').isEditable()).resolves.toBe(false);
    expect(await axeViolations(director)).toEqual([]);
    await screenshot(director, 'remplissage-transmise');
  });
});
