/** Browser helpers for the e2e tests: Debian's Chromium (never a downloaded one), login, axe, screenshots. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD, ROOT } from './server';

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || '/usr/bin/chromium';
  } catch {
    return '/usr/bin/chromium';
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** A fresh context per test: its own cookies, French locale, a desktop viewport. */
export async function newPage(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/** Logs in through the form, as a person would, and waits for the home page. */
export async function loginAs(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  await page.waitForURL((u) => u.pathname === '/');
}

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/** Runs axe-core in the page (WCAG 2.1 A and AA rules) and returns its violations in a readable form. */
export async function axeViolations(page: Page): Promise<string[]> {
  // The app's CSP (script-src 'self') rightly blocks an injected <script> tag, so axe goes in through
  // the DevTools protocol, which CSP does not govern; the page under test keeps its real CSP.
  await page.evaluate(`${readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')}\n;void 0`);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: unknown[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations;
  }) as AxeViolation[];
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots');

/** Saves a full-page PNG and returns its bytes, for the size and colour checks. */
export async function screenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return readFileSync(path);
}

/** Describes the focused element ("A.skip-link « Aller au contenu »"), for keyboard assertions with useful failures. */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a) return 'rien';
    return `${a.tagName}${a.id ? `#${a.id}` : ''}${a.className ? `.${String(a.className).split(' ').join('.')}` : ''} « ${(a.textContent ?? '').trim().slice(0, 40)} »`;
  });
}

/**
 * Puts the keyboard at the very start of a freshly rendered page, as after a page load: waits for the
 * app to render (React renders after the load event on a busy machine) and for its requests, then puts
 * the focus on a mark placed before everything. A mere blur is not enough: Chromium starts the next Tab
 * from where the focus was (the main content, once a page has moved it there), not from the top.
 */
export async function startKeyboardAtTop(page: Page): Promise<void> {
  await page.locator('.skip-link').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => {
    const mark = document.getElementById('e2e-keyboard-start') ?? Object.assign(document.createElement('span'), { id: 'e2e-keyboard-start', tabIndex: -1 });
    document.body.prepend(mark);
    mark.focus();
  });
}
