// Firefox (Debian's firefox-esr): a whole-database backup exported from the backups page, the
// database deleted, the file imported back: every object store is byte-identical (D12), the label
// dossier's evidence and texts included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { serveDirectory, type StaticServer } from '../e2e/support/static-server';
import {
  answerChoice,
  answerNumber,
  assertBuilt,
  byLabel,
  byName,
  createCampaign,
  DIST,
  downloaded,
  launchFirefox,
  openSection,
  saveSchool,
  waitForPage,
  waitForServiceWorker,
} from './support/firefox';
import { canonicalDump } from './support/idb';

let browser: Browser;
let server: StaticServer;
let downloads: string;

beforeAll(async () => {
  assertBuilt();
  downloads = await mkdtemp(join(tmpdir(), 'diagnum-firefox-'));
  server = await serveDirectory(DIST);
  browser = await launchFirefox({ downloadDir: downloads });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (downloads) await rm(downloads, { recursive: true, force: true });
});

async function openBackups(page: Page): Promise<void> {
  await page.goto(`${server.url}#/sauvegardes`);
  await waitForPage(page, () => document.querySelector('h1')?.textContent?.includes('Sauvegardes'), { timeout: 10_000 });
}

/** Deletes the 'diagnum' database under the running app (whose connection gives way), then reloads it empty. */
async function deleteDatabase(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('diagnum');
        const timer = setTimeout(() => reject(new Error('deleteDatabase stayed blocked')), 10_000);
        request.onsuccess = () => {
          clearTimeout(timer);
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
  );
  await page.goto(server.url);
  await page.waitForSelector('#school-name');
}

/** A new profile on the app, once its service worker controls it; the page errors it will meet. */
async function freshPage() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(server.url);
  await waitForServiceWorker(page);
  return { context, page, errors };
}

describe('Diagnum in Firefox', () => {
  it('exports the whole database, and an import of that file into an emptied database gives it back byte for byte', async () => {
    const { context, page, errors } = await freshPage();

    await (await byLabel(page, 'Code UAI')).type('0341234A');
    await saveSchool(page, 'Lycée Firefox');
    const first = await createCampaign(page, 'État initial Firefox', '2025-10-06');
    await openSection(page, server.url, first, 'dgesco2010.s3.1');
    await answerNumber(page, 'dgesco2010.3.1.teachers', '64');
    await answerNumber(page, 'dgesco2010.3.1.students', '820');
    await openSection(page, server.url, first, 'dgesco2010.s3.2');
    await answerChoice(page, 'dgesco2010.3.2.1', 'Oui');
    // The label dossier: a piece of evidence behind A.1, and the A.7 argumentaire.
    await openSection(page, server.url, first, 'label2023.sA');
    const a1 = await page.waitForSelector('[data-item="label2023.A.1"]');
    await (await a1!.waitForSelector('::-p-aria([name="Commentaire et source, preuves de la question 1"][role="button"])'))!.click();
    await (await a1!.waitForSelector('::-p-aria([name="Ajouter une preuve à la question 1"][role="button"])'))!.click();
    await (await byLabel(page, 'Titre de la preuve')).type('Projet d’établissement <b>2025</b>');
    await (await byLabel(page, 'Où la trouver')).type('ENT > Documents');
    await (await a1!.waitForSelector('::-p-aria([name="Enregistrer la preuve"][role="button"])'))!.click();
    await a1!.waitForSelector('.evidence-title', { timeout: 10_000 });
    await page.goto(`${server.url}#/campagnes/${first}/candidature-label`);
    await (await byLabel(page, 'Argumentaire sur loRdi')).type('Chaque élève de seconde reçoit loRdi.');
    await page.waitForSelector('.dossier-text .saved', { timeout: 10_000 });
    await page.goto(server.url);
    await createCampaign(page, 'Réévaluation Firefox', '2026-10-05');

    const before = await canonicalDump(page);
    const stores = JSON.parse(before) as Record<string, unknown[]>;
    expect(stores.school).toHaveLength(1);
    expect(stores.campaigns).toHaveLength(2);
    expect(stores.answers!.length).toBeGreaterThanOrEqual(3);
    // The second campaign starts from the first one: the evidence comes along, "à revoir".
    expect((stores.evidence as Array<{ toReview: boolean }>).map((e) => e.toReview).sort()).toEqual([false, true]);
    expect(stores.dossierTexts).toHaveLength(1);

    // Export: the file the browser saves.
    await openBackups(page);
    await (await byName(page, 'Exporter toute la base')).click();
    const exported = await downloaded(downloads, /^diagnum-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(exported.text) as { format: string; kind: string; data: { school: { name: string }; campaigns: unknown[] } };
    expect([file.format, file.kind, file.data.school.name, file.data.campaigns.length]).toEqual(['diagnum', 'sauvegarde', 'Lycée Firefox', 2]);
    expect(await canonicalDump(page)).toBe(before); // exporting writes nothing

    // Delete everything.
    await deleteDatabase(page);
    const emptied = JSON.parse(await canonicalDump(page)) as Record<string, unknown[]>;
    expect(Object.values(emptied).flat()).toEqual([]);

    // Import the file back, as a person would: choose it, read the preview, confirm.
    await openBackups(page);
    const input = (await byLabel(page, 'Choisir un fichier à importer')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(join(downloads, exported.file));
    const preview = await page.waitForSelector('::-p-aria([name="Aperçu de l’import"][role="region"])', { timeout: 10_000 });
    const described = (await preview!.evaluate((el) => el.textContent ?? '')).replace(/\s+/g, ' ');
    expect(described).toContain(exported.file);
    expect(described).toMatch(/\b2 campagnes\b/);
    expect(described).toMatch(new RegExp(`\\b${stores.answers!.length} réponses\\b`));
    await (await preview!.waitForSelector('::-p-aria([name="Importer"][role="button"])'))!.click();
    // The outcome, in the import section only (other parts of the page may have alerts of their own).
    const outcome = await input.evaluateHandle((el) => el.closest('section'));
    const said = await waitForPage(
      page,
      (section: Element | null) => {
        const alert = [...(section?.querySelectorAll('[role="alert"]') ?? [])].map((a) => a.textContent?.trim()).find(Boolean);
        if (alert) return `alert: ${alert}`;
        const status = [...(section?.querySelectorAll('[role="status"]') ?? [])].map((s) => s.textContent ?? '').find((t) => t.includes('Import terminé'));
        return status ?? false;
      },
      { timeout: 15_000 },
      outcome,
    );
    expect(await said.jsonValue()).toMatch(/^Import terminé/);

    expect(await canonicalDump(page)).toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps evidence files through a backup: attached, exported as a ZIP, the database deleted, imported back byte for byte', async () => {
    const { context, page, errors } = await freshPage();
    const campaign = await createCampaign(page, 'Preuves Firefox', '2026-10-05');
    await openSection(page, server.url, campaign, 'label2023.sA');
    const a1 = await page.waitForSelector('[data-item="label2023.A.1"]');
    await (await a1!.waitForSelector('::-p-aria([name="Commentaire et source, preuves de la question 1"][role="button"])'))!.click();
    for (const [name, bytes] of [['charte signée.pdf', PDF], ['affiche.png', PNG]] as const) {
      const path = join(downloads, `source-${name}`);
      await writeFile(path, bytes);
      await (await a1!.waitForSelector('::-p-aria([name="Ajouter une preuve à la question 1"][role="button"])'))!.click();
      const input = (await byLabel(page, 'Fichier')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(path);
      await (await a1!.waitForSelector('::-p-aria([name="Enregistrer la preuve"][role="button"])'))!.click();
      await waitForPage(page, (n: string) => [...document.querySelectorAll('.file-name')].some((e) => e.textContent?.includes(n)), { timeout: 10_000 }, name);
    }
    const stored = () =>
      page.evaluate(
        () =>
          new Promise<string[]>((resolve, reject) => {
            const open = indexedDB.open('diagnum');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const request = open.result.transaction('evidenceFiles').objectStore('evidenceFiles').getAll();
              request.onsuccess = async () => {
                const rows = request.result as Array<{ blob: Blob }>;
                const bytes = await Promise.all(rows.map(async (r) => [...new Uint8Array(await r.blob.arrayBuffer())].join(',')));
                open.result.close();
                resolve(bytes.sort());
              };
            };
          }),
      );
    const before = await stored();
    expect(before).toEqual([[...PDF].join(','), [...PNG].join(',')].sort());

    await page.goto(`${server.url}#/sauvegardes`);
    await (await byName(page, 'Exporter toute la base')).click();
    const zip = await downloadedZip(downloads, /^diagnum-sauvegarde-\d{4}-\d{2}-\d{2}\.zip$/);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('diagnum');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    );
    await page.goto(server.url);
    await page.waitForSelector('#school-name');
    await page.goto(`${server.url}#/sauvegardes`);
    const input = (await byLabel(page, 'Choisir un fichier à importer')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(join(downloads, zip));
    const preview = await page.waitForSelector('::-p-aria([name="Aperçu de l’import"][role="region"])', { timeout: 15_000 });
    await (await preview!.waitForSelector('::-p-aria([name="Importer"][role="button"])'))!.click();
    await waitForPage(page, () => [...document.querySelectorAll('[role="status"]')].some((s) => s.textContent?.includes('Import terminé')), { timeout: 15_000 });
    expect(await stored()).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Waits for a ZIP download to be whole (it unzips), and returns its name. */
async function downloadedZip(dir: string, name: RegExp, timeout = 15_000): Promise<string> {
  const until = Date.now() + timeout;
  for (;;) {
    const files = await readdir(dir);
    const file = files.find((f) => name.test(f));
    if (file && !files.some((f) => f.endsWith('.part'))) {
      try {
        unzipSync(new Uint8Array(await readFile(join(dir, file))));
        return file;
      } catch {
        // still being written
      }
    }
    if (Date.now() > until) throw new Error(`no complete ZIP matching ${name} in ${dir}: ${files.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
