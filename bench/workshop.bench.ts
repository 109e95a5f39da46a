// The workshop's two speeds: rendering a section, and an input's way to its committed save
// ("Enregistré" shown only after the transaction's complete). Median and 95th percentile, at 4×
// CPU slowdown (Chromium's CPU throttling: a modest school laptop, where the budgets of issue 11
// apply) and unthrottled (for reference). Sections: the largest by answer controls (the 3.3.4
// matrix), the one with the most question cards (C.2) and the one with the most mixed inputs (3.6.3).
// Saves: in an empty campaign and in one answered throughout (a reference figure of 3.1, whose
// save reads the answers counted against it), beside the same reads and write on IndexedDB alone,
// with and without the frame that paints the typed figure.
import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, assertBuilt, launch, openApp } from '../tests/e2e/support/browser';
import { serveDirectory } from '../tests/e2e/support/static-server';
import { HomePage } from '../tests/e2e/pages/home-page';
import { CampaignPages } from '../tests/e2e/pages/campaign-pages';
import { documentSections } from '../src/domain/completion';
import { itemsOf, referentiels } from '../src/referentiels';
import type { Section } from '../src/referentiels/kinds';
import { budgetAt, BUDGETED_RATE, CPU_RATES, median, percentile, printMeasures, rateLabel, type Measure } from './report';
import { fullCampaignAnswers, storeAnswers } from './plausible-answers';

const RENDERS = 20;
const SAVES = 60;
const RENDER_BUDGET = 100;
const SAVE_BUDGET = 30;

const sections = referentiels.flatMap((r) => documentSections(r));
const controlsOf = (s: Section) => s.items.reduce((n, i) => n + (i.kind === 'service-matrix' ? i.services.length * i.statements.length : 1), 0);
const maxBy = (score: (s: Section) => number) => sections.reduce((a, b) => (score(b) > score(a) ? b : a));
/** The largest section by answer controls (the 3.3.4 matrix: 30 selects in one card), by cards (C.2: 18), and 3.6.3 (16 mixed). */
function sectionsToRender(): Section[] {
  const picked = [maxBy(controlsOf), maxBy((s) => s.items.length), sections.find((s) => s.id === 'dgesco2010.s3.6.3')];
  return [...new Set(picked.filter((s): s is Section => s !== undefined))];
}

async function createCampaign(page: Page, name: string): Promise<string> {
  await page.evaluate(() => (location.hash = '#/'));
  await new HomePage(page).fillCampaign(name, '2026-10-05', undefined, 'Aucune : partir de zéro');
  await page.waitForURL(/#\/campagnes\//);
  return /#\/campagnes\/([A-Za-z0-9-]+)/.exec(page.url())![1]!;
}

async function timeSectionRender(page: Page, campaignId: string, sectionId: string, cards: number): Promise<number> {
  await page.evaluate((hash) => (location.hash = hash), `#/campagnes/${campaignId}`);
  await page.getByRole('heading', { name: 'Avancement' }).waitFor();
  return page.evaluate(
    async ({ hash, cards }) => {
      const start = performance.now();
      location.hash = hash;
      // Until the frame that shows it has been painted: the cards are looked for at the start of
      // each frame (an animation frame callback), and a task queued from there runs once that
      // frame is painted. (Queuing another animation frame from there waited for the next frame.)
      await new Promise<void>((resolve) => {
        const check = () => (document.querySelectorAll('.item-card').length >= cards ? setTimeout(resolve) : requestAnimationFrame(check));
        requestAnimationFrame(check);
      });
      return performance.now() - start;
    },
    { hash: `#/campagnes/${campaignId}/sections/${sectionId}`, cards },
  );
}

/** From the input event to the committed transaction (the app's own performance measure), and to "Enregistré" on screen. */
async function timeSave(page: Page, itemId: string, text: string): Promise<{ committed: number; shown: number }> {
  return page.evaluate(
    ({ itemId, text }) =>
      new Promise<{ committed: number; shown: number }>((resolve) => {
        const card = document.querySelector(`[data-item="${itemId}"]`)!;
        const input = card.querySelector<HTMLInputElement>('input.count')!;
        let start = 0;
        const observer = new MutationObserver((records) => {
          for (const r of records) {
            for (const node of r.addedNodes) {
              if (node instanceof HTMLElement && node.matches('.saved')) {
                observer.disconnect();
                const shown = performance.now() - start;
                const measure = performance.getEntriesByName('diagnum:save-answer').at(-1) as PerformanceMeasure;
                resolve({ committed: measure.startTime + measure.duration - start, shown });
                return;
              }
            }
          }
        });
        observer.observe(card, { childList: true, subtree: true });
        input.focus();
        start = performance.now();
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    { itemId, text },
  );
}

async function timeSaves(page: Page, appUrl: string, campaignId: string, base: number) {
  await new CampaignPages(page, appUrl).openSection(campaignId, 'dgesco2010.s3.1');
  const committed: number[] = [];
  const shown: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const timing = await timeSave(page, 'dgesco2010.3.1.teachers', String(base + (i % 2)));
    committed.push(timing.committed);
    shown.push(timing.shown);
    await page.waitForTimeout(150); // a person types a figure, then the next one: saves do not queue up
  }
  return { committed, shown };
}

/**
 * The floors under a save: the same reads and write straight on IndexedDB (the stored answer put
 * back unchanged), without Dexie, zod or the page's updates. "bare" touches nothing on screen;
 * "painted" first changes the figure shown in the field, as a keystroke does, so that the frame
 * painting it falls where it falls in a real save (between the reads and their answer). Taken in
 * turns, for reference: what the platform costs, and what the app adds.
 */
async function timeRawSaves(page: Page, campaignId: string, itemId: string): Promise<{ bare: number[]; painted: number[] }> {
  const figure = referentiels.flatMap(itemsOf).find((i) => i.id === itemId);
  const counted = referentiels
    .flatMap(itemsOf)
    .filter((i) => figure?.kind === 'reference-figure' && (i.kind === 'usage-counts' || (i.kind === 'count' && i.bounded)) && i.of === figure.figure)
    .map((i) => i.id);
  return page.evaluate(
    async ({ campaignId, itemId, counted, saves }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('diagnum');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const input = document.querySelector<HTMLInputElement>(`[data-item="${itemId}"] input.count`)!;
      input.focus();
      const times = { bare: [] as number[], painted: [] as number[] };
      for (let i = 0; i < saves * 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        const painted = i % 2 === 1;
        const start = performance.now();
        if (painted) input.value = String(i); // no input event: the app saves nothing
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['campaigns', 'answers'], 'readwrite');
          const campaign = tx.objectStore('campaigns').get(campaignId);
          const answer = tx.objectStore('answers').get([campaignId, itemId]);
          // The counts checked against the figure; requests answer in order, so the last read
          // answers once all have.
          const last = counted.map((id) => tx.objectStore('answers').get([campaignId, id])).at(-1) ?? answer;
          last.onsuccess = () => {
            if (campaign.result && answer.result) tx.objectStore('answers').put(answer.result);
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        times[painted ? 'painted' : 'bare'].push(performance.now() - start);
      }
      db.close();
      return times;
    },
    { campaignId, itemId, counted, saves: SAVES },
  );
}

describe('the workshop', () => {
  it('measures section render and save latency', async () => {
    assertBuilt();
    const server = await serveDirectory(DIST);
    const browser = await launch();
    const measures: Measure[] = [];
    for (const slowdown of CPU_RATES) {
      const app = await openApp(browser, server.url);
      const { page } = app;
      const full = await createCampaign(page, 'Bench remplie');
      await storeAnswers(page, fullCampaignAnswers(full));
      const empty = await createCampaign(page, 'Bench');
      const cdp = await app.context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });

      const label = rateLabel(slowdown);
      const budget = (max: number) => budgetAt(slowdown, max);
      for (const section of sectionsToRender()) {
        // The first opening also fetches and compiles the screen's code (its fields' kinds): printed
        // on its own, out of the renders measured against the budget.
        const first = await timeSectionRender(page, empty, section.id, section.items.length);
        const renders: number[] = [];
        for (let i = 0; i < RENDERS; i++) renders.push(await timeSectionRender(page, empty, section.id, section.items.length));
        const what = `render ${section.code} (${section.items.length} cards, ${controlsOf(section)} controls)`;
        measures.push(
          { name: `${what}, first opening, ${label}`, value: first, unit: 'ms' },
          { name: `${what}, median, ${label}`, value: median(renders), unit: 'ms' },
          { name: `${what}, p95, ${label}`, value: percentile(renders, 95), unit: 'ms', ...budget(RENDER_BUDGET) },
        );
      }
      // The same largest section in the campaign answered throughout.
      const largest = maxBy(controlsOf);
      const renders: number[] = [];
      for (let i = 0; i < RENDERS; i++) renders.push(await timeSectionRender(page, full, largest.id, largest.items.length));
      measures.push({ name: `render ${largest.code}, answered campaign, p95, ${label}`, value: percentile(renders, 95), unit: 'ms', ...budget(RENDER_BUDGET) });

      const saves = await timeSaves(page, server.url, empty, 40);
      measures.push(
        { name: `input → committed save, median, ${label}`, value: median(saves.committed), unit: 'ms' },
        { name: `input → committed save, p95, ${label}`, value: percentile(saves.committed, 95), unit: 'ms', ...budget(SAVE_BUDGET) },
        { name: `input → "Enregistré" on screen, p95, ${label}`, value: percentile(saves.shown, 95), unit: 'ms' },
      );
      const raw = await timeRawSaves(page, empty, 'dgesco2010.3.1.teachers');
      measures.push(
        { name: `IndexedDB alone, same reads and write, median, ${label}`, value: median(raw.bare), unit: 'ms' },
        { name: `IndexedDB alone, same reads and write, p95, ${label}`, value: percentile(raw.bare, 95), unit: 'ms' },
        { name: `IndexedDB alone after the typed figure is painted, median, ${label}`, value: median(raw.painted), unit: 'ms' },
        { name: `IndexedDB alone after the typed figure is painted, p95, ${label}`, value: percentile(raw.painted, 95), unit: 'ms' },
      );
      // In a campaign answered throughout: typed figures stay above the 90 counted against them.
      const fullSaves = await timeSaves(page, server.url, full, 1000);
      measures.push(
        { name: `input → committed save, answered campaign, median, ${label}`, value: median(fullSaves.committed), unit: 'ms' },
        { name: `input → committed save, answered campaign, p95, ${label}`, value: percentile(fullSaves.committed, 95), unit: 'ms', ...budget(SAVE_BUDGET) },
        { name: `input → "Enregistré", answered campaign, p95, ${label}`, value: percentile(fullSaves.shown, 95), unit: 'ms' },
      );
      await app.context.close();
    }
    await browser.close();
    await server.stop();
    printMeasures(`Diagnum bench: workshop (${RENDERS} renders, ${SAVES} saves per setting; budgets at ${BUDGETED_RATE}× CPU slowdown)`, measures);
  });
});
