// Results: scoring a full campaign (pure functions, in Node) and drawing the progress radar with
// ten campaigns in Chromium; the size of the charts chunk. Budgets from issue 4.
import { describe, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, assertBuilt, launch, openApp } from '../tests/e2e/support/browser';
import { serveDirectory } from '../tests/e2e/support/static-server';
import { HomePage } from '../tests/e2e/pages/home-page';
import { answerLookup, documentItems } from '../src/domain/completion';
import { emptyAnswer, type AnswerRecord } from '../src/domain/answers';
import { dgescoProfile } from '../src/domain/scoring/dgesco';
import { occitanieLevels } from '../src/domain/scoring/occitanie';
import { labelReadiness } from '../src/domain/scoring/label';
import { referentiels } from '../src/referentiels';
import { median, percentile, printMeasures, type Measure } from './report';
import { answerTo } from './plausible-answers';

describe('results', () => {
  it('measures scoring, the 10-campaign radar and the charts chunk', async () => {
    assertBuilt();
    const answers: AnswerRecord[] = referentiels.flatMap((r) => documentItems(r)).map((item) => ({ ...emptyAnswer('bench-0001', item.id), value: answerTo(item) }));
    const timings: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      const lookup = answerLookup(answers);
      dgescoProfile(lookup);
      occitanieLevels(lookup);
      labelReadiness(lookup);
      timings.push(performance.now() - start);
    }
    const measures: Measure[] = [
      { name: `scoring a full campaign (${answers.length} answers), median of 200`, value: median(timings), unit: 'ms' },
      { name: 'scoring a full campaign, p95', value: percentile(timings, 95), unit: 'ms', budget: { max: 5 } },
    ];

    const charts = readdirSync(join(DIST, 'assets')).filter((f) => /^radar-.*\.js$/.test(f));
    measures.push({
      name: 'charts chunk (Chart.js radar, gzip)',
      value: charts.reduce((n, f) => n + gzipSync(readFileSync(join(DIST, 'assets', f)), { level: 9 }).length / 1024, 0),
      unit: 'KB',
    });

    // Ten campaigns on the Occitanie grid, each with levels, then the progress page drawn.
    const server = await serveDirectory(DIST);
    const browser = await launch();
    const app = await openApp(browser, server.url);
    const { page } = app;
    for (let year = 0; year < 10; year++) {
      await new HomePage(page).fillCampaign(`Campagne ${2017 + year}`, `${2017 + year}-10-01`, ['Grille de maturité Occitanie'], 'Aucune : partir de zéro');
      await page.waitForURL(/#\/campagnes\//);
      const id = /#\/campagnes\/([A-Za-z0-9-]+)/.exec(page.url())![1]!;
      await page.goto(`${server.url}#/campagnes/${id}/atelier/occitanie.s1`);
      await page.waitForFunction(() => document.activeElement?.closest('[data-item]'));
      for (let k = 0; k < 5; k++) {
        await page.keyboard.press(String((year + k) % 4));
        await page.keyboard.press('s');
      }
      await page.goto(`${server.url}#/`);
    }
    const draws: number[] = [];
    const radars: number[] = [];
    for (let run = 0; run < 10; run++) {
      await page.goto(`${server.url}#/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const elapsed = await page.evaluate(async () => {
        const start = performance.now();
        location.hash = '#/progres';
        // All ten campaigns chosen, then the areas radar drawn.
        await new Promise<void>((resolve) => {
          const check = () => (document.querySelectorAll('fieldset input[type=checkbox]').length === 10 ? resolve() : requestAnimationFrame(check));
          check();
        });
        for (const box of document.querySelectorAll<HTMLInputElement>('fieldset input[type=checkbox]')) if (!box.checked) box.click();
        await new Promise<void>((resolve) => {
          const check = () => {
            const rows = document.querySelectorAll('canvas[data-chart="progres-occitanie"]');
            const table = document.querySelector('figure:has(canvas[data-chart="progres-occitanie"]) thead tr');
            if (rows.length === 1 && table && table.children.length === 11) resolve();
            else requestAnimationFrame(check);
          };
          check();
        });
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
        return performance.now() - start;
      });
      draws.push(elapsed);
      radars.push(...(await page.evaluate(() => performance.getEntriesByName('diagnum:radar:10').map((e) => e.duration))));
      await page.evaluate(() => performance.clearMeasures());
    }
    await app.context.close();
    await browser.close();
    await server.stop();
    measures.push(
      { name: `radar with 10 campaigns drawn, median of ${radars.length}`, value: median(radars), unit: 'ms' },
      { name: 'radar with 10 campaigns drawn, p95', value: percentile(radars, 95), unit: 'ms', budget: { max: 100 } },
      { name: 'whole progress page (2 radars, table, data), median', value: median(draws), unit: 'ms' },
      { name: 'whole progress page, p95', value: percentile(draws, 95), unit: 'ms' },
    );
    printMeasures('Diagnum bench: results', measures);
  });
});
