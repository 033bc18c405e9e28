/**
 * A proposed correction in the browser (issue 17): the demo centre's director types a funding line with two
 * zeros too many; the review page names that line as the answer most likely wrong, highlights its row and
 * proposes « 200 000 € ? vous avez saisi 20 000 000 € »; nothing changes until the director accepts, then the
 * answer holds the proposed value. axe on the page with the proposal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser, loginAs, newPage, screenshot } from './browser';
import { startServer, type RunningServer } from './server';
import { apiClient } from './api';

const DIRECTOR = 'direction@demo.senacs.test';
const WAIT = { timeout: 60_000 };
const LINE = 'finances.financement.communes';

let server: RunningServer | undefined;
let baseUrl: string;
let browser: Browser;
let responseId: number;
const { apiLogin, call } = apiClient(() => baseUrl);

interface Answer { code: string; value: unknown; version: number }
interface Detail { response: { state: string }; answers: Answer[] }
const answersOf = async () => new Map((await call<Detail>(DIRECTOR, 'GET', `/responses/${responseId}`)).answers.map((a) => [a.code, a]));
async function put(code: string, value: number) {
  const mine = (await answersOf()).get(code);
  await call(DIRECTOR, 'PUT', `/responses/${responseId}/answers/${encodeURIComponent(code)}`, { value, baseVersion: mine?.version ?? 0 });
}

beforeAll(async () => {
  if (process.env.SENACS_E2E_URL) baseUrl = process.env.SENACS_E2E_URL;
  else { server = await startServer(); baseUrl = server.baseUrl; }
  browser = await launchBrowser();
  await apiLogin(DIRECTOR);
  const me = await call<{ memberships: { structureId?: number; role: string }[] }>(DIRECTOR, 'GET', '/me');
  const structureId = me.memberships.find((m) => m.role === 'director')!.structureId!;
  responseId = (await call<{ responseId: number }>(DIRECTOR, 'POST', `/structures/${structureId}/campaigns/2025/response`)).responseId;
  // Income and funding lines that add up, then one line typed with two zeros too many.
  const lines: Record<string, number> = { communes: 200_000, caf_ps: 150_000, caf_local: 0, departement: 0, region: 0, etat: 0, emplois_aides: 0, usagers: 0, autres: 150_000 };
  await put('finances.produits', 500_000);
  for (const [s, v] of Object.entries(lines)) await put(`finances.financement.${s}`, v);
  await put(LINE, 20_000_000);
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('correction proposée par le moteur de qualité', () => {
  it('nomme la ligne fautive, propose la valeur probable et ne l’applique qu’après acceptation', async () => {
    await expect.poll(async () => {
      const q = await call<{ findings: { rule: string; suspect?: { code: string; correction?: { value: number } } | null }[] }>(DIRECTOR, 'GET', `/responses/${responseId}/quality`);
      return q.findings.find((f) => f.rule === 'finances.financements_produits')?.suspect?.correction?.value ?? null;
    }, { timeout: 60_000, interval: 1000 }).toBe(200_000);
    const page = await newPage(browser, baseUrl);
    await loginAs(page, DIRECTOR);
    await page.goto(`/controle/${responseId}`);
    await page.getByRole('heading', { name: 'Constats du moteur de qualité' }).waitFor(WAIT);
    const finding = page.locator('.finding', { hasText: '« Total des financements déclarés » doit être égal' });
    await finding.locator('.suspect-fix').waitFor(WAIT);
    expect((await finding.locator('.suspect-fix').innerText()).replace(/[\u202f\u00a0]/g, ' ')).toContain('Correction proposée : 200 000 € ? vous avez saisi 20 000 000 €');
    expect(await page.locator('tr.row-suspect th[scope="row"]', { hasText: /^Financement : Communes/ }).innerText()).toContain('Réponse probablement en cause');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'controle-correction-proposee');
    // Shown, not applied.
    expect((await answersOf()).get(LINE)?.value).toBe(20_000_000);
    await finding.getByRole('button', { name: /^Accepter la correction de « Financement : Communes/ }).click();
    await finding.getByText(/Correction enregistrée/).waitFor(WAIT);
    await expect.poll(async () => (await answersOf()).get(LINE)?.value, WAIT).toBe(200_000);
  }, 180_000);
});
