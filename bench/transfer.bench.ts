// Files: export and re-import of a ten-year history (10 campaigns of the three documents, with
// comments), and merging 30 contribution files, timed inside Chromium by the app's own
// performance measures (diagnum:export, diagnum:import-check, diagnum:import-write). Budgets from issue 5.
import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, assertBuilt, launch, openApp } from '../tests/e2e/support/browser';
import { serveDirectory } from '../tests/e2e/support/static-server';
import { BackupsPage } from '../tests/e2e/pages/backups-page';
import { backupOf, buildHistory, contributionOf, MEMBERS, prng, sectionsOf } from '../tests/fixtures/history';
import { serializeFile, fileNameFor } from '../src/domain/transfer/build';
import { median, printMeasures, type Measure } from './report';

const measured = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);

async function clearMeasures(page: Page) {
  await page.evaluate(() => performance.clearMeasures());
}

describe('files', () => {
  it('measures export, import and the merge of 30 contributions', async () => {
    assertBuilt();
    const history = buildHistory({ campaigns: 10, seed: 7 });
    const backup = backupOf(history, 1);
    const backupText = serializeFile(backup);
    const server = await serveDirectory(DIST);
    const browser = await launch();
    const app = await openApp(browser, server.url);
    const { page } = app;
    const files = new BackupsPage(page, server.url);
    const origin = new URL(server.url).origin;
    const cdp = await app.context.newCDPSession(page);

    // Import into an empty database, three times.
    const imports: number[] = [];
    const checks: number[] = [];
    for (let run = 0; run < 3; run++) {
      await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb,local_storage' });
      await files.open();
      await page.reload();
      await files.open();
      await clearMeasures(page);
      await files.choose([{ name: fileNameFor(backup), text: backupText }]);
      await files.preview().waitFor();
      await files.confirm();
      const [check] = await measured(page, 'diagnum:import-check');
      const [write] = await measured(page, 'diagnum:import-write');
      checks.push(check!);
      imports.push(check! + write!);
    }

    // Export the whole ten years, five times.
    const exports: number[] = [];
    for (let run = 0; run < 5; run++) {
      await clearMeasures(page);
      const file = await files.exportBackup();
      if ((JSON.parse(file.text) as typeof backup).data.answers.length !== history.answers.length) throw new Error('the export lost answers');
      exports.push((await measured(page, 'diagnum:export'))[0]!);
    }

    // Thirty members of the group, each with three sections of the open campaign; a third of the
    // answers commented, so that members disagree and the conflict screen has work to show.
    const campaign = history.campaigns.at(-1)!;
    const sections = campaign.documents.flatMap((d) => sectionsOf(d).map((s) => s.id));
    const random = prng(11);
    const contributions = Array.from({ length: 30 }, (_, i) => {
      const contributor = `${MEMBERS[i % MEMBERS.length]} ${i + 1}`;
      const mine = Array.from({ length: 3 }, (_, k) => sections[(i * 3 + k) % sections.length]!);
      const file = contributionOf(history, {
        campaignId: campaign.id,
        contributor,
        sections: [...new Set(mine)],
        n: 100 + i,
        edit: (a) => (random() < 0.33 ? { ...a, comment: `Précision de ${contributor}`, updatedAt: a.updatedAt + i + 1 } : a),
      });
      return { name: fileNameFor(file), text: serializeFile(file) };
    });
    await files.open();
    await clearMeasures(page);
    await files.choose(contributions);
    await files.preview().waitFor();
    const conflicts = await files.preview().locator('fieldset.conflict').count();
    await files.preview().getByRole('button', { name: 'Prendre partout la version la plus récente' }).click();
    await files.confirm();
    const [mergeCheck] = await measured(page, 'diagnum:import-check');
    const [mergeWrite] = await measured(page, 'diagnum:import-write');

    await app.context.close();
    await browser.close();
    await server.stop();
    const answers = history.answers.length;
    printMeasures('Diagnum bench: files', [
      { name: `ten-year backup file (${answers} answers, 10 campaigns)`, value: backupText.length / 1024, unit: 'KB' },
      { name: 'export of the ten-year history, median of 5', value: median(exports), unit: 'ms', budget: { max: 500 } },
      { name: 'import into an empty database: read + check + plan, median', value: median(checks), unit: 'ms' },
      { name: 'import of the ten-year history (check + write), median of 3', value: median(imports), unit: 'ms', budget: { max: 500 } },
      { name: `merge of 30 contributions: read + check + plan (${conflicts} conflicts)`, value: mergeCheck!, unit: 'ms' },
      { name: 'merge of 30 contributions: resolve + write', value: mergeWrite!, unit: 'ms' },
      { name: 'merge of 30 contribution files, in all', value: mergeCheck! + mergeWrite!, unit: 'ms', budget: { max: 2000 } },
    ] satisfies Measure[]);
  });
});
