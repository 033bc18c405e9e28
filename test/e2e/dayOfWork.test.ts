/**
 * Every role's day in the browser (issue 14): a correspondent opens any response from the follow-up list,
 * sorted and filtered, and validates a transmitted one; a director opens a past locked response from the
 * structure's "Campagnes annuelles" table; the national administration prepares, opens and closes a
 * campaign from /campagnes (reached from /admin) and publishes its figures, while the Rhône correspondent
 * adds a local question to the campaign in preparation; a team member who forgot her password resets it
 * through the link of the e-mail a real SMTP server (started here) received, then manages her account.
 * axe on every page, screenshots at 1366 and 375 px.
 * Runs on its own seeded server (it changes campaign states).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, loginAs, newPage } from './browser';
import { startServer, type RunningServer } from './server';
import { apiClient } from './api';
import { twoWidths } from './shots';
import { SMTPServer } from 'smtp-server';
import { freePort } from './server';

const DIRECTOR = 'direction@demo.senacs.test';
const CAF = 'caf69@demo.senacs.test';
const NATIONAL = 'national@demo.senacs.test';
const WAIT = { timeout: 60_000 };

let server: RunningServer | undefined;
let baseUrl: string;
let browser: Browser;
let smtp: SMTPServer;
/** Mails the SMTP server received: recipient and raw text. */
const inbox: { to: string; text: string }[] = [];
const { apiLogin, call } = apiClient(() => baseUrl);

async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.loading'), undefined, WAIT);
}
async function openAs(email: string, path: string, password?: string): Promise<Page> {
  const page = await newPage(browser, baseUrl);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await loginAs(page, email, password);
  await page.goto(path);
  await settled(page);
  return page;
}
const errorsOf = (page: Page) => (page as Page & { errors?: string[] }).errors ?? [];

beforeAll(async () => {
  // A real SMTP server: the only place the reset link ever goes. SENACS_E2E_SMTP_PORT when iterating against a running server.
  const smtpPort = Number(process.env.SENACS_E2E_SMTP_PORT ?? await freePort());
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => { inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), text: Buffer.concat(chunks).toString('utf8') }); done(); });
    },
  });
  await new Promise<void>((ok) => smtp.listen(smtpPort, '127.0.0.1', ok));
  if (process.env.SENACS_E2E_URL) baseUrl = process.env.SENACS_E2E_URL;
  else { server = await startServer({ env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SMTP_FROM: 'senacs@e2e.test' } }); baseUrl = server.baseUrl; }
  browser = await launchBrowser();
  await Promise.all([apiLogin(CAF), apiLogin(NATIONAL), apiLogin(DIRECTOR)]);
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise<void>((ok) => (smtp ? smtp.close(() => ok()) : ok()));
});

interface Row { structureId: number; responseId: number | null; state: string; qualityScore: number | null; openQueries: number }

describe('le correspondant ouvre toute réponse depuis la liste de suivi', () => {
  it('filtre les réponses transmises, trie par score, ouvre la première par « Contrôler » et la valide', async () => {
    const page = await openAs(CAF, '/suivi/2025?level=departement&code=69');
    const list = page.locator('section[aria-labelledby="responses-title"]');
    await list.getByLabel('État de la réponse').selectOption('submitted');
    await list.getByLabel('Trier par').selectOption('score');
    await list.getByRole('button', { name: 'Appliquer' }).click();
    await list.locator('caption', { hasText: 'transmise' }).waitFor(WAIT);
    await settled(page);
    const expected = await call<{ items: Row[]; total: number }>(CAF, 'GET', '/campaigns/2025/responses?level=departement&code=69&state=submitted&sort=score&pageSize=20');
    expect(expected.total).toBeGreaterThan(0);
    const links = list.getByRole('link', { name: /^Contrôler/ });
    expect(await links.count()).toBe(expected.items.length);
    expect(await axeViolations(page)).toEqual([]);
    await twoWidths(page, 'suivi-liste-filtree');
    await links.first().click();
    await page.waitForURL(`**/controle/${expected.items[0].responseId}`);
    await page.getByRole('heading', { level: 1, name: /Contrôle de la réponse 2025/ }).waitFor(WAIT);
    await settled(page);
    const validate = page.getByRole('button', { name: 'Valider', exact: true });
    if (expected.items[0].openQueries === 0) {
      await validate.click();
      await page.getByRole('status').filter({ hasText: 'Réponse validée.' }).waitFor(WAIT);
      const detail = await call<{ response: { state: string } }>(CAF, 'GET', `/responses/${expected.items[0].responseId}`);
      expect(detail.response.state).toBe('validated');
    }
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('filtre par questions ouvertes et par score ; chaque ligne avec une réponse a son lien', async () => {
    const page = await openAs(CAF, '/');
    const list = page.locator('section[aria-labelledby="responses-title"]');
    await list.getByLabel('Score de qualité').selectOption('90');
    await list.getByRole('button', { name: 'Appliquer' }).click();
    await settled(page);
    const low = await call<{ items: Row[]; total: number }>(CAF, 'GET', '/campaigns/2025/responses?level=departement&code=69&scoreBelow=90&pageSize=20');
    await expect.poll(async () => (await list.locator('tbody tr').count()), WAIT).toBe(low.items.length);
    const scores = await list.locator('tbody td[data-label="Score de qualité"]').allInnerTexts();
    for (const s of scores) expect(Number(s)).toBeLessThan(90);
    expect(await list.getByRole('link', { name: /^(Contrôler|Voir la réponse)/ }).count()).toBe(low.items.filter((i) => i.responseId).length);
    await page.context().close();
  });

  it('la fiche d’une structure, vue par le correspondant, ouvre chaque année de réponse', async () => {
    const me = await call<{ memberships: { structureId?: number; role: string }[] }>(DIRECTOR, 'GET', '/me');
    const structureId = me.memberships.find((m) => m.role === 'director')!.structureId!;
    const responses = await call<{ items: { id: number; year: number }[] }>(CAF, 'GET', `/structures/${structureId}/responses`);
    const page = await openAs(CAF, `/structures/${structureId}`);
    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Réponses aux campagnes annuelles' }) });
    for (const r of responses.items) {
      expect(await table.getByRole('link', { name: new RegExp(`(Contrôler|Voir la réponse) ${r.year}`) }).getAttribute('href')).toBe(`/controle/${r.id}`);
    }
    await page.context().close();
  });
});

describe('la direction ouvre ses réponses passées, verrouillées', () => {
  it('depuis « Campagnes annuelles », « Voir la réponse » ouvre la réponse 2024 en lecture seule', async () => {
    const page = await openAs(DIRECTOR, '/');
    const link = page.getByRole('link', { name: 'Voir la réponse 2024' });
    await link.waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    await twoWidths(page, 'direction-campagnes-annuelles');
    await link.click();
    await page.waitForURL(/\/reponses\/\d+$/);
    await settled(page);
    await page.getByText(/verrouillée|transmise|validée/i).first().waitFor(WAIT);
    expect(await page.locator('main input:not([disabled]):not([readonly])').count()).toBe(0);
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });
});

describe('l’administration nationale conduit une campagne depuis ses pages', () => {
  it('prépare la campagne 2026 depuis /campagnes, atteinte par /admin', async () => {
    const page = await openAs(NATIONAL, '/');
    await page.getByRole('link', { name: 'Toutes les pages d’administration' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Administration nationale' }).waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    await twoWidths(page, 'admin');
    await page.getByRole('link', { name: 'Campagnes annuelles' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campagnes annuelles' }).waitFor(WAIT);
    await settled(page);
    await page.getByLabel('Année des données').fill('2026');
    await page.getByLabel('Ouverture').fill('2027-03-01');
    await page.getByLabel('Clôture').fill('2027-06-30');
    await page.getByRole('button', { name: 'Préparer la campagne' }).click();
    await page.getByText('La campagne 2026 est en préparation').waitFor(WAIT);
    await page.getByRole('button', { name: 'Ouvrir la campagne 2026' }).waitFor(WAIT);
    const campaigns = await call<{ items: { year: number; state: string }[] }>(NATIONAL, 'GET', '/campaigns');
    expect(campaigns.items.find((c) => c.year === 2026)?.state).toBe('preparation');
    expect(await axeViolations(page)).toEqual([]);
    await twoWidths(page, 'campagnes-national');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('le correspondant du Rhône ajoute une question locale à la campagne en préparation', async () => {
    const page = await openAs(CAF, '/');
    await page.getByRole('link', { name: 'Campagnes et questions locales du territoire' }).click();
    await page.getByRole('heading', { name: /Questions locales du département 69/ }).waitFor(WAIT);
    await settled(page);
    await page.getByLabel('Campagne', { exact: true }).selectOption('2026');
    await page.getByLabel('Question posée').fill('Le centre anime-t-il un jardin partagé ?');
    await page.getByLabel(/Nom court/).fill('jardins');
    await page.getByRole('button', { name: 'Ajouter la question' }).click();
    await page.getByRole('listitem').filter({ hasText: 'local.69.jardins' }).waitFor(WAIT);
    const local = await call<{ items: { code: string }[] }>(CAF, 'GET', '/campaigns/2026/local-questions?level=departement&code=69');
    expect(local.items.map((q) => q.code)).toEqual(['local.69.jardins']);
    // The same name twice is refused in French, nothing added.
    await page.getByLabel('Question posée').fill('Encore un jardin ?');
    await page.getByLabel(/Nom court/).fill('jardins');
    await page.getByRole('button', { name: 'Ajouter la question' }).click();
    await page.getByRole('alert').filter({ hasText: 'existe déjà' }).waitFor(WAIT);
    expect((await call<{ items: unknown[] }>(CAF, 'GET', '/campaigns/2026/local-questions?level=departement&code=69')).items).toHaveLength(1);
    expect(await axeViolations(page)).toEqual([]);
    await twoWidths(page, 'campagnes-questions-locales');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('ouvre 2026, clôt 2025 après confirmation, puis publie les chiffres de 2025', async () => {
    const page = await openAs(NATIONAL, '/campagnes');
    await page.getByRole('button', { name: 'Ouvrir la campagne 2026' }).click();
    await page.getByText('La campagne 2026 est ouverte').waitFor(WAIT);
    await page.getByRole('button', { name: 'Clore la campagne 2025…' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirmer la clôture' }).click();
    await page.getByText(/La campagne 2025 est close : \d+ réponse/).waitFor(WAIT);
    const states = Object.fromEntries((await call<{ items: { year: number; state: string }[] }>(NATIONAL, 'GET', '/campaigns')).items.map((c) => [c.year, c.state]));
    expect(states[2026]).toBe('open');
    expect(states[2025]).toBe('closed');
    await page.getByRole('link', { name: 'Publier les chiffres de 2025' }).click();
    await page.getByRole('heading', { name: /Campagne 2025/ }).waitFor(WAIT);
    await settled(page);
    const block = page.locator('section, div', { has: page.getByRole('heading', { name: /Campagne 2025/ }) }).last();
    await block.getByRole('button', { name: 'Vérifier avant publication' }).click();
    await block.getByText(/Aperçu de la version/).waitFor({ timeout: 120_000 });
    await block.getByRole('button', { name: 'Publier la version' }).click();
    await block.getByText(/Version n° \d+ de 2025 publiée/).waitFor({ timeout: 120_000 });
    const releases = await call<{ items: { year: number }[] }>(NATIONAL, 'GET', '/releases');
    expect(JSON.stringify(releases)).toContain('2025');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  }, 300_000);
});

/** The text of a quoted-printable mail body, soft line breaks joined. */
const plain = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

describe('mot de passe oublié, puis mon compte', () => {
  const TEAM = 'equipe@demo.senacs.test';
  const NEW = 'girafe violette sous la pluie de novembre';

  it('demande un lien depuis la connexion, le reçoit par le serveur SMTP, choisit un nouveau mot de passe et se connecte', async () => {
    const page = await newPage(browser, baseUrl);
    await page.goto('/connexion');
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    await twoWidths(page, 'mot-de-passe-oublie');
    await page.getByLabel(/Adresse e-mail/).fill(TEAM);
    await page.getByRole('button', { name: 'Recevoir le lien' }).click();
    const said = await page.getByRole('status').filter({ hasText: 'Si un compte existe' }).innerText();
    // An unknown address gets the very same answer.
    const unknown = await fetch(`${baseUrl}/api/auth/password-reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'personne@nulle-part.test' }) });
    expect(unknown.status).toBe(202);
    expect(((await unknown.json()) as { message: string }).message).toBe(said.trim());
    await expect.poll(() => inbox.filter((m) => m.to === TEAM).length, WAIT).toBe(1);
    const mail = plain(inbox.find((m) => m.to === TEAM)!.text);
    const link = /https?:\/\/\S+\/mot-de-passe\/nouveau#([A-Za-z0-9_-]{20,})/.exec(mail);
    expect(link, mail).not.toBeNull();
    expect(inbox.some((m) => m.to === 'personne@nulle-part.test')).toBe(false);
    // Staff never see the link: the outbox holds a placeholder.
    const outbox = JSON.stringify(await call(NATIONAL, 'GET', '/outbox?pageSize=200'));
    expect(outbox).not.toContain(link![1]);
    await page.goto(new URL(link![0]).pathname + new URL(link![0]).hash);
    await page.getByRole('heading', { level: 1, name: 'Nouveau mot de passe' }).waitFor(WAIT);
    expect(new URL(page.url()).hash).toBe('');
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW);
    await page.getByLabel('Confirmer le mot de passe').fill(NEW);
    expect(await axeViolations(page)).toEqual([]);
    await twoWidths(page, 'nouveau-mot-de-passe');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByRole('status').filter({ hasText: 'Votre mot de passe est changé' }).waitFor(WAIT);
    await loginAs(page, TEAM, NEW);
    // The link worked once.
    const again = await fetch(`${baseUrl}/api/auth/password-reset/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: link![1], password: `${NEW} bis` }) });
    expect(again.status).toBe(404);
    await page.context().close();
  });

  it('mon compte : renomme, ferme les autres sessions', async () => {
    await apiLogin(TEAM, NEW);
    const page = await openAs(TEAM, '/', NEW);
    await page.getByRole('link', { name: /mon compte/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor(WAIT);
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await twoWidths(page, 'mon-compte');
    await page.getByLabel('Nom affiché').fill('Équipe de la Croix-Rousse');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').filter({ hasText: 'Vos informations sont enregistrées' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Me déconnecter des autres sessions' }).click();
    await page.getByRole('status').filter({ hasText: /sessions? fermées?/ }).waitFor(WAIT);
    await expect(call(TEAM, 'GET', '/account')).rejects.toThrow(/401/);
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });
});

describe('sur un téléphone (375 px), aucune page ne défile de côté', () => {
  it('chaque page de l’application, pour chaque rôle, tient dans 375 px (scrollWidth ≤ 375)', async () => {
    const me = await call<{ memberships: { structureId?: number; role: string }[] }>(DIRECTOR, 'GET', '/me');
    const id = me.memberships.find((m) => m.role === 'director')!.structureId!;
    const responses = await call<{ items: { id: number; year: number }[] }>(DIRECTOR, 'GET', `/structures/${id}/responses`);
    const [current, past] = [responses.items[0].id, responses.items[responses.items.length - 1].id];
    const pages: Record<string, string[]> = {
      '-': ['/', '/connexion', '/structures', '/structures?region=84&kind=CS', `/structures/${id}`, '/carte', '/tableau-de-bord', '/tableau-de-bord/region/84',
        '/tableau-de-bord/departement/69', '/territoires/comparer', '/publication', '/donnees-ouvertes', '/fiches-actions', '/partenaires',
        '/mot-de-passe-oublie', '/mot-de-passe/nouveau', '/nulle-part'],
      [DIRECTOR]: ['/', `/structures/${id}`, `/structures/${id}/comparer`, `/structures/${id}/ess`, `/structures/${id}/tresorerie`, `/structures/${id}/partenaires`,
        `/structures/${id}/fiche/2024`, `/structures/${id}/fiches-actions/nouvelle`, `/reponses/${current}`, `/reponses/${past}`, `/reponses/${current}/questions`, '/compte'],
      [CAF]: ['/', '/suivi/2025?level=departement&code=69', `/controle/${current}`, '/campagnes', '/territoires/tresorerie?level=departement&code=69',
        '/suivi/envois?level=departement&code=69', '/donnees-externes', `/structures/${id}`],
      'region-ara@demo.senacs.test': ['/', '/suivi/2025?level=region&code=84'],
      [NATIONAL]: ['/', '/admin', '/campagnes', '/publication', '/suivi/2025', '/suivi/envois', '/territoires/tresorerie?level=nation', '/territoires/comparer'],
    };
    const wide: string[] = [];
    let checked = 0;
    for (const [who, paths] of Object.entries(pages)) {
      const page = await newPage(browser, baseUrl);
      if (who !== '-') await loginAs(page, who);
      await page.setViewportSize({ width: 375, height: 800 });
      for (const path of paths) {
        await page.goto(path);
        await settled(page);
        if (!(await page.locator('main h1').first().waitFor(WAIT).then(() => true, () => false))) { wide.push(`${who} ${path}: pas de titre`); continue; }
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 375) wide.push(`${who} ${path}: ${width} px`);
        checked++;
      }
      await page.context().close();
    }
    expect(wide).toEqual([]);
    expect(checked).toBe(Object.values(pages).flat().length);
  }, 600_000);
});

describe('nombres tapés à la française', () => {
  it('la direction tape « 45 000,50 » dans la trésorerie : le champ montre 45 000,50 €, la réponse garde 45000.5', async () => {
    const me = await call<{ memberships: { structureId?: number; role: string }[] }>(DIRECTOR, 'GET', '/me');
    const id = me.memberships.find((m) => m.role === 'director')!.structureId!;
    const open = (await call<{ items: { year: number; state: string }[] }>(DIRECTOR, 'GET', '/campaigns')).items.find((c) => c.state === 'open')!;
    const { responseId } = await call<{ responseId: number }>(DIRECTOR, 'POST', `/structures/${id}/campaigns/${open.year}/response`);
    const page = await openAs(DIRECTOR, `/reponses/${responseId}`);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^Finances/ }).click();
    await page.locator('.sd-page__title', { hasText: /^Finances/ }).waitFor(WAIT);
    const input = page.locator('[data-name="finances.tresorerie"] input');
    await input.click();
    await input.press('Control+A');
    await input.press('Backspace');
    await input.pressSequentially('45 000,50', { delay: 30 });
    await input.press('Tab');
    await expect.poll(async () => (await call<{ answers: { code: string; value: unknown }[] }>(DIRECTOR, 'GET', `/responses/${responseId}`)).answers.find((a) => a.code === 'finances.tresorerie')?.value, WAIT).toBe(45000.5);
    expect(await input.inputValue()).toMatch(/^45\s000,50?\s€$/);
    // A value set in one go (as a password manager or a paste would) is read the same way.
    await page.locator('[data-name="finances.produits"] input').fill('412 000');
    await page.locator('[data-name="finances.produits"] input').press('Tab');
    await expect.poll(async () => (await call<{ answers: { code: string; value: unknown }[] }>(DIRECTOR, 'GET', `/responses/${responseId}`)).answers.find((a) => a.code === 'finances.produits')?.value, WAIT).toBe(412000);
    const fte = page.locator('[data-name="rh.etp.animation"] input');
    expect(await fte.count()).toBe(0); // another section
    expect(await axeViolations(page)).toEqual([]);
    await twoWidths(page, 'tresorerie-a-la-francaise');
    // Transmission is confirmed first, naming the sections still incomplete. The page knows it may transmit from
    // its load: a response created just now was 'not started' then (known limit: reload to see the button).
    await page.reload();
    await settled(page);
    await page.getByRole('button', { name: 'Transmettre…' }).click();
    const confirm = page.getByRole('group', { name: 'Confirmer la transmission' });
    await confirm.waitFor(WAIT);
    expect(await confirm.innerText()).toMatch(/Ressources humaines : \d+ \/ \d+ réponses/);
    expect(await axeViolations(page)).toEqual([]);
    await confirm.screenshot({ path: 'test-results/screenshots/confirmer-transmission.png' });
    await confirm.getByRole('button', { name: 'Revenir au questionnaire' }).click();
    await confirm.waitFor({ state: 'detached', ...WAIT });
    expect((await call<{ response: { state: string } }>(DIRECTOR, 'GET', `/responses/${responseId}`)).response.state).toBe('in_progress');
    // Home no longer says "Remplir" for a response under way.
    await page.goto('/');
    await page.getByRole('button', { name: `Reprendre le questionnaire ${open.year}` }).waitFor(WAIT);
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });
});

describe('la trésorerie du territoire nomme les structures en difficulté', () => {
  it('le correspondant du Rhône voit la liste, chaque nom mène à la trésorerie de la structure', async () => {
    const page = await openAs(CAF, '/');
    await page.getByRole('link', { name: 'Trésorerie des structures du territoire' }).click();
    await page.getByRole('heading', { name: 'Structures en difficulté ou à surveiller' }).waitFor(WAIT);
    await settled(page);
    const year = Number((await page.locator('#cash-year').inputValue()));
    const list = await call<{ items: { structureId: number; name: string }[] }>(CAF, 'GET', `/stats/cash/structures?year=${year}&level=departement&code=69`);
    expect(list.items.length).toBeGreaterThan(0);
    const table = page.locator('.cash-difficulties table');
    expect(await table.locator('tbody tr').count()).toBe(list.items.length);
    expect(await table.getByRole('link', { name: list.items[0].name }).first().getAttribute('href')).toBe(`/structures/${list.items[0].structureId}/tresorerie`);
    expect(await axeViolations(page)).toEqual([]);
    await twoWidths(page, 'tresorerie-territoire');
    await page.context().close();
  });
});
