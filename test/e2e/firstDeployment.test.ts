/**
 * From an empty production instance to a national campaign (issue 15), as the operator would: a fresh data
 * folder, NODE_ENV=production (no demo), the first national account created on the command line; in the
 * browser the national administration imports a directory of 300 structures in real communes (three bad rows
 * refused with their row and column, then the corrected file), invites a CAF correspondent of the Rhône, who
 * joins and invites two directors one by one; a director joins, fills (through the API, from the demo's
 * answer generator) and submits; the correspondent validates; the nation closes the campaign and publishes a
 * release. Then next year's directory: the difference is shown before it is applied, and history is kept.
 * axe on every page of this issue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, newPage } from './browser';
import { ROOT, startServer, type RunningServer } from './server';
import { apiClient } from './api';
import { directoryFile } from '../../src/testing/directoryFile';
import { generateAnswers } from '../../src/domain/demo/answers';
import type { DemoStructure } from '../../src/domain/demo/structures';

const ADMIN = 'admin@observatoire.test';
const PASSWORD = 'phrase secrète du premier déploiement 2026';
const CORRESPONDENT = 'correspondante@caf69.test';
const WAIT = { timeout: 60_000 };
const ROWS = 300;

let server: RunningServer | undefined;
let baseUrl: string;
let browser: Browser;
let dataDir: string;
let files: string;
const { apiLogin, call } = apiClient(() => baseUrl);
const directorLinks: { path: string; email: string; structure: string }[] = [];
let firstDirector: { email: string; structureId: number } | undefined;

async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.loading'), undefined, WAIT);
}
async function expectAxeClean(page: Page) {
  expect(await axeViolations(page), page.url()).toEqual([]);
}
async function login(page: Page, email: string) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor(WAIT);
}
async function acceptInvitation(path: string, name: string): Promise<Page> {
  const page = await newPage(browser, baseUrl);
  await page.goto(path);
  await page.getByLabel(/Votre nom/).fill(name);
  await page.getByLabel(/Choisissez un mot de passe/).fill(PASSWORD);
  await page.getByLabel('Confirmez le mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Créer mon compte et rejoindre la structure' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor(WAIT);
  return page;
}
/** Uploads a directory file on the import page and asks for the check. */
async function check(page: Page, name: string, csv: string) {
  const file = join(files, name);
  writeFileSync(file, csv);
  await page.getByLabel('Fichier de l’annuaire (CSV ou XLSX)').setInputFiles(file);
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
}
const rhone = (code: string) => code.startsWith('69');

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'senacs-first-'));
  files = mkdtempSync(join(tmpdir(), 'senacs-first-files-'));
  // The operator's first command on an empty instance: migrations, the official geography, the first account.
  const created = spawnSync(process.execPath, ['bin/senacs.js', 'user', 'create', '--email', ADMIN, '--name', 'Administration nationale', '--role', 'national_admin'], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, DATABASE_URL: '', SENACS_PASSWORD: PASSWORD },
  });
  if (created.status !== 0) throw new Error(`senacs user create: ${created.stdout}\n${created.stderr}`);
  server = await startServer({ env: { NODE_ENV: 'production', DATA_DIR: dataDir, DATABASE_URL: '' } });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

describe('first deployment', () => {
  it('starts empty: no structure, no demo account', async () => {
    const list = await (await fetch(`${baseUrl}/api/structures?pageSize=1`)).json() as { total: number };
    expect(list.total).toBe(0);
    const demo = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'national@demo.senacs.test', password: 'demo-senacs-2026' }) });
    expect(demo.status).toBe(401);
  });

  it('the nation imports the directory: bad rows refused with row and column, the corrected file applied', async () => {
    const page = await newPage(browser, baseUrl);
    await login(page, ADMIN);
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Importer l’annuaire des structures' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importer l’annuaire des structures' }).waitFor(WAIT);
    const { csv } = directoryFile({ rows: ROWS });
    const lines = csv.trimEnd().split('\n');
    const bad = [...lines];
    bad[4] = bad[4].replace(/^(\d{13})\d/, (_m, head: string) => `${head}${(Number(_m.at(-1)) + 1) % 10}`);
    bad[9] = bad[9].split(';').map((c, i) => (i === 5 ? '99999' : c)).join(';');
    bad[19] = bad[19].split(';').map((c, i) => (i === 7 ? '2001-01-01' : c)).join(';');
    await check(page, 'annuaire-errone.csv', bad.join('\n'));
    await page.getByRole('heading', { name: 'Fichier refusé : 3 problèmes' }).waitFor(WAIT);
    const problems = page.getByRole('table', { name: 'Problèmes du fichier' });
    await expect.poll(() => problems.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^5\s+siret\s+A5\s+SIRET : SIRET invalide/),
      expect.stringMatching(/^10\s+code_commune\s+F10\s+Code commune INSEE : « 99999 »/),
      expect.stringMatching(/^20\s+agrement_fin\s+H20\s+Fin de l’agrément : la fin \(2001-01-01\) précède le début/),
    ]);
    await expectAxeClean(page);
    expect((await (await fetch(`${baseUrl}/api/structures?pageSize=1`)).json() as { total: number }).total).toBe(0);

    await check(page, 'annuaire.csv', csv);
    await page.getByRole('heading', { name: 'Fichier vérifié : aucun problème' }).waitFor(WAIT);
    await expect.poll(() => page.locator('.directory-summary').innerText()).toMatch(new RegExp(`${ROWS}\\s+nouvelles structures`));
    await page.getByRole('button', { name: 'Appliquer ces changements' }).click();
    await page.getByRole('heading', { name: 'Annuaire importé' }).waitFor(WAIT);
    await expectAxeClean(page);
    expect((await (await fetch(`${baseUrl}/api/structures?pageSize=1`)).json() as { total: number }).total).toBe(ROWS);
  });

  it('the nation invites a correspondent, who joins and invites two directors one by one', async () => {
    const page = await newPage(browser, baseUrl);
    await login(page, ADMIN);
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Personnes et invitations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personnes et invitations' }).waitFor(WAIT);
    await page.getByLabel('Courriel', { exact: true }).fill(CORRESPONDENT);
    await page.getByLabel(/Départements/).fill('69');
    await page.getByRole('button', { name: 'Inviter', exact: true }).click();
    const link = await page.locator('.success code.invitation-link').innerText(WAIT);
    await settled(page);
    await expectAxeClean(page);

    const correspondent = await acceptInvitation(new URL(link).pathname, 'Claire Correspondante');
    await correspondent.goto('/');
    await correspondent.getByRole('link', { name: 'Inviter les directions des structures et suivre qui a rejoint' }).click();
    await correspondent.getByRole('table', { name: 'Directions des structures du département 69' }).waitFor(WAIT);
    await settled(correspondent);
    await expectAxeClean(correspondent);
    const rhoneRows = directoryFile({ rows: ROWS }).communes.filter(rhone).length;
    await expect.poll(() => correspondent.getByRole('table', { name: /Directions des structures/ }).locator('tbody tr').count()).toBe(rhoneRows);
    for (let i = 0; i < 2; i++) {
      const button = correspondent.getByRole('button', { name: /^Inviter la direction de / }).first();
      const structure = (await button.innerText()).replace('Inviter la direction de ', '');
      const before = directorLinks.at(-1)?.email;
      await button.click();
      const item = correspondent.locator('.success li').first();
      await expect.poll(async () => ((await item.count()) ? (await item.innerText()).split(' : ')[0] : before), WAIT).not.toBe(before);
      const [email, href] = (await item.innerText()).split(' : ');
      directorLinks.push({ path: new URL(href.trim()).pathname, email: email.trim(), structure });
      await settled(correspondent);
    }
    expect(new Set(directorLinks.map((d) => d.structure)).size).toBe(2);
    await expect.poll(() => correspondent.getByText('Invitée, pas encore inscrite').count()).toBe(2);
  });

  it('a director joins, fills and submits; the correspondent validates; the nation closes and publishes', async () => {
    await apiLogin(ADMIN, PASSWORD);
    // The national administration prepares and opens the first campaign from its pages.
    const admin = await newPage(browser, baseUrl);
    await login(admin, ADMIN);
    await admin.goto('/admin');
    await admin.getByRole('link', { name: 'Campagnes annuelles' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Campagnes annuelles' }).waitFor(WAIT);
    await settled(admin);
    await admin.getByLabel('Année des données').fill('2025');
    await admin.getByLabel('Ouverture').fill('2026-03-01');
    await admin.getByLabel('Clôture').fill('2026-06-30');
    await admin.getByRole('button', { name: 'Préparer la campagne' }).click();
    await admin.getByRole('button', { name: 'Ouvrir la campagne 2025' }).click(WAIT);
    await admin.getByText('La campagne 2025 est ouverte').waitFor(WAIT);

    const d = directorLinks[0];
    const director = await acceptInvitation(d.path, 'Denise Directrice');
    await director.goto('/');
    await settled(director);
    await apiLogin(d.email, PASSWORD);
    const me = await call<{ memberships: { structureId?: number; role: string }[] }>(d.email, 'GET', '/me');
    const structureId = me.memberships.find((m) => m.role === 'director')!.structureId!;
    firstDirector = { email: d.email, structureId };
    // The structure as the directory holds it, completed with what the demo's answer generator draws from.
    const s = await call<Record<string, unknown> & { approvals: { kind: string; startsOn: string; endsOn: string | null }[]; communePopulation: number | null; firstApprovalOn: string | null }>(d.email, 'GET', `/structures/${structureId}`);
    const { responseId } = await call<{ responseId: number }>(d.email, 'POST', `/structures/${structureId}/campaigns/2025/response`);
    // A response not started has nothing to transmit; the first saved answer makes « Transmettre… » appear
    // without reloading the page (issue 14).
    await director.goto(`/reponses/${responseId}`);
    const checks = director.getByRole('region', { name: 'Contrôles avant transmission' });
    await checks.getByRole('heading', { name: /Erreurs à corriger/ }).waitFor(WAIT);
    expect(await checks.getByRole('button', { name: 'Transmettre…', exact: true }).count()).toBe(0);
    await director.locator('[data-name="identite.site_web"]').locator('input').first().fill('https://denise.example.org');
    await checks.getByRole('button', { name: 'Transmettre…', exact: true }).waitFor(WAIT);
    const answers = generateAnswers({
      ...s, key: structureId, size: 1, communePopulation: s.communePopulation ?? 10_000, first_approval_on: (s.firstApprovalOn ?? '2023-01-01').slice(0, 10),
      // The API's names, back to the generator's (the structures table's).
      postal_code: s.postalCode, commune_code: s.communeCode, departement_code: s.departementCode, region_code: s.regionCode,
      federation_member: s.federationMember, territory_type: s.territoryType, qpv_status: s.qpvStatus, npnru_stage: s.npnruStage,
      npnru_interest: s.npnruInterest, multi_site: s.multiSite,
      approvals: s.approvals.map((a) => ({ kind: a.kind, starts_on: a.startsOn.slice(0, 10), ends_on: (a.endsOn ?? '2026-12-31').slice(0, 10) })),
    } as unknown as DemoStructure, 2025);
    const current = new Map((await call<{ answers: { code: string; value: unknown; version: number }[] }>(d.email, 'GET', `/responses/${responseId}`)).answers.map((a) => [a.code, a]));
    for (const [code, value] of Object.entries(answers)) {
      if (value === undefined || value === null) continue;
      const mine = current.get(code);
      if (mine && (code.startsWith('identite.') || JSON.stringify(mine.value) === JSON.stringify(value))) continue;
      await call(d.email, 'PUT', `/responses/${responseId}/answers/${encodeURIComponent(code)}`, { value, baseVersion: mine?.version ?? 0 });
    }
    const result = await call<{ errors: { rule: string; message: string }[]; warnings: { rule: string; justified?: boolean }[] }>(d.email, 'GET', `/responses/${responseId}/validation`);
    expect(result.errors, JSON.stringify(result.errors)).toEqual([]);
    for (const w of result.warnings.filter((x) => !x.justified)) {
      await call(d.email, 'POST', `/responses/${responseId}/comments`, { code: w.rule, kind: 'justification', body: 'Chiffre vérifié avec la comptabilité.' });
    }
    // The hundred answers went through the API the page uses (typing them all would only slow the test);
    // the transmission is the director's, in the page, after its confirmation.
    await director.reload();
    const panel = director.getByRole('region', { name: 'Contrôles avant transmission' });
    await panel.getByRole('heading', { name: 'Erreurs à corriger (0)' }).waitFor(WAIT);
    await panel.getByRole('button', { name: 'Transmettre…', exact: true }).click();
    await panel.getByRole('group', { name: 'Confirmer la transmission' }).getByRole('button', { name: /^Transmettre/ }).click();
    await director.getByRole('note').filter({ hasText: 'Réponse transmise' }).waitFor(WAIT);

    // The correspondent finds it in the follow-up list, opens it and validates it.
    await apiLogin(CORRESPONDENT, PASSWORD);
    const review = await newPage(browser, baseUrl);
    await login(review, CORRESPONDENT);
    await review.goto('/suivi/2025?level=departement&code=69');
    const list = review.locator('section[aria-labelledby="responses-title"]');
    await list.getByLabel('État de la réponse').selectOption('submitted');
    await list.getByRole('button', { name: 'Appliquer' }).click();
    await list.locator('caption', { hasText: 'transmise' }).waitFor(WAIT);
    await settled(review);
    await list.getByRole('row', { name: new RegExp(String(s.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).getByRole('link', { name: /^Contrôler/ }).click();
    await review.waitForURL(`**/controle/${responseId}`);
    await review.getByRole('button', { name: 'Valider', exact: true }).click(WAIT);
    await review.getByRole('status').filter({ hasText: 'Réponse validée.' }).waitFor(WAIT);
    await expectAxeClean(review);
    const people = await newPage(browser, baseUrl);
    await login(people, CORRESPONDENT);
    await people.goto('/personnes');
    await people.getByRole('table', { name: 'Directions des structures du département 69' }).waitFor(WAIT);
    await expect.poll(() => people.getByRole('row', { name: new RegExp(d.email.replace(/[.]/g, '\\.')) }).innerText()).toMatch(/Direction inscrite \(Denise Directrice\)/);

    // The national administration closes the campaign, then checks and publishes its first release.
    await admin.goto('/campagnes');
    await admin.getByRole('button', { name: 'Clore la campagne 2025…' }).click(WAIT);
    await admin.getByRole('button', { name: 'Confirmer la clôture' }).click();
    await admin.getByText(/La campagne 2025 est close/).waitFor(WAIT);
    await admin.getByRole('link', { name: 'Publier les chiffres de 2025' }).click();
    await admin.getByRole('heading', { name: /Campagne 2025/ }).waitFor(WAIT);
    await settled(admin);
    const block = admin.locator('section, div', { has: admin.getByRole('heading', { name: /Campagne 2025/ }) }).last();
    await block.getByRole('button', { name: 'Vérifier avant publication' }).click();
    await block.getByText(/Aperçu de la version/).waitFor(WAIT);
    await block.getByRole('button', { name: 'Publier la version' }).click();
    await block.getByText(/Version n° 1 de 2025 publiée/).waitFor(WAIT);
    const releases = await call<{ campaigns: { year: number; releases: { number: number }[] }[] }>(ADMIN, 'GET', '/releases');
    expect(releases.campaigns.find((c) => c.year === 2025)?.releases.map((r) => r.number)).toEqual([1]);
    const detail = await call<{ response: { state: string } }>(CORRESPONDENT, 'GET', `/responses/${responseId}`);
    expect(detail.response.state).toBe('locked');
  });

  it('the director sees the identity sheet and asks for a correction; the correspondent sees it and corrects the sheet', async () => {
    const director = await newPage(browser, baseUrl);
    await login(director, firstDirector!.email);
    await director.goto(`/structures/${firstDirector!.structureId}`);
    await director.getByRole('heading', { name: 'Demander une correction de la fiche' }).waitFor(WAIT);
    await director.getByLabel('Correction demandée').fill('Notre adresse est désormais le 5 place Bellecour.');
    await director.getByRole('button', { name: 'Envoyer la demande' }).click();
    await director.getByText('« Notre adresse est désormais le 5 place Bellecour. »', { exact: false }).waitFor(WAIT);
    await settled(director);
    await expectAxeClean(director);

    const correspondent = await newPage(browser, baseUrl);
    await login(correspondent, CORRESPONDENT);
    await correspondent.goto('/personnes');
    const request = correspondent.getByRole('region', { name: 'Demandes de correction des fiches' }).or(correspondent.locator('.panel', { hasText: 'Demandes de correction des fiches' }));
    await expect.poll(() => request.first().innerText(), WAIT).toContain('5 place Bellecour');
    await correspondent.goto(`/structures/${firstDirector!.structureId}`);
    await correspondent.getByRole('heading', { name: 'Corriger la fiche d’identité' }).waitFor(WAIT);
    await correspondent.getByLabel('Adresse', { exact: true }).fill('5 place Bellecour');
    await correspondent.getByRole('button', { name: 'Enregistrer la correction' }).click();
    await correspondent.getByText('1 champ corrigé ; la correction est tracée.').waitFor(WAIT);
    await correspondent.getByRole('button', { name: /Marquer la demande n° \d+ comme corrigée/ }).click();
    await correspondent.getByText(/\(corrigée\)/).waitFor(WAIT);
    await settled(correspondent);
    await expectAxeClean(correspondent);
    const sheet = await call<{ address: string }>(ADMIN, 'GET', `/structures/${firstDirector!.structureId}`);
    expect(sheet.address).toBe('5 place Bellecour');
  });

  it('next year\'s directory: the difference is shown before applying; a takeover keeps the history, nothing is deleted', async () => {
    const page = await newPage(browser, baseUrl);
    await login(page, ADMIN);
    await page.goto('/annuaire/import');
    const { csv, sirets } = directoryFile({ rows: ROWS });
    const lines = csv.trimEnd().split('\n');
    const directorSiret = (await call<{ siret: string }>(ADMIN, 'GET', `/structures/${firstDirector!.structureId}`)).siret;
    const at = lines.findIndex((l) => l.startsWith(directorSiret));
    const cells = (i: number) => lines[i].split(';');
    const set = (i: number, col: number, v: string) => { const c = cells(i); c[col] = v; lines[i] = c.join(';'); };
    // The director's structure merges with the next one (taking over its SIRET), a third one's approval ended, a fourth is renamed.
    const absorbed = at + 1 < lines.length ? at + 1 : at - 1;
    set(at, 14, sirets[absorbed - 1]);
    lines.splice(absorbed, 1);
    const endedRow = 2;
    set(endedRow, 6, '2020-01-01'); set(endedRow, 7, '2025-12-31'); set(endedRow, 8, ''); set(endedRow, 9, '');
    set(3, 1, 'Maison des habitants renommée');
    await check(page, 'annuaire-2027.csv', `${lines.join('\n')}\n`);
    await page.getByRole('heading', { name: 'Fichier vérifié : aucun problème' }).waitFor(WAIT);
    const summary = await page.locator('.directory-summary').innerText();
    expect(summary).toMatch(/0\s+nouvelle structure/);
    expect(summary).toMatch(/1\s+structure reprise/);
    expect(summary).toMatch(/1\s+agrément terminé/);
    await expect.poll(() => page.getByRole('table', { name: 'Structures modifiées' }).innerText()).toMatch(/nom : Espace de vie sociale 3 → Maison des habitants renommée/);
    await expect.poll(() => page.getByRole('table', { name: 'Structures reprises' }).innerText()).toContain(directorSiret);
    await expectAxeClean(page);
    await page.getByRole('button', { name: 'Appliquer ces changements' }).click();
    await page.getByRole('heading', { name: 'Annuaire importé' }).waitFor(WAIT);
    // Nothing deleted: every structure is still in the directory; the director's keeps its response of 2025.
    expect((await (await fetch(`${baseUrl}/api/structures?pageSize=1`)).json() as { total: number }).total).toBe(ROWS);
    await apiLogin(firstDirector!.email, PASSWORD);
    const responses = await call<{ year: number; state: string }[] | { items: { year: number; state: string }[] }>(firstDirector!.email, 'GET', `/structures/${firstDirector!.structureId}/responses`);
    const list = Array.isArray(responses) ? responses : responses.items;
    expect(list.find((r) => r.year === 2025)?.state).toBe('locked');
  });
});
