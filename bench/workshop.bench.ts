// The workshop's two speeds: rendering the largest section, and an input's way to its committed
// save ("Enregistré" shown only after the transaction's complete). Median and 95th percentile,
// unthrottled and at 4× CPU slowdown (a modest school laptop); budgets from issue 3.
import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, assertBuilt, launch, openApp } from '../tests/e2e/support/browser';
import { serveDirectory } from '../tests/e2e/support/static-server';
import { HomePage } from '../tests/e2e/pages/home-page';
import { CampaignPages } from '../tests/e2e/pages/campaign-pages';
import { documentSections } from '../src/domain/completion';
import { referentiels } from '../src/referentiels';
import { median, percentile, printMeasures, type Measure } from './report';

const RENDERS = 20;
const SAVES = 60;

/** The section with the most answer controls (the 3.3.4 matrix has 30 selects; C.2 has 18 items). */
function largestSection() {
  const sections = referentiels.flatMap((r) => documentSections(r));
  const weight = (s: (typeof sections)[number]) =>
    s.items.reduce((n, i) => n + (i.kind === 'service-matrix' ? i.services.length * i.statements.length : 1), 0);
  return sections.reduce((a, b) => (weight(b) > weight(a) ? b : a));
}

async function timeSectionRender(page: Page, campaignId: string, sectionId: string, cards: number): Promise<number> {
  await page.evaluate((hash) => (location.hash = hash), `#/campagnes/${campaignId}`);
  await page.getByRole('heading', { name: 'Avancement' }).waitFor();
  return page.evaluate(
    async ({ hash, cards }) => {
      const start = performance.now();
      location.hash = hash;
      await new Promise<void>((resolve) => {
        const check = () => (document.querySelectorAll('.item-card').length >= cards ? resolve() : requestAnimationFrame(check));
        check();
      });
      // Until the frame that shows it has been painted.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
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

describe('the workshop', () => {
  it('measures section render and save latency', async () => {
    assertBuilt();
    const section = largestSection();
    const controls = section.items.reduce((n, i) => n + (i.kind === "service-matrix" ? i.services.length * i.statements.length : 1), 0);
    const server = await serveDirectory(DIST);
    const browser = await launch();
    const measures: Measure[] = [];
    for (const slowdown of [1, 4]) {
      const app = await openApp(browser, server.url);
      const { page } = app;
      await new HomePage(page).fillCampaign('Bench', '2026-10-05');
      await page.waitForURL(/#\/campagnes\//);
      const campaignId = new CampaignPages(page, server.url).campaignId();
      const cdp = await app.context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });

      const renders: number[] = [];
      for (let i = 0; i < RENDERS; i++) renders.push(await timeSectionRender(page, campaignId, section.id, section.items.length));

      await new CampaignPages(page, server.url).openSection(campaignId, 'dgesco2010.s3.1');
      const saves: number[] = [];
      const shown: number[] = [];
      for (let i = 0; i < SAVES; i++) {
        const timing = await timeSave(page, 'dgesco2010.3.1.teachers', String(40 + (i % 2)));
        saves.push(timing.committed);
        shown.push(timing.shown);
        await page.waitForTimeout(150); // a person types a figure, then the next one: saves do not queue up

      }
      await app.context.close();

      const label = slowdown === 1 ? 'unthrottled' : `${slowdown}× CPU slowdown`;
      measures.push(
        { name: `render ${section.code} (${controls} answer controls), median, ${label}`, value: median(renders), unit: 'ms' },
        { name: `render ${section.code}, p95, ${label}`, value: percentile(renders, 95), unit: 'ms', budget: { max: 100 } },
        { name: `input → committed save, median, ${label}`, value: median(saves), unit: 'ms' },
        { name: `input → committed save, p95, ${label}`, value: percentile(saves, 95), unit: 'ms', budget: { max: 30 } },
        { name: `input → "Enregistré" on screen, p95, ${label}`, value: percentile(shown, 95), unit: 'ms' },
      );
    }
    await browser.close();
    await server.stop();
    printMeasures(`Diagnum bench: workshop (${RENDERS} renders, ${SAVES} saves per setting)`, measures);
  });
});
