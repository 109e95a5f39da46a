// Debian's Chromium driven by playwright-core, with the flags this sandbox needs, and a log of
// every request that leaves the app's origin and of every page error.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDirectory, type StaticServer } from './static-server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The built app; DIAGNUM_DIST points elsewhere (a build that other runs on this machine do not overwrite). */
export const DIST = process.env.DIAGNUM_DIST ?? join(import.meta.dirname, '../../../dist');

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

/**
 * The built app served from dist/ and one Chromium for a whole test file; the hooks are
 * registered by the call, the getters used inside the tests. With `copy`, a private copy of dist/
 * is served: a test may change it (a new release), and a build started meanwhile cannot.
 */
export function useBuiltApp(
  hooks: { beforeAll(fn: () => Promise<void>): void; afterAll(fn: () => Promise<void>): void },
  options: { copy?: boolean } = {},
) {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let site: string | undefined;
  hooks.beforeAll(async () => {
    assertBuilt();
    if (options.copy) {
      site = mkdtempSync(join(tmpdir(), 'diagnum-site-'));
      cpSync(DIST, site, { recursive: true });
    }
    server = await serveDirectory(site ?? DIST);
    browser = await launch();
  });
  hooks.afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (site) rmSync(site, { recursive: true, force: true });
  });
  return {
    get url(): string {
      if (!server) throw new Error('the app is served only inside the tests');
      return server.url;
    },
    get browser(): Browser {
      if (!browser) throw new Error('Chromium runs only inside the tests');
      return browser;
    },
    /** The folder served, with `copy` only. */
    get site(): string {
      if (!site) throw new Error('no private copy: useBuiltApp(hooks, { copy: true })');
      return site;
    },
  };
}
