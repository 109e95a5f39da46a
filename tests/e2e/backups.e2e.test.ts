// Files between laptops: a backup that brings every table back byte for byte, contributions of
// two members merged through the conflict screen, bad files refused with the data unchanged, the
// reminder of changes no export holds, and the way back after the database vanished.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, useBuiltApp, waitForServiceWorker } from './support/browser';
import { dumpDatabase, storedAnswer } from './support/idb';
import { HomePage } from './pages/home-page';
import { CampaignPages } from './pages/campaign-pages';
import { BackupsPage } from './pages/backups-page';
import { FORMAT_VERSION } from '../../src/domain/transfer/format';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const served = useBuiltApp({ beforeAll, afterAll });

const TEACHERS = 'dgesco2010.3.1.teachers';
const STUDENTS = 'dgesco2010.3.1.students';
const HOSTILE_COMMENT = '<img src=x onerror="window.__pwned=1"> « Salle 204 » — 😀';

/** Every store in key order, keys sorted: equal strings mean the same data, byte for byte. */
async function canonicalDump(page: Page): Promise<string> {
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)]))
        : v;
  return JSON.stringify(sortKeys(JSON.parse(await dumpDatabase(page))));
}

async function newCampaign(page: Page, name: string): Promise<string> {
  await new HomePage(page).fillCampaign(name, '2026-10-05', undefined, 'Aucune : partir de zéro');
  await page.waitForURL(/#\/campagnes\//);
  return new CampaignPages(page, served.url).campaignId();
}

async function answerFigures(page: Page, campaignId: string, students: string, teachers: string, comment?: string) {
  const pages = new CampaignPages(page, served.url);
  await pages.openSection(campaignId, 'dgesco2010.s3.1');
  await pages.input(`${STUDENTS}-input`).fill(students);
  await pages.input(`${TEACHERS}-input`).fill(teachers);
  await pages.input(`${TEACHERS}-input`).blur();
  if (comment !== undefined) {
    await pages.card(TEACHERS).getByRole('button', { name: /^Commentaire et source/ }).click();
    await pages.input(`${TEACHERS}-comment`).fill(comment);
    await pages.input(`${TEACHERS}-comment`).blur();
  }
  await expect.poll(async () => (await storedAnswer(page, TEACHERS, campaignId))?.value).toEqual({ kind: 'number', value: Number(teachers) });
  if (comment !== undefined) await expect.poll(async () => (await storedAnswer(page, TEACHERS, campaignId))?.comment).toBe(comment);
}

describe('backups and files between laptops', () => {
  it('exports the whole database, and after the site data is cleared imports it back byte for byte', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    await waitForServiceWorker(page);
    await new HomePage(page).saveSchool('Lycée Olympe de Gouges', '0341234A', 'Montpellier');
    const id = await newCampaign(page, 'État initial 2026');
    await answerFigures(page, id, '820', '64', HOSTILE_COMMENT);
    // A note of the group, a member, an action of the plan: every table holds something.
    const note = page.locator('[id="dgesco2010.s3.1-note"]');
    await note.fill('Forces : « chiffres fiables ». <script>alert(1)</script>');
    await note.blur();
    await new CampaignPages(page, served.url).openCampaign(id);
    await page.getByLabel('Nom d’un membre du groupe').fill('Mme Martin');
    await page.getByRole('button', { name: 'Ajouter' }).click();
    await page.locator('.member-list').waitFor();
    await page.goto(`${served.url}#/campagnes/${id}/resultats`);
    await page.getByLabel('Objectif').fill('Former l’équipe à l’ENT');
    await page.getByRole('button', { name: 'Ajouter l’action' }).click();
    await page.locator('#plan-actions tbody tr').first().waitFor();
    const counts = async () =>
      Object.fromEntries(Object.entries(JSON.parse(await dumpDatabase(page)) as Record<string, unknown[]>).map(([t, rows]) => [t, rows.length]));
    await expect.poll(counts).toEqual({ actions: 1, answers: 2, campaigns: 1, dossierTexts: 0, evidence: 0, evidenceFiles: 0, imports: 0, positions: 0, school: 1, sectionNotes: 1, surveyResponses: 0, surveys: 0 });
    const before = await canonicalDump(page);

    const backups = new BackupsPage(page, served.url);
    await backups.open();
    const file = await backups.exportBackup();
    expect(file.name).toMatch(/^diagnum-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = JSON.parse(file.text) as { format: string; formatVersion: number; kind: string; data: { answers: unknown[] } };
    expect(parsed).toMatchObject({ format: 'diagnum', formatVersion: FORMAT_VERSION, kind: 'sauvegarde' });
    expect(parsed.data.answers).toHaveLength(2);

    // Everything the origin stores goes: IndexedDB, localStorage, the service worker's caches.
    const cdp = await app.context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(served.url).origin, storageTypes: 'all' });
    await page.goto(served.url);
    await expect.poll(() => new HomePage(page).campaignNames()).toEqual([]);

    await backups.open();
    await backups.choose([file]);
    await expect.poll(() => backups.preview().getByTestId('import-headline').textContent()).toBe(
      '1 campagne, 2 réponses, dont 0 en conflit avec vos données.',
    );
    await backups.confirm();
    expect(await canonicalDump(page)).toBe(before);

    // The comment is shown as text, never run.
    await page.goto(`${served.url}#/campagnes/${id}/sections/dgesco2010.s3.1`);
    await expect.poll(() => page.locator(`[id="${TEACHERS}-comment"]`).inputValue()).toBe(HOSTILE_COMMENT);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // The same backup again: nothing to settle, nothing changes.
    await backups.open();
    await backups.choose([file]);
    await expect.poll(() => backups.preview().getByTestId('import-headline').textContent()).toContain('dont 0 en conflit');
    await backups.confirm();
    expect(await canonicalDump(page)).toBe(before);
    expect(app.pageErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    await app.context.close();
  });

  it('merges two members’ contributions: agreements silently, a difference through the conflict screen; twice changes nothing', async () => {
    // The RUPN's laptop creates the campaign and hands it out.
    const rupn = await openApp(served.browser, served.url);
    const id = await newCampaign(rupn.page, 'Réévaluation 2027');
    const rupnFiles = new BackupsPage(rupn.page, served.url);
    await rupnFiles.open();
    const campaign = await rupnFiles.exportCampaign('Réévaluation 2027');

    // Two members, each on a laptop of their own, fill the same section.
    const contributions: Array<{ name: string; text: string }> = [];
    for (const [member, teachers] of [['Alice Martin', '64'], ['Bruno Leroy', '66']] as const) {
      const laptop = await openApp(served.browser, served.url);
      const files = new BackupsPage(laptop.page, served.url);
      await files.open();
      await files.choose([campaign]);
      await files.confirm();
      await answerFigures(laptop.page, id, '820', teachers, member === 'Bruno Leroy' ? 'Chiffre du bilan social' : undefined);
      await files.open();
      const contribution = await files.exportContribution('Réévaluation 2027', member);
      expect(contribution.name).toMatch(/^diagnum-contribution-/);
      contributions.push(contribution);
      await laptop.context.close();
    }

    const page = rupn.page;
    await rupnFiles.open();
    await rupnFiles.choose(contributions);
    const preview = rupnFiles.preview();
    await expect.poll(() => preview.getByTestId('import-headline').textContent()).toBe(
      '1 campagne, 2 réponses, dont 0 en conflit avec vos données et 1 entre les fichiers.',
    );
    const conflict = preview.getByRole('group', { name: /Nombre d’enseignants|enseignants/ });
    await expect.poll(() => conflict.locator('.conflict-option').count()).toBe(2);
    const bruno = conflict.locator('.conflict-option').filter({ hasText: 'Bruno Leroy' });
    expect(await bruno.textContent()).toContain('Réponse : 66');
    expect(await bruno.textContent()).toContain('Commentaire : Chiffre du bilan social');
    expect(await conflict.locator('.conflict-option').filter({ hasText: 'Alice Martin' }).textContent()).toContain('Réponse : 64');

    await page.screenshot({ path: '/tmp/diagnum-import-conflict.png', fullPage: true });
    // Nothing is written before the group chooses.
    const unchosen = await dumpDatabase(page);
    await preview.getByRole('button', { name: 'Importer' }).click();
    await expect.poll(() => preview.getByRole('alert').textContent()).toContain('Il reste 1 différence à trancher');
    expect(await dumpDatabase(page)).toBe(unchosen);

    await bruno.getByRole('radio').check();
    await rupnFiles.confirm();
    expect(await storedAnswer(page, TEACHERS, id)).toMatchObject({ value: { kind: 'number', value: 66 }, comment: 'Chiffre du bilan social' });
    expect(await storedAnswer(page, STUDENTS, id)).toMatchObject({ value: { kind: 'number', value: 820 } });
    const merged = await dumpDatabase(page);
    const members = (JSON.parse(merged) as { campaigns: Array<{ members: string[] }> }).campaigns[0]!.members;
    expect(members.sort()).toEqual(['Alice Martin', 'Bruno Leroy']);

    // The same files again: recognised, nothing to do, nothing changes.
    await rupnFiles.open();
    await rupnFiles.choose(contributions);
    await expect.poll(() => rupnFiles.preview().textContent()).toContain('Rien à importer');
    expect(await rupnFiles.preview().getByRole('button', { name: 'Importer' }).count()).toBe(0);
    expect(await dumpDatabase(page)).toBe(merged);
    await page.screenshot({ path: '/tmp/diagnum-import-again.png', fullPage: true });
    expect(rupn.pageErrors).toEqual([]);
    await rupn.context.close();
  });

  it('takes a Diagnum file opened from the file manager with the installed app (launchQueue) into the import preview', async () => {
    const sample = readFileSync(join(import.meta.dirname, '../fixtures/files/format-v4.json'), 'utf8');
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    // Chromium gives an installed app's page a launchQueue; here it is stood in for, as the spec describes it.
    await page.addInitScript((text) => {
      // Chromium has its own (read-only, empty outside an installed app): defined over it.
      Object.defineProperty(window, 'launchQueue', {
        configurable: true,
        value: {
          setConsumer(consumer: (params: { files: Array<{ getFile(): Promise<File> }> }) => void) {
            setTimeout(() => consumer({ files: [{ getFile: async () => new File([text], 'diagnum-sauvegarde-2026-10-05.json', { type: 'application/json' }) }] }), 300);
          },
        },
      });
    }, sample);
    await page.goto(served.url);
    await page.waitForURL(/#\/sauvegardes$/);
    const backups = new BackupsPage(page, served.url);
    await expect.poll(() => backups.preview().textContent()).toContain('diagnum-sauvegarde-2026-10-05.json');
    await backups.confirm();
    await expect.poll(async () => (JSON.parse(await dumpDatabase(page)) as { evidence: unknown[] }).evidence.length).toBe(2);
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  });

  it('refuses bad files with a French message and leaves the database as it was', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const id = await newCampaign(page, 'Campagne intacte');
    await answerFigures(page, id, '500', '40');
    const backups = new BackupsPage(page, served.url);
    await backups.open();
    const good = (await backups.exportBackup()).text;
    const before = await dumpDatabase(page);

    const hostile = good.replace('"format": "diagnum",', '"format": "diagnum", "data2": {"__proto__": {"polluted": true}},');
    const cases: Array<{ name: string; text: string | Buffer; message: RegExp }> = [
      { name: 'notes.txt', text: 'Bonjour, ceci n’est pas du JSON', message: /JSON illisible/ },
      { name: 'vide.json', text: '', message: /vide/ },
      { name: 'coupe.json', text: good.slice(0, good.length / 2), message: /incomplet ou abîmé/ },
      { name: 'unicode.json', text: Buffer.from(`\ufeff${good}`, 'utf16le'), message: /UTF-16/ },
      { name: 'autre.json', text: '{"version": 3, "items": []}', message: /ne vient pas de Diagnum/ },
      { name: 'futur.json', text: good.replace(`"formatVersion": ${FORMAT_VERSION}`, '"formatVersion": 9'), message: /version plus récente de Diagnum \(format 9\)/ },
      { name: 'proto.json', text: hostile, message: /clé interdite \(« __proto__ »\)/ },
      { name: 'hors-bornes.json', text: good.replace('"value": 40', '"value": -40'), message: /négatif/ },
      { name: 'enorme.json', text: Buffer.alloc(6 * 1024 * 1024, 0x20), message: /trop volumineux \(6 Mo\).*5 Mo au plus/ },
    ];
    for (const bad of cases) {
      await backups.choose([bad]);
      await expect.poll(() => backups.refusal().textContent(), { message: bad.name }).toMatch(bad.message);
      expect(await backups.refusal().textContent()).toContain(bad.name);
      expect(await backups.preview().count()).toBe(0);
      expect(await dumpDatabase(page)).toBe(before);
    }
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
    expect(await page.evaluate(() => 'polluted' in Object.prototype)).toBe(false);
    await page.screenshot({ path: '/tmp/diagnum-import-refused.png', fullPage: true });
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  });

  it('reminds of changes no export holds (“il y a 12 jours”), and offers the last export when the database vanished', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    await page.clock.install();
    await page.reload();
    const home = new HomePage(page);
    await home.createCampaign('Campagne à sauvegarder', '2026-10-05');
    await expect.poll(() => page.getByTestId('backup-reminder').textContent()).toContain('Aucune sauvegarde exportée');

    const backups = new BackupsPage(page, served.url);
    await backups.open();
    const file = await backups.exportBackup();
    await page.goto(`${served.url}#/`);
    await expect.poll(() => page.getByTestId('backup-reminder').textContent()).toContain('Toutes vos modifications figurent');
    expect(await page.getByRole('button', { name: 'Exporter une sauvegarde' }).count()).toBe(0);
    await expect.poll(() => page.getByTestId('home-persistence').textContent()).toContain('Stockage non persistant');

    await home.createCampaign('Une modification de plus', '2026-10-06');
    await page.clock.fastForward(12 * 24 * 3600 * 1000);
    await expect.poll(() => page.getByTestId('backup-reminder').textContent()).toMatch(/Dernière sauvegarde il y a 12 jours/);
    await page.screenshot({ path: '/tmp/diagnum-home-reminder.png', fullPage: true });

    // Saving from the home page clears the reminder.
    await page.getByRole('button', { name: 'Exporter une sauvegarde' }).click();
    await expect.poll(() => page.getByTestId('backup-reminder').textContent()).toContain('Toutes vos modifications figurent');

    // The browser evicts the database (localStorage stays): the app says so instead of starting empty.
    const cdp = await app.context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(served.url).origin, storageTypes: 'indexeddb' });
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'Vos données ont disparu de ce navigateur' });
    await alert.waitFor();
    await page.screenshot({ path: '/tmp/diagnum-home-vanished.png', fullPage: true });
    await alert.getByRole('link', { name: 'Importer une sauvegarde' }).click();
    await backups.choose([file]);
    await backups.confirm();
    await page.goto(`${served.url}#/`);
    await expect.poll(() => home.campaignNames()).toEqual(['Campagne à sauvegarder']);
    expect(await page.getByText('Vos données ont disparu').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  });
});
