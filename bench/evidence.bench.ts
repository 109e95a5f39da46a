// Evidence files: 40 files totalling 150 MB attached one by one through the form, then the label
// dossier and the whole-base backup exported (both ZIPs holding every file). Each step is timed,
// and the page's live JavaScript heap is sampled throughout (DevTools protocol): it must stay
// below twice the largest file plus 50 MB (issue 14), the files' bytes living in Blobs, not in the
// heap. The files reach the page through Playwright (as in-memory Files), which the heap counts.
import { describe, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { CDPSession, Page } from 'playwright-core';
import { DIST, assertBuilt, launch, openApp } from '../tests/e2e/support/browser';
import { serveDirectory } from '../tests/e2e/support/static-server';
import { HomePage } from '../tests/e2e/pages/home-page';
import { CampaignPages } from '../tests/e2e/pages/campaign-pages';
import { BackupsPage } from '../tests/e2e/pages/backups-page';
import { median, printMeasures, type Measure } from './report';

const MB = 1024 * 1024;
const FILES = 40;
const LARGEST = 15 * MB;
/** 39 files of equal size and one of 15 MB: 150 MB in all. */
const sizes = [LARGEST, ...Array.from({ length: FILES - 1 }, () => Math.floor((150 * MB - LARGEST) / (FILES - 1)))];
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);

/**
 * The live heap's peak while `run` runs: every 100 ms a garbage collection, then the heap's size
 * (without the collection, the peak would count copies already dropped and not yet collected).
 * The times measured meanwhile are thus a little pessimistic.
 */
async function peakHeap<T>(cdp: CDPSession, run: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      peak = Math.max(peak, usedSize);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const value = await run();
  sampling = false;
  await sampler;
  return { value, peak };
}

async function timedDownload(page: Page, click: () => Promise<void>): Promise<{ ms: number; bytes: number }> {
  const start = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), click()]);
  const path = await download.path();
  return { ms: Date.now() - start, bytes: (await stat(path)).size };
}

describe('evidence files', () => {
  it('attaches 40 files (150 MB), exports the dossier and the backup, with the heap bounded', async () => {
    assertBuilt();
    const server = await serveDirectory(DIST);
    const browser = await launch();
    const app = await openApp(browser, server.url);
    const { page } = app;
    const cdp = await app.context.newCDPSession(page);
    await cdp.send('Runtime.enable');
    await cdp.send('HeapProfiler.enable');
    await new HomePage(page).saveSchool('Lycée du banc d’essai', '0341234A', 'Montpellier');
    await new HomePage(page).fillCampaign('Dossier 2026', '2026-10-05');
    await page.waitForURL(/#\/campagnes\//);
    const pages = new CampaignPages(page, server.url);
    const id = pages.campaignId();
    await pages.openSection(id, 'label2023.sA');
    const card = pages.card('label2023.A.1');
    await card.getByText('Commentaire et source, preuves').click();

    const attaches: number[] = [];
    const attached = await peakHeap(cdp, async () => {
      for (const [i, size] of sizes.entries()) {
        const buffer = pdf(size);
        await card.getByRole('button', { name: /^Ajouter une preuve/ }).click();
        await card.getByLabel(/^Fichier/).setInputFiles({ name: `piece-${i + 1}.pdf`, mimeType: 'application/pdf', buffer });
        const start = Date.now();
        await card.getByRole('button', { name: 'Enregistrer la preuve' }).click();
        await card.locator('.evidence-list > li').nth(i).waitFor({ timeout: 60_000 });
        attaches.push(Date.now() - start);
      }
    });

    await page.goto(`${server.url}#/campagnes/${id}/candidature-label`);
    const dossier = await peakHeap(cdp, () =>
      timedDownload(page, () => page.getByRole('button', { name: 'Préparer le dossier (fichier ZIP)' }).click()),
    );
    const backups = new BackupsPage(page, server.url);
    await backups.open();
    const backup = await peakHeap(cdp, () => timedDownload(page, () => page.getByRole('button', { name: 'Exporter toute la base' }).click()));

    const bound = (2 * LARGEST + 50 * MB) / MB;
    const measures: Measure[] = [
      { name: 'attach one file (≈3.5 MB; 15 MB for one), median', value: median(attaches), unit: 'ms' },
      { name: 'attach, slowest of 40', value: Math.max(...attaches), unit: 'ms' },
      { name: 'JS heap peak while attaching', value: attached.peak / MB, unit: 'MB', budget: { max: bound } },
      { name: `label dossier ZIP (${Math.round(dossier.value.bytes / MB)} MB)`, value: dossier.value.ms, unit: 'ms' },
      { name: 'JS heap peak while preparing the dossier', value: dossier.peak / MB, unit: 'MB', budget: { max: bound } },
      { name: `backup ZIP (${Math.round(backup.value.bytes / MB)} MB)`, value: backup.value.ms, unit: 'ms' },
      { name: 'JS heap peak while exporting the backup', value: backup.peak / MB, unit: 'MB', budget: { max: bound } },
    ];
    printMeasures(`Diagnum bench: evidence files (${FILES} files, 150 MB; heap bound = 2 × largest file + 50 MB)`, measures);
    await browser.close();
    await server.stop();
  });
});
