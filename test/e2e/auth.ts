import { describe, expect, it } from 'vitest';
import { focusedElement, loginAs, newPage, startKeyboardAtTop } from './browser';
import type { Suite } from './suite';

/** Login, logout, keyboard use and the home page of each demo account. */
export function authSuite(s: Suite): void {
  describe('connexion', () => {
    it('refuse un mauvais mot de passe avec un message en français', async () => {
      const page = await newPage(s.browser, s.server.baseUrl);
      await page.goto('/connexion');
      await page.getByLabel('Adresse e-mail').fill('direction@demo.senacs.test');
      await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text.length).toBeGreaterThan(10);
      // The API's own French wording (e.g. "Adresse e-mail ou mot de passe incorrect.").
      expect(text).toMatch(/mot de passe|identifiants|connexion/i);
      expect(page.url()).toContain('/connexion');
      await page.context().close();
    });

    it('signale les champs vides sans appeler le serveur', async () => {
      const page = await newPage(s.browser, s.server.baseUrl);
      await page.goto('/connexion');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('Saisissez votre adresse e-mail');
      await expect(page.getByLabel('Adresse e-mail').getAttribute('aria-invalid')).resolves.toBe('true');
      await page.context().close();
    });

    it('se remplit et se valide au clavier seulement', async () => {
      const page = await newPage(s.browser, s.server.baseUrl);
      await page.goto('/connexion');
      await startKeyboardAtTop(page);
      // From the top of the page: skip link first, then Tab until the e-mail field has focus.
      await page.keyboard.press('Tab');
      expect(await focusedElement(page)).toBe('A.skip-link « Aller au contenu »');
      for (let i = 0; i < 20; i++) {
        if (await page.evaluate(() => document.activeElement?.id) === 'login-email') break;
        await page.keyboard.press('Tab');
      }
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-email');
      await page.keyboard.type('equipe@demo.senacs.test');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-password');
      await page.keyboard.type('demo-senacs-2026');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await page.waitForURL((u) => u.pathname === '/');
      await page.context().close();
    });

    it('la déconnexion ferme la session', async () => {
      const page = await newPage(s.browser, s.server.baseUrl);
      await loginAs(page, 'ca@demo.senacs.test');
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.waitForURL((u) => u.pathname === '/connexion');
      await page.getByText('Vous êtes déconnecté·e.').waitFor();
      // The server forgot the session too, not only the page.
      const me = await page.evaluate(async () => (await fetch('/api/me')).json());
      expect(me.user).toBeNull();
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: /observatoire des centres sociaux/i }).waitFor();
      await page.context().close();
    });
  });

  describe('accueil selon le rôle', () => {
    const structurePeople = [
      ['direction@demo.senacs.test', 'Direction'],
      ['equipe@demo.senacs.test', 'Contributeur·rice'],
      ['ca@demo.senacs.test', 'Membre du CA'],
    ] as const;

    for (const [email, role] of structurePeople) {
      it(`${email} voit sa structure lyonnaise`, async () => {
        const page = await newPage(s.browser, s.server.baseUrl);
        await loginAs(page, email);
        await expect(page.locator('.account-roles').textContent()).resolves.toContain(role);
        await page.getByRole('heading', { level: 1, name: 'Centre social de la Croix-Rousse', exact: true }).waitFor();
        await page.getByText('Ma structure', { exact: true }).waitFor();
        await page.getByText(/Lyon/).first().waitFor();
        await page.getByRole('table', { name: 'Réponses aux campagnes annuelles' }).waitFor();
        await page.getByRole('table', { name: /Membres de l’équipe/ }).waitFor();
        await page.context().close();
      });
    }

    for (const email of ['caf69@demo.senacs.test', 'federation69@demo.senacs.test']) {
      it(`${email} suit la campagne du Rhône`, async () => {
        const page = await newPage(s.browser, s.server.baseUrl);
        await loginAs(page, email);
        await page.getByRole('heading', { level: 1, name: 'Mon département : Rhône (69)', exact: true }).waitFor();
        await expect(page.locator('.account-roles').textContent()).resolves.toMatch(/Correspondant·e (CAF|fédération)/);
        await page.getByRole('table', { name: /Avancement de la campagne \d{4} – Rhône/ }).waitFor();
        const rows = page.getByRole('table', { name: /Réponses de la campagne/ }).locator('tbody tr');
        await rows.first().waitFor();
        expect(await rows.count()).toBeGreaterThan(0);
        await page.context().close();
      });
    }

    it('region-ara suit Auvergne-Rhône-Alpes et ses départements', async () => {
      const page = await newPage(s.browser, s.server.baseUrl);
      await loginAs(page, 'region-ara@demo.senacs.test');
      await page.getByRole('heading', { level: 1, name: 'Ma région : Auvergne-Rhône-Alpes', exact: true }).waitFor();
      const byDep = page.getByRole('table', { name: /par département/ });
      await byDep.waitFor();
      await byDep.getByRole('rowheader', { name: 'Rhône (69)' }).waitFor();
      await page.context().close();
    });

    it('national suit la France entière, région par région', async () => {
      const page = await newPage(s.browser, s.server.baseUrl);
      await loginAs(page, 'national@demo.senacs.test');
      await page.getByRole('heading', { level: 1, name: 'France entière', exact: true }).waitFor();
      await page.getByRole('table', { name: /Avancement de la campagne \d{4} – France/ }).waitFor();
      const byRegion = page.getByRole('table', { name: /par région/ });
      await byRegion.getByRole('rowheader', { name: 'Auvergne-Rhône-Alpes' }).waitFor();
      await page.context().close();
    });
  });
}
