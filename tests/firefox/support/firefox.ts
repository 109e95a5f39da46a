// Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (no browser download), with
// the few page helpers the Firefox tests need, in the words of the screen.
import puppeteer, { type Browser, type ElementHandle, type EvaluateFunc, type HandleFor, type JSHandle, type Page } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The built app; DIAGNUM_DIST points elsewhere (a build of another checkout). */
export const DIST = process.env.DIAGNUM_DIST ?? join(import.meta.dirname, '../../../dist');

/**
 * Waits until `predicate`, run in the page with `args`, returns something truthy, and hands it
 * back: puppeteer's own waitForFunction, with the same arguments. That one builds its predicate
 * with Function(), which the app's Content-Security-Policy blocks since Firefox ESR 140.12 (in
 * the page's realm); page.evaluateHandle is not blocked.
 */
export async function waitForPage<Params extends unknown[], Func extends EvaluateFunc<Params> = EvaluateFunc<Params>>(
  page: Page,
  predicate: Func,
  { timeout = 30_000 }: { timeout?: number } = {},
  ...args: Params
): Promise<HandleFor<Awaited<ReturnType<Func>>>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const handle = await page.evaluateHandle(predicate, ...args);
    if (await (handle as JSHandle).evaluate((value) => Boolean(value))) return handle;
    await handle.dispose();
    if (Date.now() > deadline) throw new Error(`Waiting failed: ${timeout} ms exceeded`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function assertBuilt(): void {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: apt-get install -y firefox-esr`);
}

/**
 * A headless Firefox with a fresh, temporary profile (deleted by browser.close()). With
 * `downloadDir`, files the page downloads are saved there without asking.
 */
export function launchFirefox(options: { downloadDir?: string } = {}): Promise<Browser> {
  const downloads = options.downloadDir
    ? {
        'browser.download.dir': options.downloadDir,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        'browser.download.alwaysOpenPanel': false,
        'browser.download.panel.shown': true,
        'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/plain,application/octet-stream',
      }
    : {};
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocolTimeout: 30_000,
    extraPrefsFirefox: { 'intl.accept_languages': 'fr-FR, fr', ...downloads },
  });
}

/**
 * The element whose accessible name is `name`. Firefox's accessibility tree also names a <label>
 * after its text, and the query may find the label first: the label then stands for its control.
 */
export async function byName(page: Page, name: string, timeout = 10_000): Promise<ElementHandle<Element>> {
  const found = await page.waitForSelector(`::-p-aria(${name})`, { timeout });
  if (!found) throw new Error(`nothing is named ${name}`);
  const control = await found.evaluateHandle((el) => (el instanceof HTMLLabelElement && el.control ? el.control : el));
  return control as ElementHandle<Element>;
}

/**
 * The form field whose <label> text starts with `words` (a label may end with a hint, which the
 * accessible name then includes: an exact-name query would have to repeat the hint).
 */
export async function byLabel(page: Page, words: string, timeout = 10_000): Promise<ElementHandle<Element>> {
  const found = await waitForPage(
    page,
    (start: string) => {
      const normal = (t: string | null) => (t ?? '').replace(/\s+/g, ' ').trim();
      const label = [...document.querySelectorAll('label')].find((l) => normal(l.textContent).startsWith(start) && l.control);
      return label?.control ?? false;
    },
    { timeout },
    words,
  );
  return found as ElementHandle<Element>;
}

/**
 * Types into a field as a person would, replacing what was there. A date field is set as its
 * picker would set it (typing into Firefox's date segments depends on the locale's order).
 */
export async function fill(page: Page, name: string, value: string): Promise<void> {
  const field = await byName(page, name);
  const type = await field.evaluate((el) => (el as HTMLInputElement).type);
  if (type === 'date') {
    await field.evaluate((el, v) => {
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
    return;
  }
  await field.click({ count: 3 });
  await field.evaluate((el) => {
    (el as HTMLInputElement).value = '';
  });
  await field.type(value);
}

export async function click(page: Page, name: string): Promise<void> {
  await (await byName(page, name)).click();
}

/** Waits until the service worker controls the page, so that the whole app is precached. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await waitForPage(page, () => navigator.serviceWorker.controller !== null, { timeout: 20_000 });
}

export function campaignNames(page: Page): Promise<string[]> {
  return page.$$eval('.campaign-name', (els) => els.map((el) => el.textContent ?? ''));
}

/** Saves the school from the home page form and waits for its "Enregistré". */
export async function saveSchool(page: Page, name: string): Promise<void> {
  await fill(page, 'Nom de l’établissement', name);
  await click(page, 'Enregistrer l’établissement');
  await waitForPage(page, () => document.querySelector('#school-status')?.textContent?.includes('Enregistré'), {
    timeout: 10_000,
  });
}

/** Creates a campaign from the home page form; the app then opens it. Returns its id. */
export async function createCampaign(page: Page, name: string, date = '2026-10-05'): Promise<string> {
  await fill(page, 'Nom de la campagne', name);
  await click(page, 'Changer la date'); // today's date is shown in words until then
  await fill(page, 'Date', date);
  await click(page, 'Créer la campagne');
  await waitForPage(page, () => /^#\/campagnes\/[A-Za-z0-9-]+/.test(location.hash), { timeout: 10_000 });
  return /^#\/campagnes\/([A-Za-z0-9-]+)/.exec(await page.evaluate(() => location.hash))![1]!;
}

export async function openSection(page: Page, appUrl: string, campaignId: string, sectionId: string): Promise<void> {
  await page.goto(`${appUrl}#/campagnes/${campaignId}/sections/${sectionId}`);
  await page.waitForSelector('.item-card', { timeout: 10_000 });
}

/** Types a number into an item's field and waits for the card's "Enregistré" (after the commit). */
export async function answerNumber(page: Page, itemId: string, value: string): Promise<void> {
  const input = await page.waitForSelector(`[id="${itemId}-input"]`, { timeout: 10_000 });
  await input!.click();
  await input!.type(value);
  await page.waitForSelector(`[data-item="${itemId}"] .saved`, { timeout: 10_000 });
}

/** What the school form shows, once it has been filled from the database (it starts empty). */
export async function schoolShown(page: Page): Promise<string> {
  await waitForPage(page, () => (document.querySelector('#school-name') as HTMLInputElement | null)?.value, {
    timeout: 10_000,
  });
  return page.$eval('#school-name', (el) => (el as HTMLInputElement).value);
}

/** Checks the radio named `choice` on an item's card and waits for the card's "Enregistré". */
export async function answerChoice(page: Page, itemId: string, choice: string): Promise<void> {
  const card = await page.waitForSelector(`[data-item="${itemId}"]`, { timeout: 10_000 });
  const radio = await card!.waitForSelector(`::-p-aria([name="${choice}"][role="radio"])`, { timeout: 10_000 });
  await radio!.click();
  await page.waitForSelector(`[data-item="${itemId}"] .saved`, { timeout: 10_000 });
}

/** Waits for the file `name` to be fully downloaded into `dir` (no .part left, JSON complete), and returns its text. */
export async function downloaded(dir: string, name: RegExp, timeout = 10_000): Promise<{ file: string; text: string }> {
  const { readdir, readFile } = await import('node:fs/promises');
  const until = Date.now() + timeout;
  for (;;) {
    const files = await readdir(dir);
    const file = files.find((f) => name.test(f));
    if (file && !files.some((f) => f.endsWith('.part'))) {
      const text = await readFile(join(dir, file), 'utf8');
      try {
        JSON.parse(text);
        return { file, text };
      } catch {
        // still being written
      }
    }
    if (Date.now() > until) throw new Error(`no complete download matching ${name} in ${dir}: ${files.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
