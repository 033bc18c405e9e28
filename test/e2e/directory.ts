import { describe, expect, it } from 'vitest';
import { loginAs, newPage } from './browser';
import type { Suite } from './suite';

/** The public directory and the structure page, public and private parts. */
export function directorySuite(s: Suite): void {
  describe('annuaire public', () => {
    it('recherche et filtre sans être connecté', async () => {
      const page = await newPage(s.browser, s.server.baseUrl);
      await page.goto('/structures');
      const count = page.locator('.result-count');
      await count.waitFor();
      const all = Number((await count.textContent())!.replace(/\D/g, ''));
      expect(all).toBeGreaterThan(10);

      await page.getByRole('searchbox', { name: /Rechercher/ }).fill('Croix-Rousse');
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await page.waitForURL(/q=Croix-Rousse/);
      const table = page.getByRole('table', { name: /Structures correspondant à la recherche/ });
      await table.getByRole('link', { name: 'Centre social de la Croix-Rousse' }).waitFor();
      // The demo centre also shows on the unfiltered first page: wait for the count of the search itself.
      await expect.poll(async () => Number((await count.textContent())!.replace(/\D/g, '')), { timeout: 30_000 }).toBeLessThan(all);
      const found = Number((await count.textContent())!.replace(/\D/g, ''));
      expect(found).toBeGreaterThan(0);
      expect(found).toBeLessThan(all);

      // Filters: Rhône, centres sociaux only. Every row must then be a CS of the 69.
      await page.getByRole('searchbox', { name: /Rechercher/ }).fill('');
      await page.getByLabel('Région').selectOption({ label: 'Auvergne-Rhône-Alpes' });
      await page.getByLabel('Département').locator('option[value="69"]').waitFor({ state: 'attached' });
      await page.getByLabel('Département').selectOption('69');
      await page.getByLabel('Type de structure').selectOption('CS');
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await page.waitForURL(/departement=69/);
      await table.locator('tbody tr').first().waitFor();
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r[1]).toBe('CS');
        expect(r[3]).toBe('69');
      }
      await page.context().close();
    });

    it('pagine et garde les filtres dans l’adresse', async () => {
      const page = await newPage(s.browser, s.server.baseUrl);
      await page.goto('/structures?kind=EVS');
      const caption = page.getByRole('table').locator('caption');
      await expect(caption.textContent()).resolves.toMatch(/page 1 sur/);
      // Keyboard: the button keeps the focus while the next page replaces the table.
      await page.getByRole('button', { name: 'Page suivante' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/page=2/);
      await expect(caption.textContent()).resolves.toMatch(/page 2 sur/);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Page suivante');
      expect(page.url()).toContain('kind=EVS');
      await expect(caption.textContent()).resolves.toMatch(/page 2 sur/);
      await page.goBack();
      await expect(caption.textContent()).resolves.toMatch(/page 1 sur/);
      await expect(page.getByLabel('Type de structure').inputValue()).resolves.toBe('EVS');
      await page.context().close();
    });
  });

  describe('fiche structure', () => {
    it('montre l’identité publique, sans les informations privées, aux visiteurs', async () => {
      const page = await newPage(s.browser, s.server.baseUrl);
      await page.goto('/structures');
      await page.getByRole('searchbox', { name: /Rechercher/ }).fill('Croix-Rousse');
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await page.getByRole('link', { name: 'Centre social de la Croix-Rousse' }).click();
      await page.waitForURL(`**/structures/${s.centreId}`);
      await page.getByRole('heading', { level: 1, name: 'Centre social de la Croix-Rousse', exact: true }).waitFor();
      const identity = page.locator('.identity');
      for (const label of ['Type', 'Mode de gestion', 'Adresse', 'Commune', 'Département', 'Quartier prioritaire (QPV)', 'Renouvellement urbain (NPNRU)']) {
        await identity.locator('dt', { hasText: label }).first().waitFor();
      }
      await expect(identity.textContent()).resolves.toContain('Lyon');
      await page.getByRole('table', { name: /Agréments/ }).waitFor();
      await page.getByRole('heading', { name: 'Informations réservées' }).waitFor();
      expect(await page.getByRole('table', { name: /Membres/ }).count()).toBe(0);
      expect(await page.getByRole('table', { name: /Réponses aux campagnes/ }).count()).toBe(0);
      await page.context().close();
    });

    it('montre l’équipe et les réponses à la direction et au correspondant du département', async () => {
      for (const email of ['direction@demo.senacs.test', 'caf69@demo.senacs.test']) {
        const page = await newPage(s.browser, s.server.baseUrl);
        await loginAs(page, email);
        await page.goto(`/structures/${s.centreId}`);
        await page.getByRole('table', { name: /Membres de l’équipe/ }).waitFor();
        await page.getByRole('table', { name: 'Réponses aux campagnes annuelles' }).waitFor();
        await expect(page.getByRole('table', { name: /Membres de l’équipe/ }).textContent()).resolves.toContain('direction@demo.senacs.test');
        await page.context().close();
      }
    });

    it('refuse les informations privées d’une autre structure', async () => {
      // A structure outside the Rhône: neither the director nor caf69 may see its team.
      const r = await fetch(`${s.server.baseUrl}/api/structures?departement=13&pageSize=1`);
      const other = ((await r.json()) as { items: { id: number }[] }).items[0];
      const page = await newPage(s.browser, s.server.baseUrl);
      await loginAs(page, 'caf69@demo.senacs.test');
      await page.goto(`/structures/${other.id}`);
      await page.getByRole('heading', { name: 'Informations réservées' }).waitFor();
      await expect(page.locator('.panel-note').textContent()).resolves.toContain('n’avez pas accès');
      expect(await page.getByRole('table', { name: /Membres/ }).count()).toBe(0);
      await page.context().close();
    });

    it('annonce une structure introuvable', async () => {
      const page = await newPage(s.browser, s.server.baseUrl);
      await page.goto('/structures/999999');
      await page.getByRole('heading', { level: 1, name: 'Structure introuvable', exact: true }).waitFor();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('introuvable');
      await page.context().close();
    });
  });
}
