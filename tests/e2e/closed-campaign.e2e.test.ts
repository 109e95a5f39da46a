// A closed campaign is closed: every control that writes is read-only with the reason, on every
// screen of the campaign, and "Rouvrir la campagne" gives them back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openApp, useBuiltApp } from './support/browser';
import { dumpDatabase } from './support/idb';
import { HomePage } from './pages/home-page';
import { CampaignPages } from './pages/campaign-pages';

const served = useBuiltApp({ beforeAll, afterAll });
const ALL = ['Référentiel DGESCO 2010', 'Grille de maturité Occitanie', 'Label Lycée numérique'];

/** The form controls of a region that the person could use now (a disclosure only shows or hides: it writes nothing). */
async function enabledControls(region: Locator): Promise<string[]> {
  return region
    .locator('input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]):not([aria-expanded])')
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.id ?? el.textContent ?? el.tagName));
}

/** Every region of the three screens where the campaign is written. */
function writingRegions(page: Page) {
  return {
    campaign: [page.locator('.members'), page.locator('table.sections')],
    section: [page.locator('.item-cards'), page.locator('.section-note')],
    results: [page.locator('.targets'), page.locator('#plan-actions')],
    survey: [page.locator('section.survey')],
  };
}

async function enabledIn(regions: Locator[]): Promise<string[]> {
  return (await Promise.all(regions.map(enabledControls))).flat();
}

describe('a closed campaign', () => {
  it('shows every writing control read-only with the reason, refuses nothing silently, and reopening restores them', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    await new HomePage(page).fillCampaign('État initial 2026', '2026-10-05', ALL, 'Aucune : partir de zéro');
    await page.waitForURL(/#\/campagnes\//);
    const pages = new CampaignPages(page, served.url);
    const id = pages.campaignId();
    const regions = writingRegions(page);

    // Open: a member, and the controls are there to use.
    await page.getByLabel('Nom d’un membre du groupe').fill('Mme Martin');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.getByRole('list', { name: 'Membres du groupe' }).getByText('Mme Martin').waitFor();
    expect((await enabledIn(regions.campaign)).length).toBeGreaterThan(3);

    await page.getByRole('button', { name: 'Clôturer la campagne' }).click();
    const notice = page.getByRole('note').filter({ hasText: 'Cette campagne est clôturée' });
    await notice.waitFor();
    expect(await enabledIn(regions.campaign)).toEqual([]);
    const before = await dumpDatabase(page);

    await pages.openSection(id, 'dgesco2010.s3.1');
    await notice.waitFor();
    // The round before consensus opens, read-only too.
    await pages.card('dgesco2010.3.1.teachers').getByRole('button', { name: /^Tour de table/ }).click();
    await pages.card('dgesco2010.3.1.teachers').locator('.positions-round').waitFor();
    expect(await enabledIn(regions.section)).toEqual([]);
    expect(await notice.getByRole('button', { name: 'Rouvrir la campagne' }).isEnabled()).toBe(true);

    await page.goto(`${served.url}#/campagnes/${id}/questionnaire`);
    await notice.waitFor();
    expect(await enabledIn(regions.survey)).toEqual([]);

    await page.goto(`${served.url}#/campagnes/${id}/resultats`);
    await notice.waitFor();
    await page.locator('.targets summary').first().click();
    expect(await enabledIn(regions.results)).toEqual([]);
    expect(await dumpDatabase(page), 'looking changed nothing').toBe(before);

    // The way back is on the screen where the group is.
    await notice.getByRole('button', { name: 'Rouvrir la campagne' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    expect((await enabledIn(regions.results)).length).toBeGreaterThan(3);
    await pages.openSection(id, 'dgesco2010.s3.1');
    await pages.input('dgesco2010.3.1.teachers-input').fill('42');
    await pages.saved('dgesco2010.3.1.teachers');
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  }, 60_000);
});
