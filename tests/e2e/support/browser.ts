// Debian's Chromium driven by playwright-core, with the flags this sandbox needs, and a log of
// every request that leaves the app's origin and of every page error.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST = join(import.meta.dirname, '../../../dist');

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function assertBuilt(): void {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Requests to any origin other than the app's. */
  foreignRequests: string[];
  pageErrors: string[];
  cspViolations: string[];
}

export async function openApp(browser: Browser, appUrl: string, viewport = { width: 1366, height: 768 }): Promise<Watched> {
  const context = await browser.newContext({ viewport, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const origin = new URL(appUrl).origin;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (/^(data|blob|chrome-extension):/.test(url)) return;
    if (new URL(url).origin !== origin) foreignRequests.push(url);
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.exposeFunction('__reportCsp', (text: string) => cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __reportCsp(t: string): void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(appUrl);
  return { context, page, foreignRequests, pageErrors, cspViolations };
}

/** Waits until the service worker controls the page, so that the whole app is precached. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
