import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, useBuiltApp, waitForServiceWorker } from './support/browser';

// A private copy of dist/: the test publishes a new release into it.
const served = useBuiltApp({ beforeAll, afterAll }, { copy: true });

describe('a new version of the app', () => {
  it('waits for the user to accept the reload, and keeps what is being typed until then', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    await waitForServiceWorker(page);
    await page.getByLabel('Nom de la campagne').fill('En cours de saisie');

    // The host publishes a new version, and the browser checks for it.
    appendFileSync(join(served.site, 'sw.js'), '\n// new release\n');
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
    const app = await openApp(served.browser, served.url + '#/a-propos');
    await expect.poll(() => app.page.getByTestId('persistence').textContent()).toMatch(/Accordé|Non accordé/);
    expect(await app.page.getByTestId('usage').textContent()).toMatch(/(o|Ko|Mo|Go) sur .* disponibles/);
    await app.context.close();
  });
});
