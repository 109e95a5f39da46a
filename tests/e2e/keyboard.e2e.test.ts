// A whole DGESCO campaign answered with the keyboard alone: Tab, Space, digits, arrows, Enter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, useBuiltApp } from './support/browser';
import { storedAnswers } from './support/idb';
import { HomePage } from './pages/home-page';
import { CampaignPages } from './pages/campaign-pages';

const served = useBuiltApp({ beforeAll, afterAll });

interface Focused {
  tag: string;
  type: string;
  id: string;
  inputmode: string;
  inCard: boolean;
  nextSection: boolean;
  sectionNav: boolean;
  checkedInGroup: boolean;
  /** The first word of a blank cell of the 3.3.4 table. */
  blankCell: boolean;
  body: boolean;
}

function describeFocus(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const input = el instanceof HTMLInputElement ? el : undefined;
    const nav = el?.closest('.section-nav');
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      type: input?.type ?? '',
      id: el?.id ?? '',
      inputmode: el?.getAttribute('inputmode') ?? '',
      inCard: Boolean(el?.closest('[data-item]')),
      nextSection: Boolean(nav && el?.textContent?.trim().endsWith('→')),
      sectionNav: Boolean(nav),
      checkedInGroup: Boolean(
        input?.type === 'radio' && document.querySelector(`input[type=radio][name="${CSS.escape(input.name)}"]:checked`),
      ),
      blankCell: Boolean(el?.matches('.cell-choice > button:first-child') && !el.parentElement?.querySelector('[aria-pressed="true"]')),
      body: el === document.body || el === null,
    };
  });
}

describe('the keyboard alone', () => {
  it('answers every item of a DGESCO campaign, moving from section to section, never losing the focus', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    await new HomePage(page).fillCampaign('Au clavier', '2026-10-05', ['Référentiel DGESCO 2010']);
    await page.waitForURL(/#\/campagnes\//);
    const pages = new CampaignPages(page, served.url);
    const campaignId = pages.campaignId();
    await pages.openSection(campaignId, 'dgesco2010.s3.1');
    await page.locator('main').focus();

    let sections = 1;
    let before: Focused | undefined;
    for (let presses = 0; presses < 4000; presses++) {
      await page.keyboard.press('Tab');
      const focus = await describeFocus(page);
      expect(focus.body, `the focus never falls back to the page (it was on ${JSON.stringify(before)})`).toBe(false);
      before = focus;
      if (focus.sectionNav) {
        if (!focus.nextSection) continue;
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'contenu');
        await page.locator('.item-card').first().waitFor();
        sections++;
        continue;
      }
      if (!focus.inCard) {
        if (sections === 14 && focus.tag === 'textarea') break; // the last section's analysis note
        continue;
      }
      if (focus.tag === 'input' && focus.inputmode === 'numeric') {
        const figure = focus.id.startsWith('dgesco2010.3.1.');
        await page.keyboard.type(figure ? '100' : '1');
      } else if (focus.tag === 'input' && focus.inputmode === 'decimal') {
        await page.keyboard.type('50');
      } else if (focus.tag === 'input' && focus.type === 'date') {
        await page.keyboard.type('05102026');
      } else if (focus.tag === 'input' && focus.type === 'radio' && !focus.checkedInGroup) {
        await page.keyboard.press('Space');
        // "Oui" opens the "Si oui, ..." question below: a person sees it appear before moving on.
        await page.waitForFunction(() => {
          const li = document.activeElement?.closest('li');
          const opens = (document.activeElement as HTMLInputElement).value === 'yes' && li?.nextElementSibling?.querySelector('.skipped');
          return !opens;
        });
      } else if (focus.tag === 'input' && focus.type === 'checkbox' && !focus.id && (await page.evaluate(() => !!document.activeElement?.closest('.checklist')))) {
        await page.keyboard.press('Space');
      } else if (focus.blankCell) {
        await page.keyboard.press('Space');
      } else if (focus.tag === 'textarea' && focus.id.endsWith('-input')) {
        await page.keyboard.type('Réponse libre');
      }
    }
    expect(sections).toBe(14);

    await pages.openCampaign(campaignId);
    await expect.poll(() => pages.overallProgress()).toMatch(/^(\d+) \/ \1 répondus$/);
    expect(await page.getByRole('heading', { name: 'Questions sans réponse (0)' }).count()).toBe(1);
    const answers = await storedAnswers(page);
    // The order of day and month in a date field follows the browser's own locale.
    expect(answers.find((a) => a.itemId === 'dgesco2010.3.1.date')?.value).toEqual({ kind: 'date', value: expect.stringMatching(/^2026-(10-05|05-10)$/) });
    expect(answers.find((a) => a.itemId === 'dgesco2010.3.6.1.h1')?.value).toEqual({
      kind: 'usage-counts', never: 1, occasionally: 1, regularly: 1,
    });
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  }, 600_000);

  it('"Effacer la réponse" pressed from the keyboard clears the answer and leaves the focus on the question', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    await new HomePage(page).fillCampaign('Effacer', '2026-10-05', ['Référentiel DGESCO 2010']);
    await page.waitForURL(/#\/campagnes\//);
    const pages = new CampaignPages(page, served.url);
    const campaignId = pages.campaignId();
    await pages.openSection(campaignId, 'dgesco2010.s3.1');
    const card = pages.card('dgesco2010.3.1.students');
    await card.getByRole('textbox').first().fill('250');
    const erase = card.getByRole('button', { name: /^Effacer la réponse/ });
    await erase.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await storedAnswers(page)).some((a) => a.itemId === 'dgesco2010.3.1.students' && a.value !== null)).toBe(false);
    await expect.poll(() => describeFocus(page)).toMatchObject({ body: false, inCard: true, tag: 'input' });
    expect(await card.getByRole('textbox').first().inputValue()).toBe('');
    await app.context.close();
  });
});
