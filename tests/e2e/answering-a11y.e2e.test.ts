// Every answering screen: no axe violation (WCAG 2 A and AA), radio groups named by the item's
// official wording (RGAA 11.5-11.7), and no horizontal scrolling on a 1366×768 laptop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { openApp, useBuiltApp } from './support/browser';
import { HomePage } from './pages/home-page';
import { CampaignPages } from './pages/campaign-pages';
import { findItem, referentiels } from '../../src/referentiels';
import { documentSections } from '../../src/domain/completion';

const served = useBuiltApp({ beforeAll, afterAll });

async function axeViolations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Radio groups whose fieldset legend does not carry the item's wording. */
function unnamedRadioGroups(page: Page): Promise<Array<{ itemId: string; legend: string }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-item]')]
      .filter((card) => card.querySelector('input[type=radio]'))
      .map((card) => ({
        itemId: card.dataset.item!,
        legend: card.querySelector('input[type=radio]')?.closest('fieldset')?.querySelector('legend')?.textContent ?? '',
      })),
  );
}

describe('answering screens', () => {
  it('have no axe violation, name each radio group by its item, and fit 1366 px, in every state', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    await new HomePage(page).fillCampaign('Accessibilité', '2026-10-05');
    await page.waitForURL(/#\/campagnes\//);
    const pages = new CampaignPages(page, served.url);
    const id = pages.campaignId();
    const violations: string[] = [];
    const legends: string[] = [];
    const tooWide: string[] = [];

    await page.getByLabel('Nom d’un membre du groupe').fill('Mme Martin');
    await page.getByRole('button', { name: 'Ajouter' }).click();
    await page.locator('.member-list').waitFor();
    violations.push(...(await axeViolations(page, 'campaign')));

    for (const referentiel of referentiels) {
      for (const section of documentSections(referentiel)) {
        await pages.openSection(id, section.id);
        violations.push(...(await axeViolations(page, section.id)));
        for (const group of await unnamedRadioGroups(page)) {
          const text = findItem(group.itemId)!.item.text;
          if (!group.legend.includes(text)) legends.push(`${group.itemId}: « ${group.legend} »`);
        }
        const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
        if (width > 1366) tooWide.push(`${section.id}: ${width}px`);
      }
    }

    // States: an error shown, an open comment, a carried-over answer, the workshop mode.
    await pages.openSection(id, 'dgesco2010.s3.6.1');
    await pages.input('dgesco2010.3.6.1.h1-never').fill('-1');
    await pages.errorOf('dgesco2010.3.6.1.h1').first().waitFor();
    await pages.card('dgesco2010.3.6.1.h1').getByText('Commentaire et source').click();
    violations.push(...(await axeViolations(page, 'error shown')));
    await pages.openSection(id, 'occitanie.s2', true);
    violations.push(...(await axeViolations(page, 'workshop')));

    expect(violations).toEqual([]);
    expect(legends).toEqual([]);
    expect(tooWide).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  }, 300_000);
});
