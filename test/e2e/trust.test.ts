/**
 * The query loop in the browser (issue 8): the Rhône correspondent questions one answer of the demo
 * centre's submitted response on the review page, the centre's director sees the question on the filling
 * page under the questioned answer, changes the value there and replies, the correspondent closes the question and validates. Then the cockpit (numbers,
 * score distribution, reminders) and the outbox. axe on every trust page, screenshots for a human look.
 *
 * Runs on its own seeded server: it fills, submits and validates the demo centre's response. To get a
 * complete response the director copies, through the API, the answers of a validated Rhône response the
 * correspondent can read (identity answers excepted), then justifies the remaining warnings and submits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, loginAs, newPage, screenshot } from './browser';
import { startServer, type RunningServer } from './server';
import { apiClient } from './api';

const DIRECTOR = 'direction@demo.senacs.test';
const CAF = 'caf69@demo.senacs.test';
const WAIT = { timeout: 60_000 };
const CODE = 'participation.benevoles';

let server: RunningServer | undefined;
let baseUrl: string;
let browser: Browser;
let responseId: number;
let before: number;
const { apiLogin, call } = apiClient(() => baseUrl);

interface Answer { code: string; value: unknown; version: number }
interface Detail { response: { state: string }; answers: Answer[] }
const answerValue = async (code: string) => (await call<Detail>(DIRECTOR, 'GET', `/responses/${responseId}`)).answers.find((a) => a.code === code)?.value;
const stateOf = async () => (await call<Detail>(CAF, 'GET', `/responses/${responseId}`)).response.state;

async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.loading'), undefined, WAIT);
}
async function openAs(email: string, path: string): Promise<Page> {
  const page = await newPage(browser, baseUrl);
  page.on('pageerror', (e) => console.error(`[${email}] pageerror: ${e.message}`));
  await loginAs(page, email);
  await page.goto(path);
  await settled(page);
  return page;
}

/** The director completes the demo centre's 2025 response from a validated Rhône one, justifies warnings and submits. */
async function submitDemoCentre() {
  const me = await call<{ memberships: { structureId?: number; role: string }[] }>(DIRECTOR, 'GET', '/me');
  const structureId = me.memberships.find((m) => m.role === 'director')!.structureId!;
  responseId = (await call<{ responseId: number }>(DIRECTOR, 'POST', `/structures/${structureId}/campaigns/2025/response`)).responseId;
  const list = await call<{ items: { responseId: number | null; structureId: number }[] }>(CAF, 'GET', '/campaigns/2025/responses?level=departement&code=69&state=validated&pageSize=5');
  const model = list.items.find((i) => i.responseId && i.structureId !== structureId)!;
  const source = await call<Detail>(CAF, 'GET', `/responses/${model.responseId}`);
  const current = new Map((await call<Detail>(DIRECTOR, 'GET', `/responses/${responseId}`)).answers.map((a) => [a.code, a]));
  for (const a of source.answers) {
    if (a.code.startsWith('identite.') && current.has(a.code)) continue;
    const mine = current.get(a.code);
    if (mine && JSON.stringify(mine.value) === JSON.stringify(a.value)) continue;
    await call(DIRECTOR, 'PUT', `/responses/${responseId}/answers/${encodeURIComponent(a.code)}`, { value: a.value, baseVersion: mine?.version ?? 0 });
  }
  const check = await call<{ errors: { rule: string; message: string }[]; warnings: { rule: string; justified?: boolean }[] }>(DIRECTOR, 'GET', `/responses/${responseId}/validation`);
  expect(check.errors, JSON.stringify(check.errors)).toEqual([]);
  for (const w of check.warnings.filter((x) => !x.justified)) {
    await call(DIRECTOR, 'POST', `/responses/${responseId}/comments`, { code: w.rule, kind: 'justification', body: 'Chiffre vérifié avec la comptabilité.' });
  }
  await call(DIRECTOR, 'POST', `/responses/${responseId}/submit`, {});
}

beforeAll(async () => {
  if (process.env.SENACS_E2E_URL) baseUrl = process.env.SENACS_E2E_URL;
  else { server = await startServer(); baseUrl = server.baseUrl; }
  browser = await launchBrowser();
  await Promise.all([apiLogin(DIRECTOR), apiLogin(CAF)]);
  await submitDemoCentre();
  before = Number(await answerValue(CODE));
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('boucle de questions dans le navigateur', () => {
  let caf: Page;

  it('le correspondant voit les constats de qualité et questionne une réponse', async () => {
    expect(await stateOf()).toBe('submitted');
    caf = await openAs(CAF, `/controle/${responseId}`);
    await caf.getByRole('heading', { level: 1, name: /Contrôle de la réponse 2025/ }).waitFor(WAIT);
    await caf.getByRole('heading', { name: 'Constats du moteur de qualité' }).waitFor(WAIT);
    expect(await caf.locator('.key-figures .figure').first().innerText()).toMatch(/\d+/);
    expect(await axeViolations(caf)).toEqual([]);
    await screenshot(caf, 'controle-reponse');
    await caf.getByRole('button', { name: /^Questionner cette réponse : Bénévoles d’activité/ }).click();
    await caf.getByLabel(/Votre question sur « Bénévoles d’activité/).fill('Ce nombre de bénévoles paraît élevé : pouvez-vous le vérifier ?');
    await caf.getByRole('button', { name: 'Envoyer la question' }).click();
    await caf.getByRole('heading', { name: 'Questions posées à la structure' }).waitFor(WAIT);
    await caf.locator('.query', { hasText: 'En attente de la structure' }).waitFor(WAIT);
    await expect.poll(stateOf, WAIT).toBe('returned');
  });

  it('la direction voit la question sous la réponse questionnée, dans le questionnaire, corrige la valeur, répond et transmet de nouveau', async () => {
    const director = await openAs(DIRECTOR, `/reponses/${responseId}`);
    await director.getByRole('heading', { name: /Questions de votre correspondant \(1 en attente/ }).waitFor(WAIT);
    await director.getByRole('button', { name: /Bénévoles d’activité.*aller à la question/ }).click();
    // The thread sits under the questioned answer, where the value is corrected.
    const footer = director.locator(`[data-answer-footer="${CODE}"]`);
    await footer.locator('.query').waitFor(WAIT);
    expect(await footer.locator('.query-body').first().innerText()).toContain('paraît élevé');
    expect(await axeViolations(director)).toEqual([]);
    // Typed as a person would: the number field's French input mask reads keystrokes.
    const field = director.locator(`[data-name="${CODE}"]`).locator('input').first();
    await field.click();
    await field.press('Control+A');
    await field.press('Backspace');
    await field.pressSequentially(String(before - 1), { delay: 30 });
    await field.press('Tab');
    await expect.poll(() => answerValue(CODE), WAIT).toBe(before - 1);
    await footer.getByLabel(/Votre réponse au correspondant/).fill('Erreur de saisie : un bénévole compté deux fois.');
    await screenshot(director, 'questions-dans-le-questionnaire');
    await footer.getByRole('button', { name: /^Envoyer ma réponse/ }).click();
    await footer.locator('.query', { hasText: 'Réponse reçue' }).waitFor(WAIT);
    await director.getByRole('heading', { name: /Questions de votre correspondant/ }).waitFor({ state: 'detached', ...WAIT });
    await director.getByRole('button', { name: 'Transmettre…', exact: true }).click();
    await director.getByRole('group', { name: 'Confirmer la transmission' }).getByRole('button', { name: /^Transmettre/ }).click();
    await expect.poll(stateOf, WAIT).toBe('submitted');
    await director.context().close();
  });

  it('le correspondant lit la réponse, clôt la question et valide', async () => {
    await caf.reload();
    await settled(caf);
    const thread = caf.locator('.query', { hasText: 'Réponse reçue' });
    await thread.waitFor(WAIT);
    expect(await thread.innerText()).toContain('compté deux fois');
    expect(await thread.innerText()).toContain(String(before - 1));
    await caf.getByLabel(/Message sur « Bénévoles d’activité/).fill('Merci, c’est corrigé.');
    await caf.getByRole('button', { name: 'Clore la question' }).click();
    await caf.locator('.query', { hasText: 'Close' }).waitFor(WAIT);
    await caf.getByRole('button', { name: 'Valider', exact: true }).click();
    await caf.getByRole('status').filter({ hasText: 'Réponse validée.' }).waitFor(WAIT);
    await expect.poll(stateOf, WAIT).toBe('validated');
    const queries = await call<{ items: { messages: { kind: string }[] }[] }>(CAF, 'GET', `/responses/${responseId}/queries`);
    expect(queries.items[0].messages.map((m) => m.kind)).toEqual(['question', 'answer', 'close']);
    await screenshot(caf, 'controle-valide');
    await caf.context().close();
  });
});

describe('tableau de bord de suivi', () => {
  it('le cockpit du Rhône montre les chiffres, la répartition des scores, et relance les structures en retard', async () => {
    const page = await openAs(CAF, '/');
    await page.getByRole('link', { name: 'Tableau de bord de suivi et de qualité' }).click();
    await page.getByRole('heading', { level: 1, name: /Suivi de la campagne 2025 – Rhône/ }).waitFor(WAIT);
    await settled(page);
    const expected = Number((await page.locator('.key-figures li', { hasText: /^[\d\s\u00a0\u202f]+structures attendues$/ }).locator('.figure').innerText()).replace(/\D/g, ''));
    expect(expected).toBeGreaterThan(0);
    const bars = await page.locator('.score-table tbody tr td .score-n').allInnerTexts();
    expect(bars).toHaveLength(10);
    expect(bars.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(await page.locator('table', { hasText: 'Constats' }).locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'cockpit-rhone');
    await page.getByRole('button', { name: 'Relancer les structures en retard' }).click();
    await page.getByRole('status').filter({ hasText: /structures? en retard relancées? :/ }).waitFor(WAIT);
    await page.getByRole('link', { name: /boîte d’envoi/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Boîte d’envoi' }).waitFor(WAIT);
    await settled(page);
    expect(await page.locator('.mail').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'boite-envoi');
    await page.context().close();
  });

  it('le cockpit national s’affiche pour l’administration nationale', async () => {
    await apiLogin('national@demo.senacs.test');
    const page = await openAs('national@demo.senacs.test', '/suivi/2025?level=nation');
    await page.getByRole('heading', { level: 1, name: /Suivi de la campagne 2025 – France entière/ }).waitFor(WAIT);
    await settled(page);
    // A later deadline for the Rhône, granted from the cockpit's form (issue 8).
    const form = page.locator('.deadline-form');
    await form.getByLabel('Territoire').selectOption('69');
    await form.getByLabel('Nouvelle date limite').fill('2099-12-31');
    await form.getByRole('button', { name: 'Accorder le délai' }).click();
    await page.locator('.deadlines-panel tr', { hasText: 'Rhône (69)' }).filter({ hasText: '31 décembre 2099' }).waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'cockpit-national');
    await page.context().close();
  });
});
