/**
 * Releases in the browser (issue 12): the national administration reaches « Versions publiées » from the
 * footer, sees the open campaign as « en cours » (no figures), closes it, checks the audit before
 * publishing and publishes version 1; a response validated after closing comes out only in a correction
 * (version 2), held back where it changed a cell for one structure; a release with nothing new is refused
 * with a French message; the dashboard then shows the release number. Screenshots at 1366 and 375 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, loginAs, newPage, screenshot } from './browser';
import { twoWidths } from './shots';
import { apiClient } from './api';
import { startServer, type RunningServer } from './server';

const WAIT = { timeout: 60_000 };
const NATIONAL = 'national@demo.senacs.test';
let server: RunningServer;
let browser: Browser;
const { apiLogin, call } = apiClient(() => server.baseUrl);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await apiLogin(NATIONAL);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const block = (page: Page, year: number) => page.locator('section.panel', { has: page.getByRole('heading', { level: 2, name: new RegExp(`Campagne ${year}`) }) });

const JOB_URL = /\/api\/jobs\/\d+$/;
type JobRead = { state: string; progress: { step: string; done: number; total: number } | null };

/**
 * Clicks « Publier la version » and checks the publication went through a job: its POST answers 202 at once,
 * then the page reads /api/jobs/:id until it is over; answers the job's last state. With `whileRunning`, the
 * first read answers the job running at `shown` and the next ones wait for `whileRunning` to end (the demo's
 * job is done before the eye could follow it), so the progress can be checked on screen.
 */
async function publishThroughJob(page: Page, year: number, click: () => Promise<void>, hold?: { shown: JobRead['progress']; whileRunning: () => Promise<void> }): Promise<string> {
  let reads = 0;
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  if (hold) {
    await page.route(JOB_URL, async (route) => {
      const real = await route.fetch();
      reads += 1;
      if (reads === 1) return route.fulfill({ response: real, json: { ...(await real.json() as JobRead), state: 'running', progress: hold.shown, result: null, finishedAt: null } });
      await held;
      return route.fulfill({ response: real });
    });
  }
  const isJob = (r: { url: () => string }) => JOB_URL.test(new URL(r.url()).pathname);
  const accepted = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/releases/${year}` && r.request().method() === 'POST');
  const over = page.waitForResponse(async (r) => isJob(r) && ['done', 'failed'].includes((await r.json() as JobRead).state), WAIT);
  await click();
  expect((await accepted).status()).toBe(202);
  if (hold) {
    await hold.whileRunning();
    release();
  }
  const last = await (await over).json() as JobRead;
  if (hold) await page.unroute(JOB_URL);
  return last.state;
}

async function previewAndPublish(page: Page, year: number, note: string, hold?: Parameters<typeof publishThroughJob>[3]): Promise<{ preview: string; done: string }> {
  const b = block(page, year);
  await b.getByLabel(/Note de version/).fill(note);
  await b.getByRole('button', { name: 'Vérifier avant publication' }).click();
  const preview = b.locator('.notice[role="status"]');
  await preview.waitFor(WAIT);
  const previewText = (await preview.textContent()) ?? '';
  expect(await publishThroughJob(page, year, () => b.getByRole('button', { name: 'Publier la version' }).click(), hold)).toBe('done');
  const done = b.locator('p.success[role="status"]');
  await done.waitFor(WAIT);
  return { preview: previewText, done: (await done.textContent()) ?? '' };
}

describe('publication of releases', () => {
  it('lets the national administration close a campaign, check and publish its first release, then a correction', async () => {
    const page = await newPage(browser, server.baseUrl);
    await loginAs(page, NATIONAL);
    await page.goto('/tableau-de-bord');
    await page.getByRole('heading', { level: 1, name: /Tableau de bord : France/ }).waitFor(WAIT);
    await page.getByText(/version n° 1/).first().waitFor(WAIT);
    await page.locator('footer').getByRole('link', { name: 'Versions publiées' }).click();
    await page.getByRole('heading', { level: 1, name: 'Publication des chiffres' }).waitFor(WAIT);
    const open = block(page, 2025);
    await open.getByText(/Aucune version publiée : campagne en cours/).waitFor(WAIT);
    await open.getByText('Une version se publie une fois la campagne close.').waitFor(WAIT);
    expect(await block(page, 2024).getByRole('row', { name: /n° 1/ }).count()).toBe(1);

    // A release with nothing new since version 1 is refused, in French, and nothing is published.
    const y2024 = block(page, 2024);
    await y2024.getByRole('button', { name: 'Vérifier avant publication' }).click();
    await y2024.locator('.notice[role="status"]').waitFor(WAIT);
    // Refused by the job, once it has read the answers: the same French message as the request's 409.
    expect(await publishThroughJob(page, 2024, () => y2024.getByRole('button', { name: 'Publier la version' }).click())).toBe('failed');
    await y2024.getByRole('alert').filter({ hasText: /Rien n’a changé depuis la version 1/ }).waitFor(WAIT);
    expect(await y2024.getByRole('row', { name: /n° 2/ }).count()).toBe(0);

    // Before closing, a few responses stay transmitted: one will be validated late, for the correction.
    const submitted = await call<{ items: { responseId: number }[] }>(NATIONAL, 'GET', '/campaigns/2025/responses?state=submitted&pageSize=5');
    expect(submitted.items.length).toBeGreaterThan(0);
    await call(NATIONAL, 'POST', '/campaigns/2025/close');
    await page.reload();
    const closed = block(page, 2025);
    await closed.getByRole('heading', { level: 3, name: 'Publier les chiffres' }).waitFor(WAIT);
    const first = await previewAndPublish(page, 2025, 'Première publication de la campagne 2025', {
      shown: { step: 'calcul des tableaux et audit exact du secret', done: 1, total: 3 },
      whileRunning: async () => {
        const progress = closed.locator('[aria-live="polite"] .job-progress');
        await progress.getByText('Étape 2 sur 3 : calcul des tableaux et audit exact du secret', { exact: true }).waitFor(WAIT);
        expect(await progress.locator('progress').evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([1, 3]);
        expect(await progress.getByText('Publication en cours…').count()).toBe(1);
        expect(await closed.getByRole('button', { name: 'Publication…' }).isDisabled()).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        await page.setViewportSize({ width: 1366, height: 900 });
        await screenshot(page, 'publication-en-cours-1366');
        await page.setViewportSize({ width: 1280, height: 900 });
      },
    });
    expect(first.preview).toMatch(/Aperçu de la version n° 1/);
    expect(first.preview).toMatch(/Audit exact .* aucune recalculable/);
    expect(first.preview).toMatch(/Cases secrètes au niveau des départements : [\d,]+ %/);
    expect(first.done).toBe('Version n° 1 de 2025 publiée.');
    await closed.getByRole('row', { name: /n° 1/ }).waitFor(WAIT);
    await closed.getByRole('row', { name: /Première publication de la campagne 2025/ }).waitFor(WAIT);

    // A late validation changes nothing public until a correction is published.
    await call(NATIONAL, 'POST', `/responses/${submitted.items[0].responseId}/validate`);
    await page.reload();
    const again = block(page, 2025);
    await again.getByRole('heading', { level: 3, name: 'Publier une correction' }).waitFor(WAIT);
    const second = await previewAndPublish(page, 2025, 'Une réponse validée après la clôture');
    expect(second.preview).toMatch(/Aperçu de la version n° 2/);
    expect(second.preview).toMatch(/1\u00a0structure ajoutée ou corrigée depuis la version 1/);
    expect(second.done).toBe('Version n° 2 de 2025 publiée.');
    await again.getByRole('row', { name: /n° 2/ }).waitFor(WAIT);
    expect(await again.getByRole('row', { name: /n° 2/ }).textContent()).toMatch(/cases? retenues? car changées? pour moins de 5 structures/);
    expect(await axeViolations(page)).toEqual([]);
    await twoWidths(page, 'publication');
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // Back on the page while a publication asked for earlier still runs (a reload): the page finds it on
    // /api/jobs/mine and follows it to its end. The demo's job is over long before a reload, so the list
    // answers it as still running; the job's reads (/api/jobs/:id) are the server's own.
    await page.setViewportSize({ width: 1280, height: 900 });
    const MINE = /\/api\/jobs\/mine/;
    // One list per year's form as the page opens; after that (the page reloads its releases once the job is
    // over) the server's own answer, which says the job is done.
    const forms = await page.locator('.publish-form').count();
    let served = 0;
    await page.route(MINE, async (route) => {
      // The header's notice reads the list too (without a kind): the server's own answer for it.
      if (served >= forms || !new URL(route.request().url()).searchParams.has('kind')) return route.continue();
      const real = await route.fetch();
      const { items } = await real.json() as { items: (JobRead & { about: { year?: number } | null })[] };
      const newest = items.find((j) => j.about?.year === 2025);
      await route.fulfill({ response: real, json: { items: newest ? [{ ...newest, state: 'running', result: null, finishedAt: null, progress: { step: 'enregistrement de la version', done: 2, total: 3 } }] : [] } });
      served += 1;
    });
    const followed = page.waitForResponse((r) => JOB_URL.test(new URL(r.url()).pathname), WAIT);
    await page.reload();
    expect((await (await followed).json() as JobRead).state).toBe('done');
    await block(page, 2025).locator('p.success[role="status"]').getByText('Version n° 2 de 2025 publiée.').waitFor(WAIT);
    expect(await block(page, 2024).locator('p.success[role="status"]').count()).toBe(0);
    // Every year's form asked the list: let their answers go before the route does.
    await expect.poll(() => served, WAIT).toBe(forms);
    await page.unrouteAll({ behavior: 'wait' });

    // Elsewhere in the site during a publication, the header says it runs and links to the page that follows it
    // (the header's list, without a kind, answers the last job as still running; the page's own lists are real).
    let last: (JobRead & { about: { year?: number } | null }) | undefined;
    await page.route(MINE, async (route) => {
      const real = await route.fetch();
      const { items } = await real.json() as { items: (JobRead & { about: { year?: number } | null })[] };
      if (new URL(route.request().url()).searchParams.has('kind')) return route.fulfill({ response: real, json: { items } });
      last ??= items.find((j) => j.about?.year === 2025);
      await route.fulfill({ response: real, json: { items: last ? [{ ...last, state: 'running', result: null, finishedAt: null }] : [] } });
    });
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Carte' }).click();
    const notice = page.locator('.running-jobs[role="status"]');
    await notice.getByText('Publication d’une version des chiffres (2025) en cours').waitFor(WAIT);
    await screenshot(page, 'publication-running-elsewhere');
    // On a phone the notice wraps within the screen: no sideways scrolling, its link on screen.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const link = await notice.getByRole('link', { name: 'suivre l’avancement' }).boundingBox();
    expect(link && link.x >= 0 && link.x + link.width <= 375).toBe(true);
    await screenshot(page, 'publication-running-elsewhere-375');
    if (viewport) await page.setViewportSize(viewport);
    await notice.getByRole('link', { name: 'suivre l’avancement' }).click();
    await page.getByRole('heading', { level: 1, name: 'Publication des chiffres' }).waitFor(WAIT);
    // On the page that follows it, the notice gives way to the page's own progress.
    expect(await notice.count()).toBe(0);
    // The header may be reading the list right now (every 3 s while a job runs): let that read end first.
    await page.unrouteAll({ behavior: 'wait' });

    // The dashboard now reads 2025 from its latest release.
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto('/tableau-de-bord');
    await page.getByText(/Campagne 2025 · version n° 2 publiée le/).first().waitFor(WAIT);
    await page.context().close();
  }, 300_000);
});
