// Faults injected in a real Chromium: a browser crash right after
// "Enregistré", a full disk, a stale tab after an upgrade, a blocked upgrade, a database of a
// newer Diagnum, a database that cannot be opened at all, and a screen's chunk gone missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Locator, type Page } from 'playwright-core';
import { CHROMIUM, chromiumArgs, openApp, useBuiltApp } from './support/browser';
import { dumpDatabase, storedAnswer } from './support/idb';
import { newProfile, removeProfile, startPersistent } from './support/persistent-browser';
import { HomePage } from './pages/home-page';
import { CampaignPages } from './pages/campaign-pages';
import { BackupsPage } from './pages/backups-page';
import { backupOf, buildHistory } from '../fixtures/history';
import { fileNameFor, serializeFile } from '../../src/domain/transfer/build';
import { LATEST_VERSION, schemaVersions } from '../../src/storage/db';
import { RECORD_SCHEMA_VERSION } from '../../src/domain/schema-version';
import { fr } from '../../src/text/fr';

// A private copy of dist/: a build started meanwhile (by another test run) does not change the app under test.
const served = useBuiltApp({ beforeAll, afterAll }, { copy: true });

const TEACHERS = 'dgesco2010.3.1.teachers';
const STUDENTS = 'dgesco2010.3.1.students';
const SCREENSHOTS = process.env.DIAGNUM_SCREENSHOTS; // a folder, to look at the messages

async function screenshot(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

async function newCampaign(page: Page): Promise<string> {
  await new HomePage(page).fillCampaign('État initial 2026', '2026-10-05', ['Référentiel DGESCO 2010'], 'Aucune : partir de zéro');
  await page.waitForURL(/#\/campagnes\//);
  return new CampaignPages(page, served.url).campaignId();
}

/** A page of the app's origin that does not run the app, to hold raw IndexedDB connections. */
async function sameOriginPage(page: Page): Promise<void> {
  await page.goto(`${served.url}robots.txt`);
}

type Stores = Record<string, string | null>;

/**
 * Creates (or upgrades to) `version` of the database with the raw API, with the stores a Dexie
 * spec describes plus `extra`, and puts `records`. The connection is kept in `window.__held` and
 * ignores requests to close when `hold` is true; otherwise it is closed.
 */
function rawOpen(page: Page, args: { version: number; stores: Stores; extra?: string[]; records?: Record<string, unknown[]>; hold: boolean }) {
  return page.evaluate(
    ({ version, stores, extra = [], records = {}, hold }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('diagnum', version);
        request.onupgradeneeded = () => {
          const idb = request.result;
          for (const [table, spec] of Object.entries(stores)) {
            if (!spec || idb.objectStoreNames.contains(table)) continue;
            const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
            const keyPath = primary!.startsWith('[') ? primary!.slice(1, -1).split('+') : primary!;
            const store = idb.createObjectStore(table, { keyPath });
            for (const index of indexes) store.createIndex(index, index);
          }
          for (const table of extra) if (!idb.objectStoreNames.contains(table)) idb.createObjectStore(table, { keyPath: 'id' });
          for (const [table, rows] of Object.entries(records)) {
            for (const row of rows) request.transaction!.objectStore(table).put(row);
          }
        };
        request.onsuccess = () => {
          const idb = request.result;
          if (hold) {
            idb.onversionchange = () => {}; // a tab that never lets go
            (window as unknown as { __held: IDBDatabase }).__held = idb;
          } else idb.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('the raw open is blocked'));
      }),
    args,
  );
}

function installedVersion(page: Page): Promise<number | undefined> {
  return page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'diagnum')?.version);
}

/** Every stored record of every store, with the store it comes from. */
async function allRecords(page: Page): Promise<Array<{ store: string; record: Record<string, unknown> }>> {
  const dump = JSON.parse(await dumpDatabase(page)) as Record<string, Array<Record<string, unknown>>>;
  return Object.entries(dump).flatMap(([store, rows]) => rows.map((record) => ({ store, record })));
}

/** expect.poll with room for a slow two-core machine (its default gives up after 1 s). */
const poll = <T>(read: () => T | Promise<T>, options: { timeout?: number } = {}) =>
  expect.poll(read, { timeout: 10_000, ...options });

/** The text of what a locator finds now, '' if nothing: unlike textContent(), it never waits. */
/** A page with no service worker (its requests reach the routed network), counting its loads and errors. */
async function pageWithoutWorker() {
  const context = await served.browser.newContext({ locale: 'fr-FR', serviceWorkers: 'block' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  let loads = 0;
  page.on('load', () => loads++);
  return { context, page, pageErrors, loads: () => loads };
}

async function textOf(locator: Locator): Promise<string> {
  return (await locator.allTextContents()).join(' ');
}

function banner(page: Page) {
  return page.locator('.banner[role="alert"]');
}

describe('faults of the browser and of the database', () => {
  it('D1: keeps every answer shown as "Enregistré" through 20 browser crashes (SIGKILL 100 ms later)', async () => {
    const profile = newProfile();
    try {
      let chrome = await startPersistent(profile, served.url);
      let page = chrome.page;
      await page.getByLabel('Nom de la campagne').waitFor();
      const id = await newCampaign(page);
      const sectionUrl = `${served.url}#/campagnes/${id}/sections/dgesco2010.s3.1`;
      await new CampaignPages(page, served.url).openSection(id, 'dgesco2010.s3.1');
      const lost: number[] = [];
      for (let i = 0; i < 20; i++) {
        const value = 100 + i * 7;
        const pages = new CampaignPages(page, served.url);
        await pages.input(`${TEACHERS}-input`).fill(String(value));
        await pages.saved(TEACHERS);
        await new Promise((resolve) => setTimeout(resolve, 100));
        await chrome.crash();

        chrome = await startPersistent(profile, sectionUrl);
        page = chrome.page;
        const reopened = new CampaignPages(page, served.url);
        await reopened.card(TEACHERS).waitFor();
        const stored = (await storedAnswer(page, TEACHERS))?.value;
        if (JSON.stringify(stored) !== JSON.stringify({ kind: 'number', value })) lost.push(value);
        await poll(() => reopened.input(`${TEACHERS}-input`).inputValue()).toBe(String(value));
      }
      expect(lost).toEqual([]);
      await chrome.crash();
    } finally {
      removeProfile(profile);
    }
  }, 180_000); // about 50 s on an idle two-core machine, 80 s on a busy one

  it('D7: a full disk gives the French message, keeps the typed text and the stored records; once space is back, the retry saves', async () => {
    const profile = newProfile();
    // No service worker: its precache would count against the small quota from the start.
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: chromiumArgs,
      serviceWorkers: 'block',
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(served.url);
      const cdp = await context.newCDPSession(page);
      const origin = new URL(served.url).origin;
      // About 60 KB left, before the app's first write: Chromium caches the space left once it has
      // written, and would not see a later override for a while. (The estimate's usage is right;
      // its quota ignores the override.)
      const usage = (await page.evaluate(() => navigator.storage.estimate())).usage ?? 0;
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 60 * 1024 });
      const id = await newCampaign(page);
      const pages = new CampaignPages(page, served.url);
      await pages.openSection(id, 'dgesco2010.s3.6.1');

      // Nearly 5,000 characters (the most a comment takes) that do not compress: each write is ~10 KB.
      const longText = (seed: number) =>
        Array.from({ length: 4_990 }, (_, i) => String.fromCharCode(0x4e00 + ((seed * 7919 + i * 104_729) % 20_000))).join('');
      const itemIds = await page.locator('.item-card[data-item]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-item')!));
      let failed: { itemId: string; text: string; before: string } | undefined;
      let saved = 0;
      for (const [n, itemId] of itemIds.entries()) {
        const card = pages.card(itemId);
        await card.getByRole('button', { name: /^Commentaire et source/ }).click();
        const before = await dumpDatabase(page);
        const text = longText(n);
        await pages.input(`${itemId}-comment`).fill(text);
        await poll(() => textOf(card.locator('.save-status'))).toMatch(/Enregistré|Non enregistré/);
        if (((await card.locator('.save-status').textContent()) ?? '').includes('Non enregistré')) {
          failed = { itemId, text, before };
          break;
        }
        saved++;
      }
      expect(failed, 'the quota is reached before the items run out').toBeDefined();
      expect(saved, 'some comments were stored before the disk was full').toBeGreaterThan(0);
      const { itemId, text, before } = failed!;
      const card = pages.card(itemId);
      const comment = pages.input(`${itemId}-comment`);
      expect(await card.locator(`[id="${itemId}-comment-error"]`).textContent()).toBe(fr.storage.quota);
      expect(await comment.inputValue(), 'what was typed stays in the field').toBe(text);
      expect(await comment.getAttribute('aria-invalid')).toBe('true');
      expect(await dumpDatabase(page), 'the stored records are unchanged').toBe(before);
      await screenshot(page, 'd7-quota');

      // Space is back (the override is lifted): typing again saves.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1024 ** 3 });
      await comment.press('End');
      await comment.pressSequentially('.');
      await poll(async () => [await card.locator('.save-status').textContent(), await card.locator(`[id="${itemId}-comment-error"]`).count()]).toEqual(['✓ Enregistré', 0]);
      expect((await storedAnswer(page, itemId))?.comment).toBe(`${text}.`);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
      removeProfile(profile);
    }
  });

  it('D3: a tab left behind by an upgrade in another tab shows the reload banner and refuses writes visibly', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const id = await newCampaign(page);
    const pages = new CampaignPages(page, served.url);
    await pages.openSection(id, 'dgesco2010.s3.1');
    await pages.input(`${TEACHERS}-input`).fill('64');
    await pages.saved(TEACHERS);

    // Another tab opens the next version of the database (as build N+1 would).
    const other = await app.context.newPage();
    await sameOriginPage(other);
    const upgradeStarted = Date.now();
    await rawOpen(other, { version: (LATEST_VERSION + 1) * 10, stores: {}, extra: ['nextVersionTable'], hold: true });
    expect(Date.now() - upgradeStarted, 'the upgrade is not held up by the stale tab').toBeLessThan(5_000);
    await poll(() => textOf(banner(page))).toContain(fr.storage.outdated);
    await poll(() => banner(page).getByRole('button', { name: 'Recharger la page' }).isVisible()).toBe(true);

    const before = await dumpDatabase(other);
    await pages.input(`${STUDENTS}-input`).fill('820');
    await poll(() => textOf(pages.errorOf(STUDENTS).first())).toBe(fr.storage.notSaved.outdated);
    expect(await pages.input(`${STUDENTS}-input`).inputValue(), 'what was typed stays').toBe('820');
    expect(await pages.input(`${STUDENTS}-input`).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'd3-stale-tab');
    expect(await dumpDatabase(other), 'nothing was written').toBe(before);
    const records = await allRecords(other);
    expect(records.length).toBeGreaterThan(0);
    expect(records.filter(({ record }) => record.schemaVersion !== RECORD_SCHEMA_VERSION)).toEqual([]);
    expect(await storedAnswer(other, STUDENTS)).toBeUndefined();
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  });

  it('D4: an upgrade blocked by another tab says "fermez les autres onglets" within 5 s, and goes on when that tab closes', async () => {
    const app = await openApp(served.browser, `${served.url}robots.txt`);
    const { page } = app;
    const holder = await app.context.newPage();
    await sameOriginPage(holder);
    // An old tab created the database at version 2 and ignores requests to close.
    const v2 = schemaVersions.find((v) => v.version === 2)!;
    await rawOpen(holder, { version: 20, stores: v2.stores, hold: true });

    const started = Date.now();
    await page.goto(served.url);
    await poll(() => textOf(banner(page)), { timeout: 5_000 }).toContain(fr.storage.blocked);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await banner(page).textContent()).toContain('Fermez les autres onglets Diagnum');
    await screenshot(page, 'd4-blocked');

    await holder.close();
    await poll(() => banner(page).count()).toBe(0);
    await new HomePage(page).createCampaign('Après le blocage', '2026-10-05', ['Référentiel DGESCO 2010']);
    expect(await new HomePage(page).campaignNames()).toEqual(['Après le blocage']);
    expect(await installedVersion(page)).toBe(LATEST_VERSION * 10);
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  });

  it('D6: a database written by a newer Diagnum is shown read-only: the data shows, a write is refused, nothing changes', async () => {
    const app = await openApp(served.browser, `${served.url}robots.txt`);
    const { page } = app;
    const newer = (LATEST_VERSION + 1) * 10;
    await rawOpen(page, {
      version: newer,
      stores: schemaVersions.at(-1)!.stores,
      extra: ['nextVersionTable'],
      records: { school: [{ id: 'school', name: 'Lycée du Futur', updatedAt: Date.UTC(2030, 0, 1), schemaVersion: RECORD_SCHEMA_VERSION }] },
      hold: false,
    });
    const before = await dumpDatabase(page);

    await page.goto(served.url);
    await poll(() => textOf(banner(page))).toContain(fr.storage.newer);
    await poll(() => page.getByLabel('Nom de l’établissement').inputValue()).toBe('Lycée du Futur');
    await new HomePage(page).saveSchool('Lycée du Passé');
    await poll(() => textOf(new HomePage(page).schoolStatus())).toContain(fr.storage.notSaved.newer);
    await new HomePage(page).fillCampaign('Refusée', '2026-10-05', ['Référentiel DGESCO 2010']);
    await poll(() => page.getByText(fr.storage.notSaved.newer).count()).toBeGreaterThan(1);
    await screenshot(page, 'd6-newer');
    expect(page.url()).not.toMatch(/#\/campagnes\//);
    expect(await dumpDatabase(page), 'nothing was written').toBe(before);
    expect(await installedVersion(page)).toBe(newer);
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  });

  it('D9: a database the browser cannot open shows the recovery screen, with no blank page and no page error', async () => {
    const context = await served.browser.newContext({ locale: 'fr-FR' });
    // The damaged-store failure of Chrome (dexie/Dexie.js#543): every open fails with UnknownError.
    await context.addInitScript(() => {
      // Until the test says the store is gone (after "Effacer les données illisibles").
      if (sessionStorage.getItem('test:store-cleared')) return;
      IDBFactory.prototype.open = function () {
        const request = new EventTarget() as EventTarget & Record<string, unknown>;
        let error: DOMException | null = null;
        Object.defineProperty(request, 'error', { get: () => error });
        Object.defineProperty(request, 'readyState', { get: () => (error ? 'done' : 'pending') });
        for (const handler of ['onerror', 'onsuccess', 'onupgradeneeded', 'onblocked']) request[handler] = null;
        request.addEventListener('error', (event) => (request.onerror as ((e: Event) => void) | null)?.call(request, event));
        setTimeout(() => {
          error = new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
          request.dispatchEvent(new Event('error', { cancelable: true }));
        });
        return request as unknown as IDBOpenDBRequest;
      };
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(served.url);
    const recovery = page.getByTestId('database-recovery');
    await poll(() => textOf(recovery.getByRole('heading', { level: 1 }))).toBe(fr.storage.recoveryTitle);
    for (const advice of fr.storage.recoveryAdvice) expect(await recovery.textContent()).toContain(advice);
    expect(await recovery.getByRole('link', { name: fr.storage.recoveryImportLink }).getAttribute('href')).toBe('#/sauvegardes');
    expect(await page.getByRole('heading', { name: 'Autodiagnostic numérique de l’établissement' }).count(), 'no page on top of it').toBe(0);
    await screenshot(page, 'd9-recovery');

    // Another screen opened directly shows the same recovery, not an empty page.
    await page.goto(`${served.url}#/progres`);
    await page.reload();
    await poll(() => recovery.isVisible()).toBe(true);

    // The last resort: clear the unreadable store (after a confirmation), then import a backup.
    await page.evaluate(() => sessionStorage.setItem('test:store-cleared', '1'));
    await recovery.getByRole('button', { name: 'Effacer les données illisibles' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Effacer', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sauvegardes et échanges' }).waitFor();
    const backup = backupOf(buildHistory({ campaigns: 1 }), 900);
    const files = new BackupsPage(page, served.url);
    await files.choose([{ name: fileNameFor(backup), text: serializeFile(backup) }]);
    await files.confirm();
    await page.goto(`${served.url}#/`);
    await poll(() => new HomePage(page).campaignNames()).toEqual(backup.data.campaigns.map((c) => c.name));
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('U3: the campaigns’ writes whose chunk is gone: creating a campaign is refused under the form, with the reload message, and nothing is stored', async () => {
    const { context, page, pageErrors, loads } = await pageWithoutWorker();
    // The chunk of storage/campaigns.ts, known by one of its messages (its file name is shared by other chunks).
    await context.route('**/assets/*.js', async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes('Ce membre ne fait pas partie du groupe')) await route.fulfill({ status: 404, body: 'not found' });
      else await route.fulfill({ response, body });
    });
    await page.goto(served.url);
    const home = new HomePage(page);
    await page.getByRole('heading', { level: 1, name: 'Autodiagnostic numérique de l’établissement' }).waitFor();
    // The first failure reloads the page once (a new version may have been published)…
    await home.fillCampaign('Jamais créée', '2026-10-05');
    await poll(() => loads()).toBe(2);
    await page.getByRole('heading', { level: 1, name: 'Autodiagnostic numérique de l’établissement' }).waitFor();
    // …the second one is refused where the form is, and the reload banner says why.
    await home.fillCampaign('Jamais créée', '2026-10-05');
    await poll(() => textOf(page.locator('#campaign-status'))).toContain(fr.storage.reloadNeeded);
    await poll(() => textOf(page.getByTestId('reload-needed'))).toContain(fr.storage.reloadNeeded);
    expect(page.url()).not.toContain('#/campagnes/');
    expect(await page.getByLabel('Nom de la campagne').inputValue()).toBe('Jamais créée');
    expect((JSON.parse(await dumpDatabase(page)) as { campaigns: unknown[] }).campaigns).toEqual([]);
    expect(loads()).toBe(2);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('U2: a screen whose chunk is gone reloads the page once, then asks for a reload instead of looping', async () => {
    const { context, page, pageErrors, loads } = await pageWithoutWorker();
    const gone = '**/assets/ProgressPage-*.js';
    await context.route(gone, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(served.url);
    await page.getByRole('heading', { level: 1, name: 'Autodiagnostic numérique de l’établissement' }).waitFor();
    expect(loads()).toBe(1);

    await page.getByRole('link', { name: 'Progrès' }).click();
    await poll(() => loads()).toBe(2);
    const reloadBanner = page.getByTestId('reload-needed');
    await poll(() => textOf(reloadBanner)).toContain(fr.storage.reloadNeeded);
    await screenshot(page, 'u2-reload-needed');
    // No second automatic reload: the guard holds for 30 s.
    await page.waitForTimeout(1_000);
    expect(loads()).toBe(2);

    // Once the chunk is back, the button reloads and the screen opens.
    await context.unroute(gone);
    await reloadBanner.getByRole('button', { name: 'Recharger la page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mesure des progrès entre campagnes' }).waitFor();
    expect(loads()).toBe(3);
    expect(await reloadBanner.count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
