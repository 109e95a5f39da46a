// Results: a campaign answered in known ways shows the expected scores, label level and blocking
// criteria, offline too, with no axe violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { openApp, useBuiltApp, waitForServiceWorker } from './support/browser';
import { pdfPageCount, pdfPageLines, pdfToPngs } from './support/pdf';
import { HomePage } from './pages/home-page';
import { CampaignPages } from './pages/campaign-pages';
import { labelCriteria } from '../../src/domain/scoring/label';
import { documentSections } from '../../src/domain/completion';
import { referentielById } from '../../src/referentiels';

const served = useBuiltApp({ beforeAll, afterAll });

/** Answers a section in workshop mode: one key per question, then S to the next one. */
async function answerWithKeys(page: Page, pages: CampaignPages, campaignId: string, sectionId: string, keys: string[]) {
  await pages.openSection(campaignId, sectionId, true);
  await page.waitForFunction(() => document.activeElement?.closest('[data-item]'));
  for (const key of keys) {
    const current = await page.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-item]')?.dataset.item);
    await page.keyboard.press(key);
    await page.waitForFunction((id) => document.querySelector(`[data-item="${id}"] .saved`), current);
    await page.keyboard.press('s');
  }
}

function rowOf(page: Page, caption: RegExp, header: string | RegExp) {
  return page.locator('table', { has: page.locator('caption', { hasText: caption }) }).getByRole('row', { name: header });
}

describe('results', () => {
  it('shows the expected scores, label level and blocking criteria, offline too', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    await waitForServiceWorker(page);
    await new HomePage(page).fillCampaign('Bilan connu', '2026-10-05');
    await page.waitForURL(/#\/campagnes\//);
    const pages = new CampaignPages(page, served.url);
    const id = pages.campaignId();

    // DGESCO 3.3.1: oui, non, oui.
    await answerWithKeys(page, pages, id, 'dgesco2010.s3.3.1', ['1', '2', '1']);
    // Occitanie area 1: level 3, then level 1; the rest unanswered.
    await answerWithKeys(page, pages, id, 'occitanie.s1', ['3', '1']);
    // Label: the best answer everywhere, but "En projet" for A.6.
    for (const section of documentSections(referentielById('label-lycee-2023'))) {
      const keys = section.items.map((item) => {
        const c = labelCriteria.find((l) => l.id === item.id)!;
        return c.code === 'A.6' ? String(c.bands.findIndex((b) => b.id === 'en-projet') + 1) : String(c.bands.length);
      });
      await answerWithKeys(page, pages, id, section.id, keys);
    }

    await app.context.setOffline(true);
    await page.goto(`${served.url}#/campagnes/${id}/resultats`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Résultats/ }).waitFor();
    expect(await rowOf(page, /Organisation et accompagnement/, /3\.3 Pilotage/).textContent()).toMatch(/66,7 \/ 100.*3 indicateurs renseignés sur 10/);
    expect(await rowOf(page, /Niveau de chaque critère/, /1 Pilotage/).textContent()).toContain('moyenne 2 (2 critères sur 5)');
    expect(await page.locator('.verdict').textContent()).toMatch(/Niveau atteint : niveau 1\./);
    const blockers = rowOf(page, /Ce qui bloque le niveau 2/, /A\.6/);
    expect(await blockers.textContent()).toMatch(/En projet.*En place/);
    expect(await page.locator('table', { has: page.locator('caption', { hasText: /Ce qui bloque le niveau 2 \(1 critère/ }) }).count()).toBe(1);
    const optional = labelCriteria.filter((c) => c.rule === 'optional');
    const max = optional.reduce((n, c) => n + Math.max(...c.bands.map((b) => b.points ?? 0)), 0);
    expect(await page.locator('.verdict').textContent()).toContain(`${max} points sur ${max} possibles`);
    expect(await page.getByText('ne calcule donc pas cette note').count()).toBe(1);

    // From the blocking criterion to an action; a past due date makes it late until it is done.
    await blockers.getByRole('button', { name: /Agir/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('action-objective');
    expect(await page.getByLabel('Axe ou critère').inputValue()).toBe('label2023.A.6');
    await page.getByLabel('Objectif').fill('Installer la commission numérique');
    await page.getByLabel('Responsable').fill('Mme Martin');
    await page.getByLabel('Échéance').fill('2020-01-15');
    await page.getByRole('button', { name: 'Ajouter l’action' }).click();
    const plan = page.locator('#plan-actions');
    await expect.poll(() => plan.locator('tr.late').count()).toBe(1);
    expect(await plan.getByText('1 action en retard.').count()).toBe(1);
    await plan.getByLabel('État de « Installer la commission numérique »').selectOption('realisee');
    await expect.poll(() => plan.locator('tr.late').count()).toBe(0);

    // From a weak axis, too.
    await page.getByRole('button', { name: 'Agir sur 1 Pilotage, impulsion et organisation' }).click();
    await expect.poll(() => page.getByLabel('Axe ou critère').inputValue()).toBe('occitanie.1');

    // A target becomes the "Cible" series of the chart and of its data table.
    await page.getByText('Fixer les objectifs du groupe').last().click();
    await page.getByLabel(/^1 Pilotage, impulsion et organisation/).fill('3');
    await page.getByLabel(/^1 Pilotage, impulsion et organisation/).press('Tab');
    await expect.poll(() => rowOf(page, /Données : Grille Occitanie : niveau moyen/, /1 Pilotage/).textContent()).toMatch(/2\s*3$/);

    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  }, 180_000);
});

describe('progress', () => {
  it('overlays two campaigns on the radars and gives the change on each axis, offline', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    await waitForServiceWorker(page);
    const pages = new CampaignPages(page, served.url);
    const occitanie = ['Grille de maturité Occitanie'];
    await new HomePage(page).fillCampaign('État initial', '2025-10-01', occitanie);
    await page.waitForURL(/#\/campagnes\//);
    await answerWithKeys(page, pages, pages.campaignId(), 'occitanie.s1', ['1', '0']);
    await page.goto(`${served.url}#/`);
    await new HomePage(page).fillCampaign('Réévaluation', '2026-10-01', occitanie, 'État initial (1 octobre 2025)');
    await page.waitForURL(/#\/campagnes\//);
    // Carried over: 1 and 0; the group now answers 3 and 2, and adds a third criterion.
    await answerWithKeys(page, pages, pages.campaignId(), 'occitanie.s1', ['3', '2', '1']);

    await app.context.setOffline(true);
    await page.goto(`${served.url}#/progres`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mesure des progrès entre campagnes' }).waitFor();
    const row = rowOf(page, /Grille Occitanie : évolution/, /1 Pilotage/);
    await expect.poll(() => row.textContent()).toMatch(/0,5.*2.*\+1,5/);
    expect(await row.textContent()).toContain('réponses prises en compte différentes (2 puis 3 sur 5)');
    // The radar is drawn (pixels on the canvas), with its summary as the accessible name.
    await page.waitForFunction(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-chart="progres-occitanie"]');
      const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      return data !== undefined && data.some((v, i) => i % 4 === 3 && v > 0);
    });
    const trend = page.locator('figure', { has: page.locator('canvas[data-chart="evolution-occitanie"]') });
    // Area 1 gained a third answer: its change is shown, but not summarised as a like-for-like progress.
    expect(await trend.locator('.chart-canvas').getAttribute('aria-label')).toBe(
      'Évolution de la grille Occitanie : aucun axe comparable d’une campagne à l’autre ; 5 axes à comparer avec prudence ou sans comparaison possible.',
    );
    expect(await rowOf(page, /Données : Évolution de la grille Occitanie/, /Réévaluation/).textContent()).toMatch(/^Réévaluation.*2/);
    expect(await page.locator('.chart-canvas[role="img"]').first().getAttribute('aria-label')).toMatch(/plus forte progression « 1 Pilotage, impulsion et organisation » \(\+1,5 sur 3/);
    // The answers of both campaigns as a spreadsheet: BOM, semicolons, accents, one row per item and campaign.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter les réponses (CSV)' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows).toHaveLength(1 + 2 * 19);
    expect(rows.filter((r) => r[4] === 'occitanie.1.1').map((r) => [r[0], r[6]])).toEqual([
      ['État initial', 'niveau 1'],
      ['Réévaluation', 'niveau 3'],
    ]);
    expect(download.suggestedFilename()).toBe('diagnum-campagnes-reponses.csv');

    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  }, 120_000);
});

describe('the printed report', () => {
  it('prints a two-campaign report to A4 PDF: cover, summary with progress, answers, label grid, action plan', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const home = new HomePage(page);
    await home.saveSchool('Lycée Jean Jaurès', '0341234A', 'Montpellier');
    const pages = new CampaignPages(page, served.url);
    await home.fillCampaign('État initial', '2025-10-01');
    await page.waitForURL(/#\/campagnes\//);
    await answerWithKeys(page, pages, pages.campaignId(), 'occitanie.s1', ['1', '1']);
    await page.goto(`${served.url}#/`);
    await home.fillCampaign('Réévaluation', '2026-10-01', undefined, 'État initial (1 octobre 2025)');
    await page.waitForURL(/#\/campagnes\//);
    const id = pages.campaignId();
    await answerWithKeys(page, pages, id, 'occitanie.s1', ['3', '2']);
    await answerWithKeys(page, pages, id, 'dgesco2010.s3.3.1', ['1', '2', '1']);
    await pages.openCampaign(id);
    await page.getByLabel('Nom d’un membre du groupe').fill('Mme Martin');
    await page.getByRole('button', { name: 'Ajouter' }).click();
    await page.locator('.member-list').waitFor();
    await pages.openSection(id, 'occitanie.s1');
    await pages.card('occitanie.1.1').getByText('Commentaire et source').click();
    await pages.input('occitanie.1.1-comment').fill('Commentaire confidentiel');
    await pages.saved('occitanie.1.1');
    await page.goto(`${served.url}#/campagnes/${id}/resultats`);
    await page.getByLabel('Objectif').fill('Former l’équipe à l’ENT');
    await page.getByRole('button', { name: 'Ajouter l’action' }).click();
    await page.locator('#plan-actions tbody tr').first().waitFor();

    await page.goto(`${served.url}#/campagnes/${id}/rapport`);
    await page.waitForFunction(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-chart="rapport-profil"]');
      const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      return data !== undefined && data.some((v, i) => i % 4 === 3 && v > 0);
    });
    await page.getByText('Former l’équipe à l’ENT').waitFor();
    await page.emulateMedia({ media: 'print' });
    const text = await page.locator('main').innerText();
    for (const expected of ['Lycée Jean Jaurès', 'Réévaluation', 'Comparé à : État initial', 'Mme Martin', 'Commentaire confidentiel', 'Points forts', '66,7', 'Progrès (grille Occitanie)', '+1,5', 'Niveau atteint', 'Grille du label', 'Former l’équipe à l’ENT']) {
      expect(text, expected).toContain(expected);
    }
    expect(await page.getByRole('button', { name: /Imprimer/ }).isVisible()).toBe(false);
    // The summary holds on one A4 page: laid out at the printed width (186 mm between margins),
    // it is no taller than the printed height (297 mm less 33 mm of margins).
    const mm = 96 / 25.4;
    await page.setViewportSize({ width: Math.floor(186 * mm), height: 900 });
    const summaryHeight = await page.locator('.report-summary').evaluate((el) => el.getBoundingClientRect().height);
    expect(summaryHeight).toBeLessThanOrEqual(264 * mm);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const pageCount = pdfPageCount(pdf);
    // Cover, summary, then the answers, the label grid and the plan following one another.
    expect(pageCount).toBeGreaterThanOrEqual(6);
    expect(pdfToPngs(pdf, 'rapport')).toHaveLength(pageCount);
    // No page but the cover and the last is mostly empty.
    const lines = pdfPageLines(pdf);
    const sparse = lines.flatMap((n, i) => (i > 0 && i < lines.length - 1 && n < 8 ? [`page ${i + 1}: ${n} lines`] : []));
    expect(sparse).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });

    // The public sheet: one page, the profile, the progress and the label level; no name, no comment.
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${served.url}#/campagnes/${id}/fiche-publique`);
    await page.locator('canvas[data-chart="fiche-profil"]').waitFor();
    await page.emulateMedia({ media: 'print' });
    const sheet = await page.locator('main').innerText();
    expect(sheet).toContain('Lycée Jean Jaurès');
    expect(sheet).toContain('+1,5');
    expect(sheet).toMatch(/Label « Lycée numérique » : aucun niveau atteint/);
    expect(sheet).not.toContain('Mme Martin');
    expect(sheet).not.toContain('Commentaire confidentiel');
    expect(sheet).not.toContain('Former l’équipe');
    const sheetPdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdfPageCount(sheetPdf)).toBe(1);
    expect(pdfToPngs(sheetPdf, 'fiche-publique')).toHaveLength(1);

    // The label application sheet: the grid as in the call, each block copied as text to paste.
    await page.emulateMedia({ media: 'screen' });
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${served.url}#/campagnes/${id}/resultats`);
    await page.getByRole('link', { name: 'Candidature au label (grille à copier)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Grille du label « Lycée numérique »' }).waitFor();
    for (const block of ['A', 'B', 'C.1', 'C.2', 'D']) {
      expect(await page.locator('caption', { hasText: new RegExp(`^\\s*${block.replace('.', '\\.')} `) }).count(), block).toBe(1);
    }
    await page.getByRole('button', { name: 'Copier le bloc A' }).click();
    await page.getByRole('status').filter({ hasText: 'Le bloc A copié' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^A /);
    expect(copied).toContain('A.1 ');
    expect(copied).toContain('Réponse : non renseigné');
    expect(copied).toMatch(/Manque pour le niveau 1 : /);
    expect(copied).not.toContain('B.1 ');
    await page.emulateMedia({ media: 'print' });
    const labelPdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const labelPages = pdfPageCount(labelPdf);
    expect(pdfToPngs(labelPdf, 'candidature-label')).toHaveLength(labelPages);
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  }, 180_000);
});
