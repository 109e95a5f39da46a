// The year-to-year loop (issue 13): the changed-answers diff of two full campaigns (pure, in
// Node), and the progress page over a ten-year history in Chromium, at 4× CPU slowdown (a school
// laptop) and unthrottled. Budgets: diff ≤ 20 ms; progress page p95 ≤ 200 ms at 4×.
import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, assertBuilt, launch, openApp } from '../tests/e2e/support/browser';
import { serveDirectory } from '../tests/e2e/support/static-server';
import { BackupsPage } from '../tests/e2e/pages/backups-page';
import { backupOf, buildHistory } from '../tests/fixtures/history';
import { serializeFile } from '../src/domain/transfer/build';
import { answerLookup } from '../src/domain/completion';
import { answerChanges } from '../src/domain/progress/answer-changes';
import { pairProgress, readCampaignData } from '../src/domain/progress/compare';
import { budgetAt, BUDGETED_RATE, CPU_RATES, type Measure, median, percentile, printMeasures, rateLabel } from './report';

const PAGE_BUDGET = 200;
const DIFF_BUDGET = 20;
const RUNS = 15;

/**
 * From the home page to the progress page's first screen painted (the choices, then DGESCO), read
 * from the browser's own paint time of that part (Element Timing); the sections below follow when
 * the browser is idle and are timed apart, to the changed answers painted.
 */
function timeProgressPage(page: Page): Promise<number> {
  return page.evaluate(async (identifier) => {
    location.hash = '#/';
    await new Promise<void>((resolve) => {
      const check = () => (document.querySelector('#campagnes-titre') ? resolve() : requestAnimationFrame(check));
      check();
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const painted = new Promise<number>((resolve) => {
      const observer = new PerformanceObserver((list) => {
        const entry = list.getEntries().find((e) => (e as PerformanceEntry & { identifier: string }).identifier === identifier);
        if (entry) {
          observer.disconnect();
          resolve((entry as PerformanceEntry & { renderTime: number }).renderTime);
        }
      });
      observer.observe({ type: 'element', buffered: false });
    });
    const start = performance.now();
    location.hash = '#/progres';
    return (await painted) - start;
  }, 'progres-dgesco');
}

/** From the home page to every section of the progress page in the page (the last, the changed answers, included) and a frame painted. */
function timeWholePage(page: Page): Promise<number> {
  return page.evaluate(async () => {
    location.hash = '#/';
    await new Promise<void>((resolve) => {
      const check = () => (document.querySelector('#campagnes-titre') ? resolve() : requestAnimationFrame(check));
      check();
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const start = performance.now();
    location.hash = '#/progres';
    await new Promise<void>((resolve) => {
      const check = () => (document.querySelector('#reponses-changees') ? resolve() : requestAnimationFrame(check));
      check();
    });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    return performance.now() - start;
  });
}

/** With nine campaigns chosen, checking the tenth: every chart, table and the diff redrawn. */
function timeTenth(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const boxes = [...document.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')];
    for (const box of boxes.slice(0, -1)) if (!box.checked) box.click();
    const last = boxes.at(-1)!;
    if (last.checked) last.click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const rows = () => document.querySelectorAll('#progres-label-title ~ .table-scroll tbody tr').length;
    const start = performance.now();
    last.click();
    await new Promise<void>((resolve) => {
      const check = () => (rows() === boxes.length ? resolve() : requestAnimationFrame(check));
      check();
    });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    return performance.now() - start;
  });
}

describe('progress', () => {
  it('measures the diff of two full campaigns and the progress page over ten years', async () => {
    assertBuilt();
    const history = buildHistory({ campaigns: 10, firstYear: 2017 });
    const data = history.campaigns.map((campaign) => ({
      campaign,
      answers: history.answers.filter((a) => a.campaignId === campaign.id),
      actions: history.actions.filter((a) => a.campaignId === campaign.id),
    }));
    const sides = [data[0]!, data.at(-1)!].map((d) => ({ answers: answerLookup(d.answers), documents: d.campaign.documents, assignments: d.campaign.assignments }));
    const diffs: number[] = [];
    const pairs: number[] = [];
    for (let i = 0; i < 200; i++) {
      let start = performance.now();
      answerChanges(sides[0]!, sides[1]!);
      diffs.push(performance.now() - start);
      start = performance.now();
      // Fresh objects: no reading kept from the previous round.
      pairProgress(readCampaignData({ ...data[0]! }, 'avant'), readCampaignData({ ...data.at(-1)! }, 'après'));
      pairs.push(performance.now() - start);
    }
    const measures: Measure[] = [
      { name: `diff of two full campaigns (${data[0]!.answers.length} answers each), median`, value: median(diffs), unit: 'ms' },
      { name: 'diff of two full campaigns, p95', value: percentile(diffs, 95), unit: 'ms', budget: { max: DIFF_BUDGET } },
      { name: 'whole comparison of two campaigns (scores, label, diff, actions), p95', value: percentile(pairs, 95), unit: 'ms' },
    ];

    const server = await serveDirectory(DIST);
    const browser = await launch();
    for (const slowdown of CPU_RATES) {
      const app = await openApp(browser, server.url);
      const { page } = app;
      const backups = new BackupsPage(page, server.url);
      await backups.open();
      await backups.choose([{ name: 'diagnum-sauvegarde-dix-ans.json', text: serializeFile(backupOf(history)) }]);
      await backups.confirm();
      // The first open after the app starts: nothing read yet.
      await page.goto(`${server.url}#/`);
      await page.reload();
      await page.locator('#campagnes-titre').waitFor();
      const cdp = await app.context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
      const label = rateLabel(slowdown);
      const budget = budgetAt(slowdown, PAGE_BUDGET);
      const first = await timeProgressPage(page);
      measures.push({ name: `progress page, 10-year history, first open, ${label}`, value: first, unit: 'ms' });
      const opens: number[] = [];
      for (let i = 0; i < RUNS; i++) opens.push(await timeProgressPage(page));
      measures.push({ name: `progress page, 10-year history, 2 compared, reopened, median, ${label}`, value: median(opens), unit: 'ms' });
      measures.push({ name: `progress page, 10-year history, 2 compared, reopened, p95, ${label}`, value: percentile(opens, 95), unit: 'ms', ...budget });
      const whole: number[] = [];
      for (let i = 0; i < RUNS; i++) whole.push(await timeWholePage(page));
      measures.push({ name: `progress page, every section painted, p95, ${label}`, value: percentile(whole, 95), unit: 'ms' });
      const tenth: number[] = [];
      for (let i = 0; i < RUNS; i++) tenth.push(await timeTenth(page));
      measures.push({ name: `progress page, all 10 campaigns overlaid, median, ${label}`, value: median(tenth), unit: 'ms' });
      measures.push({ name: `progress page, all 10 campaigns overlaid, p95, ${label}`, value: percentile(tenth, 95), unit: 'ms', ...budget });
      await app.context.close();
    }
    printMeasures(`Diagnum bench: progress (${RUNS} runs per setting; page budgets at ${BUDGETED_RATE}× CPU slowdown)`, measures);
    await browser.close();
    await server.stop();
  });
});
