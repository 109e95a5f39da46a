// Firefox (Debian's firefox-esr): two years restored from a backup, the progress page tells the
// label over the years and lists the changed answers (its lower sections come when the browser is
// idle, its charts as they near the screen: Firefox's requestIdleCallback and IntersectionObserver).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ElementHandle } from 'puppeteer-core';
import { serveDirectory, type StaticServer } from '../e2e/support/static-server';
import { assertBuilt, byLabel, DIST, launchFirefox, waitForPage, waitForServiceWorker } from './support/firefox';
import { backupOf, buildHistory } from '../fixtures/history';
import { serializeFile } from '../../src/domain/transfer/build';

let browser: Browser;
let server: StaticServer;
let folder: string;

beforeAll(async () => {
  assertBuilt();
  folder = await mkdtemp(join(tmpdir(), 'diagnum-firefox-progress-'));
  server = await serveDirectory(DIST);
  browser = await launchFirefox();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('the progress page in Firefox', () => {
  it('shows the label per campaign, the changed answers filtered, and draws the charts as they come into view', async () => {
    const history = buildHistory({ campaigns: 2, firstYear: 2025, lastOpen: false });
    const file = join(folder, 'diagnum-sauvegarde-deux-ans.json');
    await writeFile(file, serializeFile(backupOf(history)));
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${server.url}#/sauvegardes`);
    await waitForServiceWorker(page);
    const input = (await byLabel(page, 'Choisir un fichier à importer')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    const preview = await page.waitForSelector('::-p-aria([name="Aperçu de l’import"][role="region"])', { timeout: 10_000 });
    await (await preview!.waitForSelector('::-p-aria([name="Importer"][role="button"])'))!.click();
    await waitForPage(page, () => [...document.querySelectorAll('[role="status"]')].some((s) => s.textContent?.includes('Import terminé')), { timeout: 15_000 });

    await page.goto(`${server.url}#/progres`);
    // The lower sections come once the browser is idle.
    const levels = await waitForPage(
      page,
      () => {
        const table = [...document.querySelectorAll('table')].find((t) => t.querySelector('caption')?.textContent?.includes('Niveau de label atteint par campagne'));
        const rows = table ? [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')] : [];
        return rows.length === 2 ? rows.map((r) => [...r.cells].map((c) => c.textContent?.trim()).join(' | ')) : false;
      },
      { timeout: 15_000 },
    );
    const rows = (await levels.jsonValue()) as string[];
    // The fixture's answers: no level reached either year, one "sous réserve" of justifications the second.
    expect(rows.map(squash)).toEqual([
      expect.stringMatching(/^État initial 2025 \(1 octobre 2025\) \| 2023-2024 \| aucun niveau \| — \| \d+ sur \d+ \| niveau 1 : A\.1/),
      expect.stringMatching(/^Réévaluation 2026 – « bilan d’étape » \(2 octobre 2026\) \| 2023-2024 \| aucun niveau \| niveau 2 \| \d+ sur \d+ \| niveau 1 : /),
    ]);

    // The changed answers, then only those in progress.
    const all = await waitForPage(page, () => {
      const radio = [...document.querySelectorAll<HTMLInputElement>('input[name="direction"]')].find((r) => r.value === 'all');
      return radio?.parentElement?.textContent ?? false;
    });
    const total = Number(/\((\d+)\)/.exec((await all.jsonValue()) as string)![1]);
    expect(total).toBeGreaterThan(10);
    await page.evaluate(() => document.querySelector<HTMLInputElement>('input[name="direction"][value="progress"]')!.click());
    const directions = await waitForPage(page, () => {
      const cells = [...document.querySelectorAll('#reponses-changees tbody tr td:nth-child(4)')].map((c) => c.textContent?.trim());
      return cells.length > 0 ? cells : false;
    });
    expect(new Set((await directions.jsonValue()) as string[])).toEqual(new Set(['en progrès']));

    // A chart below is drawn once scrolled to.
    await page.evaluate(() => document.querySelector('canvas[data-chart="progres-label-blocs"]')!.scrollIntoView());
    await waitForPage(
      page,
      () => {
        const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-chart="progres-label-blocs"]');
        const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
        return data !== undefined && data.some((v, i) => i % 4 === 3 && v > 0);
      },
      { timeout: 15_000 },
    );
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
