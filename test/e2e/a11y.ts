import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, focusedElement, loginAs, newPage, screenshot, startKeyboardAtTop } from './browser';
import type { Suite } from './suite';

/** Waits until no "Chargement…" status is left, so axe and the screenshot see the real content. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.loading'));
}

/**
 * A PNG's size says little alone; a screenshot of a blank or single-colour page compresses to almost
 * nothing, so more than 10 KB plus visible main text means something was drawn.
 */
async function checkScreenshot(page: Page, name: string): Promise<void> {
  const png = await screenshot(page, name);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.length).toBeGreaterThan(10_000);
  const mainText = await page.locator('main').innerText();
  expect(mainText.trim().length).toBeGreaterThan(50);
  const box = await page.locator('main h1').first().boundingBox();
  expect(box && box.width > 0 && box.height > 0).toBe(true);
}

/** axe-core on every page, screenshots, skip link, reflow. */
export function accessibilitySuite(s: Suite): void {
  const pages: { name: string; who?: string; path: () => string }[] = [
    { name: 'connexion', path: () => '/connexion' },
    { name: 'accueil-public', path: () => '/' },
    { name: 'annuaire', path: () => '/structures' },
    { name: 'annuaire-filtre', path: () => '/structures?region=84&kind=CS' },
    { name: 'structure-publique', path: () => `/structures/${s.centreId}` },
    { name: 'accueil-direction', who: 'direction@demo.senacs.test', path: () => '/' },
    { name: 'structure-privee', who: 'direction@demo.senacs.test', path: () => `/structures/${s.centreId}` },
    { name: 'accueil-caf69', who: 'caf69@demo.senacs.test', path: () => '/' },
    { name: 'accueil-region', who: 'region-ara@demo.senacs.test', path: () => '/' },
    { name: 'accueil-national', who: 'national@demo.senacs.test', path: () => '/' },
    { name: 'introuvable', path: () => '/nulle-part' },
  ];

  describe('accessibilité (axe-core) et captures d’écran', () => {
    for (const p of pages) {
      it(`${p.name} : aucune violation axe, capture non vide`, async () => {
        const page = await newPage(s.browser, s.server.baseUrl);
        const cspErrors: string[] = [];
        page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/.test(m.text())) cspErrors.push(m.text()); });
        if (p.who) await loginAs(page, p.who);
        await page.goto(p.path());
        await settled(page);
        expect(await page.getAttribute('html', 'lang')).toBe('fr');
        expect(await axeViolations(page)).toEqual([]);
        await checkScreenshot(page, p.name);
        expect(cspErrors).toEqual([]);
        await page.context().close();
      });
    }

    it('connexion en cas d’erreur : toujours accessible', async () => {
      const page = await newPage(s.browser, s.server.baseUrl);
      await page.goto('/connexion');
      await page.getByLabel('Adresse e-mail').fill('national@demo.senacs.test');
      await page.getByLabel('Mot de passe').fill('mauvais');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('alert').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await checkScreenshot(page, 'connexion-erreur');
      await page.context().close();
    });

    it('le lien d’évitement mène au contenu et le focus est visible', async () => {
      const page = await newPage(s.browser, s.server.baseUrl);
      await page.goto('/structures');
      await settled(page);
      await startKeyboardAtTop(page);
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Aller au contenu' });
      expect(await focusedElement(page)).toBe('A.skip-link « Aller au contenu »');
      // The outline of :focus-visible must be drawn, not removed.
      const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline).not.toBe('none');
      await screenshot(page, 'focus-lien-evitement');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
      await page.context().close();
    });

    it('reste lisible sur un petit écran', async () => {
      const page = await newPage(s.browser, s.server.baseUrl);
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto(`/structures/${s.centreId}`);
      await settled(page);
      // No horizontal scrolling of the whole page at 320-400 px (WCAG 1.4.10, reflow).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await checkScreenshot(page, 'structure-mobile');
      await page.context().close();
    });
  });
}
