// The workshop: answering survives reloads, going offline and a second tab; bad input is refused
// with the stored data unchanged; a new campaign starts from the previous one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, useBuiltApp, waitForServiceWorker } from './support/browser';
import { dumpDatabase, storedAnswer } from './support/idb';
import { HomePage } from './pages/home-page';
import { CampaignPages } from './pages/campaign-pages';

const served = useBuiltApp({ beforeAll, afterAll });

const TEACHERS = 'dgesco2010.3.1.teachers';
const STUDENTS = 'dgesco2010.3.1.students';
const USAGE = 'dgesco2010.3.6.1.h1';

async function newCampaign(page: Page, name = 'État initial 2026', documents?: string[]): Promise<string> {
  await new HomePage(page).fillCampaign(name, '2026-10-05', documents, 'Aucune : partir de zéro');
  await page.waitForURL(/#\/campagnes\//);
  return new CampaignPages(page, served.url).campaignId();
}

async function stored(page: Page, itemId: string) {
  return (await storedAnswer(page, itemId))?.value;
}

describe('the workshop', () => {
  it('keeps every answer across a reload and while offline half way through, and goes on', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    await waitForServiceWorker(page);
    const pages = new CampaignPages(page, served.url);
    const id = await newCampaign(page);
    await pages.openSection(id, 'dgesco2010.s3.1');
    await pages.input(`${STUDENTS}-input`).fill('820');
    await pages.input(`${TEACHERS}-input`).fill('64');
    await expect.poll(() => stored(page, TEACHERS)).toEqual({ kind: 'number', value: 64 });

    await page.reload();
    await pages.input(`${TEACHERS}-input`).waitFor();
    await expect.poll(() => pages.input(`${TEACHERS}-input`).inputValue()).toBe('64');
    expect(await pages.input(`${STUDENTS}-input`).inputValue()).toBe('820');

    await app.context.setOffline(true);
    const offline = await page.reload();
    expect(offline?.fromServiceWorker()).toBe(true);
    await expect.poll(() => pages.input(`${TEACHERS}-input`).inputValue()).toBe('64');
    await page.getByRole('link', { name: /3\.2 Obligations réglementaires/ }).click();
    await page.getByRole('group', { name: /respecte la loi relative à l'informatique/ }).getByLabel('Oui').check();
    await expect.poll(() => stored(page, 'dgesco2010.3.2.1')).toEqual({ kind: 'yes-no', value: true });
    await pages.openCampaign(id);
    await expect.poll(() => pages.overallProgress()).toMatch(/^3 \/ \d+ répondus$/);
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  });

  it('keeps two tabs on the same campaign in step, and loses neither tab’s edit', async () => {
    const app = await openApp(served.browser, served.url);
    const a = app.page;
    const id = await newCampaign(a);
    const b = await app.context.newPage();
    const pagesA = new CampaignPages(a, served.url);
    const pagesB = new CampaignPages(b, served.url);
    await pagesA.openSection(id, 'dgesco2010.s3.1');
    await pagesB.openSection(id, 'dgesco2010.s3.1');

    await pagesA.input(`${TEACHERS}-input`).fill('40');
    await expect.poll(() => pagesB.input(`${TEACHERS}-input`).inputValue()).toBe('40');

    // Same item, different fields: tab A writes the comment, tab B the value.
    await pagesA.card(STUDENTS).getByText('Commentaire et source').click();
    await pagesA.input(`${STUDENTS}-comment`).fill('Chiffre de la rentrée');
    await pagesB.input(`${STUDENTS}-input`).fill('700');
    await expect.poll(() => storedAnswer(a, STUDENTS)).toMatchObject({
      comment: 'Chiffre de la rentrée',
      value: { kind: 'number', value: 700 },
    });
    await expect.poll(() => pagesA.input(`${STUDENTS}-input`).inputValue()).toBe('700');
    await expect.poll(() => pagesB.card(STUDENTS).getByRole('button', { name: /^Commentaire et source/ }).textContent()).toContain('✎');

    // Same item, different counts: both kept.
    await pagesA.openSection(id, 'dgesco2010.s3.6.1');
    await pagesB.openSection(id, 'dgesco2010.s3.6.1');
    await pagesA.input(`${USAGE}-never`).fill('5');
    await pagesB.input(`${USAGE}-regularly`).fill('20');
    await expect.poll(() => stored(a, USAGE)).toEqual({ kind: 'usage-counts', never: 5, occasionally: null, regularly: 20 });
    await expect.poll(() => pagesA.input(`${USAGE}-regularly`).inputValue()).toBe('20');
    await expect.poll(() => pagesB.input(`${USAGE}-never`).inputValue()).toBe('5');
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  });

  it('refuses every bad input with an inline French message tied to its field, the stored data unchanged', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const pages = new CampaignPages(page, served.url);
    const id = await newCampaign(page);
    await pages.openSection(id, 'dgesco2010.s3.1');
    await pages.input(`${TEACHERS}-input`).fill('40');
    await expect.poll(() => stored(page, TEACHERS)).toEqual({ kind: 'number', value: 40 });
    await pages.openSection(id, 'dgesco2010.s3.6.1');
    await pages.input(`${USAGE}-never`).fill('10');
    await expect.poll(() => stored(page, USAGE)).toMatchObject({ never: 10 });
    const before = await dumpDatabase(page);

    const cases: Array<{ field: string; text: string; message: RegExp }> = [
      { field: `${USAGE}-occasionally`, text: '-3', message: /ne peut pas être négatif/ },
      { field: `${USAGE}-occasionally`, text: '2,5', message: /Nombre entier attendu/ },
      { field: `${USAGE}-occasionally`, text: '31', message: /La somme \(41\) dépasse le nombre d’enseignants \(40\)/ },
    ];
    for (const { field, text, message } of cases) {
      await pages.input(field).fill(text);
      await expect.poll(() => pages.errorOf(USAGE).first().textContent()).toMatch(message);
      const input = pages.input(field);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      const errorId = await pages.errorOf(USAGE).first().getAttribute('id');
      expect((await input.getAttribute('aria-describedby'))?.split(' ')).toContain(errorId);
      expect(await input.inputValue(), 'what was typed stays, to be corrected').toBe(text);
      expect(await dumpDatabase(page)).toBe(before);
    }

    // A 100,000-character comment is refused, not cut: the person shortens it.
    await pages.card(USAGE).getByText('Commentaire et source').click();
    const comment = pages.input(`${USAGE}-comment`);
    await comment.fill('a'.repeat(100_000));
    await expect.poll(() => pages.card(USAGE).locator('[id$="-comment-error"]').textContent()).toMatch(
      /100\s000 caractères pour 5\s000 au plus/,
    );
    expect(await comment.getAttribute('aria-invalid')).toBe('true');
    expect(await dumpDatabase(page)).toBe(before);

    // Pasted HTML is stored and shown as text, never interpreted.
    const hostile = '<img src=x onerror="window.__pwned=1"><b>gras</b>';
    await comment.fill(hostile);
    await expect.poll(() => storedAnswer(page, USAGE)).toMatchObject({ comment: hostile });
    await page.reload();
    await pages.card(USAGE).waitFor();
    expect(await pages.input(`${USAGE}-comment`).inputValue()).toBe(hostile);
    expect(await page.locator('main img[src="x"], main b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  });

  it('starts a new campaign from the previous one: answers marked "repris" until confirmed or changed', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const pages = new CampaignPages(page, served.url);
    const previous = await newCampaign(page, 'État initial 2025', ['Référentiel DGESCO 2010', 'Grille de maturité Occitanie']);
    await pages.openSection(previous, 'occitanie.s1');
    const first = page.getByRole('group', { name: /Instance numérique/ });
    await first.getByRole('radio', { name: /^Niveau 2/ }).check();
    await page.getByRole('group', { name: /Charte d'usage/ }).getByRole('radio', { name: /^Niveau 1/ }).check();
    await expect.poll(async () => (await storedAnswer(page, 'occitanie.1.2', previous))?.value).toBeTruthy();

    await page.goto(served.url + '#/');
    const home = new HomePage(page);
    await home.fillCampaign('Réévaluation 2026', '2026-10-05', ['Référentiel DGESCO 2010', 'Grille de maturité Occitanie'], 'État initial 2025 (5 octobre 2026)');
    await page.waitForURL(/#\/campagnes\//);
    const next = pages.campaignId();
    expect(next).not.toBe(previous);
    await expect.poll(() => page.getByRole('heading', { name: 'Reprises à confirmer (2)' }).count()).toBe(1);
    expect(await page.getByText('reprend les réponses de').textContent()).toContain('reprend les réponses de');

    await pages.openSection(next, 'occitanie.s1');
    await expect.poll(() => page.locator('.tag.carried').count()).toBe(2);
    await expect.poll(() => page.getByRole('group', { name: /Instance numérique/ }).getByRole('radio', { name: /^Niveau 2/ }).isChecked()).toBe(true);
    // Changing an answer makes it this campaign's own; "Confirmer" keeps the other as it was.
    await page.getByRole('group', { name: /Instance numérique/ }).getByRole('radio', { name: /^Niveau 3/ }).check();
    await expect.poll(() => storedAnswer(page, 'occitanie.1.1', next)).toMatchObject({ value: { kind: 'level', value: 3 }, carriedOver: false });
    // From the keyboard: the button leaves once used, and the focus goes to the chosen answer, not the page.
    await page.getByRole('button', { name: /Confirmer la réponse à la question 2/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => storedAnswer(page, 'occitanie.1.2', next)).toMatchObject({ value: { kind: 'level', value: 1 }, carriedOver: false });
    await expect.poll(() => page.locator('.tag.carried').count()).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked && document.activeElement?.closest('[data-item]')?.getAttribute('data-item'))).toBe('occitanie.1.2');
    // The previous campaign keeps its own answers.
    const all = JSON.parse(await dumpDatabase(page)) as { answers: Array<{ campaignId: string; itemId: string; value: unknown }> };
    expect(all.answers.find((a) => a.campaignId === previous && a.itemId === 'occitanie.1.1')?.value).toEqual({ kind: 'level', value: 2 });
    await app.context.close();
  });

  it('undoes the last change, and keeps a closed campaign read-only until it is reopened', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const pages = new CampaignPages(page, served.url);
    const id = await newCampaign(page);
    await pages.openSection(id, 'dgesco2010.s3.2');
    const law = page.getByRole('group', { name: /respecte la loi relative à l'informatique/ });
    await law.getByLabel('Oui').check();
    await expect.poll(() => stored(page, 'dgesco2010.3.2.1')).toEqual({ kind: 'yes-no', value: true });
    await law.getByLabel('Non', { exact: true }).check();
    await expect.poll(() => stored(page, 'dgesco2010.3.2.1')).toEqual({ kind: 'yes-no', value: false });
    await page.getByRole('button', { name: /Annuler la dernière modification/ }).click();
    await expect.poll(() => stored(page, 'dgesco2010.3.2.1')).toEqual({ kind: 'yes-no', value: true });
    await expect.poll(() => law.getByLabel('Oui').isChecked()).toBe(true);
    await page.getByRole('button', { name: /Annuler la dernière modification/ }).click();
    await expect.poll(() => stored(page, 'dgesco2010.3.2.1')).toBeNull();

    await pages.openCampaign(id);
    await page.getByRole('button', { name: 'Clôturer la campagne' }).click();
    await expect.poll(() => page.locator('.badge').first().textContent()).toBe('Clôturée');
    await pages.openSection(id, 'dgesco2010.s3.2');
    await expect.poll(() => page.getByText('Cette campagne est clôturée').count()).toBe(1);
    await expect.poll(() => law.getByLabel('Oui').isDisabled()).toBe(true);
    const before = await dumpDatabase(page);
    await pages.openCampaign(id);
    await page.getByRole('button', { name: 'Rouvrir la campagne' }).click();
    await expect.poll(() => page.locator('.badge').first().textContent()).toBe('En cours');
    expect(await dumpDatabase(page)).not.toBe(before);
    await pages.openSection(id, 'dgesco2010.s3.2');
    await expect.poll(() => law.getByLabel('Oui').isDisabled()).toBe(false);
    await app.context.close();
  });

  it('duplicates a campaign, deletes it with an undo, and gives sections to members ("mes sections")', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const id = await newCampaign(page, 'Bilan', ['Grille de maturité Occitanie']);
    await page.getByLabel('Nom d’un membre du groupe').fill('Mme Martin');
    await page.getByRole('button', { name: 'Ajouter' }).click();
    await page.getByLabel('Nom d’un membre du groupe').fill('M. Durand');
    await page.getByRole('button', { name: 'Ajouter' }).click();
    await page.getByLabel('Membre à qui confier « Formation »').selectOption('M. Durand');
    await page.getByLabel('Membre à qui confier « Ressources »').selectOption('M. Durand');
    await page.getByLabel('Afficher les sections de').selectOption('M. Durand');
    await expect.poll(() => page.locator('table.sections tbody tr').count()).toBe(2);
    await page.reload();
    await expect.poll(() => page.locator('table.sections tbody tr').count()).toBe(2);
    await page.getByLabel('Afficher les sections de').selectOption('');
    await expect.poll(() => page.locator('table.sections tbody tr').count()).toBe(5);

    // Duplicating asks for the copy's name, prefilled.
    await page.getByRole('button', { name: 'Dupliquer' }).click();
    const copyName = page.getByLabel('Nom de la copie');
    expect(await copyName.inputValue()).toBe('Bilan (copie)');
    await copyName.fill('');
    await page.getByRole('button', { name: 'Créer la copie' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nom de la campagne' }).waitFor();
    await copyName.fill('Bilan (copie)');
    await page.getByRole('button', { name: 'Créer la copie' }).click();
    await page.waitForURL((url) => !url.hash.includes(id));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Bilan (copie)');
    await page.getByRole('button', { name: 'Supprimer' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Supprimer définitivement' }).click();
    await page.waitForURL(/#\/$/);
    await expect.poll(() => new HomePage(page).campaignNames()).toEqual(['Bilan']);
    await page.getByRole('button', { name: 'Annuler la suppression' }).click();
    await expect.poll(() => new HomePage(page).campaignNames()).toEqual(['Bilan', 'Bilan (copie)']);
    await app.context.close();
  });

  it('drives the workshop mode from the keyboard, legible at 1280×720 without horizontal scrolling', async () => {
    const app = await openApp(served.browser, served.url, { width: 1280, height: 720 });
    const { page } = app;
    const pages = new CampaignPages(page, served.url);
    const id = await newCampaign(page, 'Atelier', ['Grille de maturité Occitanie', 'Label Lycée numérique']);
    await pages.openSection(id, 'occitanie.s1', true);
    await page.waitForFunction(() => document.activeElement?.closest('[data-item="occitanie.1.1"]'));
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThanOrEqual(20);
    await page.keyboard.press('2');
    await expect.poll(() => stored(page, 'occitanie.1.1')).toEqual({ kind: 'level', value: 2 });
    await page.keyboard.press('s');
    await page.waitForFunction(() => document.activeElement?.closest('[data-item="occitanie.1.2"]'));
    await page.keyboard.press('0');
    await expect.poll(() => stored(page, 'occitanie.1.2')).toEqual({ kind: 'level', value: 0 });
    await page.keyboard.press('PageDown');
    await page.keyboard.press('x');
    await expect.poll(() => stored(page, 'occitanie.1.3')).toEqual({ kind: 'not-applicable' });
    await page.keyboard.press('p');
    await page.waitForFunction(() => document.activeElement?.closest('[data-item="occitanie.1.2"]'));
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(1280);

    await pages.openSection(id, 'label2023.sA', true);
    await page.keyboard.press('2');
    await expect.poll(() => stored(page, 'label2023.A.1')).toEqual({ kind: 'band', band: expect.any(String) });
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(1280);
    await app.context.close();
  });
});
