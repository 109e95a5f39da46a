import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cpSync, mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, DIST, launch, openApp, waitForServiceWorker } from './support/browser';
import { serveDirectory, type StaticServer } from './support/static-server';

let browser: Browser;
let server: StaticServer;
let site: string;

beforeAll(async () => {
  assertBuilt();
  site = mkdtempSync(join(tmpdir(), 'diagnum-site-'));
  cpSync(DIST, site, { recursive: true });
  server = await serveDirectory(site);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(site, { recursive: true, force: true });
});

describe('a new version of the app', () => {
  it('waits for the user to accept the reload, and keeps what is being typed until then', async () => {
    const app = await openApp(browser, server.url);
    const { page } = app;
    await waitForServiceWorker(page);
    await page.getByLabel('Nom de la campagne').fill('En cours de saisie');

    // The host publishes a new version, and the browser checks for it.
    appendFileSync(join(site, 'sw.js'), '\n// new release\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

    const banner = page.getByText('Une nouvelle version de Diagnum est prête.');
    await banner.waitFor();
    await page.waitForTimeout(1_000);
    expect(await page.getByLabel('Nom de la campagne').inputValue()).toBe('En cours de saisie');

    await page.getByRole('button', { name: 'Recharger maintenant' }).click();
    await page.waitForEvent('load');
    await banner.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Nom de la campagne').inputValue()).toBe('');
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  });
});

describe('the storage page', () => {
  it('shows whether storage is persistent and how much space is used', async () => {
    const app = await openApp(browser, server.url + '#/a-propos');
    await expect.poll(() => app.page.getByTestId('persistence').textContent()).toMatch(/Accordé|Non accordé/);
    expect(await app.page.getByTestId('usage').textContent()).toMatch(/(o|Ko|Mo|Go) sur .* disponibles/);
    await app.context.close();
  });
});
