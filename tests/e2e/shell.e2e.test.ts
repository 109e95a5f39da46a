import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { DIST, openApp, useBuiltApp, waitForServiceWorker } from './support/browser';
import { serveDirectory } from './support/static-server';
import { HomePage } from './pages/home-page';

const served = useBuiltApp({ beforeAll, afterAll });

describe('the app shell', () => {
  it('keeps the school and a campaign across a reload, then offline, and never calls another origin', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    await waitForServiceWorker(page);
    const home = new HomePage(page);

    await home.saveSchool('Lycée Jean Jaurès', '0341234a', 'Montpellier');
    await expect.poll(() => home.schoolStatus().textContent()).toContain('Enregistré');
    await home.createCampaign('État initial 2026-2027', '2026-10-05');
    await expect.poll(() => home.campaignNames()).toEqual(['État initial 2026-2027']);

    await page.reload();
    await expect.poll(() => page.getByLabel('Nom de l’établissement').inputValue()).toBe('Lycée Jean Jaurès');
    expect(await page.getByLabel(/Code UAI/).inputValue()).toBe('0341234A');
    await expect.poll(() => home.campaignNames()).toEqual(['État initial 2026-2027']);

    await app.context.setOffline(true);
    const offline = await page.reload();
    expect(offline?.fromServiceWorker()).toBe(true);
    await expect.poll(() => home.campaignNames()).toEqual(['État initial 2026-2027']);
    await page.getByRole('link', { name: 'Référentiel DGESCO 2010' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Référentiel collège ou lycée numérique');
    await page.goto(served.url + '#/');
    await home.createCampaign('Créée hors ligne', '2026-11-20');
    await expect.poll(() => home.campaignNames()).toEqual(['Créée hors ligne', 'État initial 2026-2027']);

    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(app.cspViolations).toEqual([]);
    await app.context.close();
  });

  it('opens its first page without the documents nor the campaigns’ writes: each comes when first needed', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    // With a campaign to list (creating it opens the campaign, which loads the documents).
    await new HomePage(page).createCampaign('État initial 2025', '2025-10-01');
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.reload();
    await page.getByRole('link', { name: 'État initial 2025' }).waitFor();
    // The documents' chunk (the three référentiels) is named after their module.
    expect(scripts.filter((path) => /referentiels-[\w-]+\.js$/.test(path))).toEqual([]);
    expect(scripts.length).toBeGreaterThan(3);
    // Nor the campaigns' writes (storage/campaigns.ts, with every record's schema), known by one of
    // its messages: the list is read alone, the writes' module comes with the first write.
    const holds = (paths: string[], text: string) =>
      page.evaluate(
        async ({ paths, text }) => (await Promise.all(paths.map(async (p) => (await (await fetch(p)).text()).includes(text)))).some(Boolean),
        { paths, text },
      );
    const holdsWrites = (paths: string[]) => holds(paths, 'Ce membre ne fait pas partie du groupe');
    expect(await holdsWrites(scripts)).toBe(false);
    // Nor, ever, the schemas of the documents' definitions (referentiels/kinds.ts, checked by the
    // tests), known by the label criteria's code pattern.
    expect(await holds(scripts, String.raw`A-D](\.\d+){1,2}`)).toBe(false);
    const renamed = scripts.length;
    await page.getByRole('button', { name: 'Renommer « État initial 2025 »' }).click();
    await page.getByLabel('Nouveau nom de « État initial 2025 »').fill('État initial 2025-2026');
    await page.getByRole('button', { name: 'Renommer', exact: true }).click();
    await page.getByRole('link', { name: 'État initial 2025-2026' }).waitFor();
    expect(await holdsWrites(scripts.slice(renamed))).toBe(true);
    // The pointer on "Progrès": that page's code, the documents with it, starts loading before the click.
    const documents = page.waitForRequest((request) => /referentiels-[\w-]+\.js$/.test(new URL(request.url()).pathname));
    await page.getByRole('link', { name: 'Progrès' }).hover();
    await documents;
    expect(page.url()).not.toContain('#/progres');
    await app.context.close();
  });

  it('opens, with its data, after the web server is gone', async () => {
    const own = await serveDirectory(DIST);
    const app = await openApp(served.browser, own.url);
    await waitForServiceWorker(app.page);
    await new HomePage(app.page).createCampaign('Avant la coupure', '2026-10-05');
    await expect.poll(() => new HomePage(app.page).campaignNames()).toEqual(['Avant la coupure']);
    await own.stop();

    const again = await app.context.newPage();
    const response = await again.goto(own.url);
    expect(response?.fromServiceWorker()).toBe(true);
    await expect.poll(() => new HomePage(again).campaignNames()).toEqual(['Avant la coupure']);
    await app.context.close();
  });

  it('refuses bad input in French, marks the field, and stores nothing', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const home = new HomePage(page);
    await home.saveSchool('Lycée Pierre-Paul Riquet', '12345');
    await expect.poll(() => home.schoolStatus().textContent()).toContain('7 chiffres suivis d’une lettre');
    expect(await page.getByLabel(/Code UAI/).getAttribute('aria-invalid')).toBe('true');
    await home.fillCampaign('   ', '2026-10-05');
    await expect.poll(() => page.locator('#campaign-status').textContent()).toContain('obligatoire');
    await home.fillCampaign('Sans référentiel', '2026-10-05', []);
    await expect.poll(() => page.locator('#campaign-status').textContent()).toContain('au moins un référentiel');
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await home.createCampaign(hostile, '2026-10-05', ['Référentiel DGESCO 2010']);
    await expect.poll(() => home.campaignNames()).toEqual([hostile]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await page.reload();
    expect(await page.getByLabel('Nom de l’établissement').inputValue()).toBe('');
    await expect.poll(() => home.campaignNames()).toEqual([hostile]);
    await app.context.close();
  });

  it('proposes today’s date in words, builds the date field only when asked, and creates the campaign on the date chosen', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const today = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date());
    const change = page.getByRole('button', { name: 'Changer la date' });
    await change.waitFor();
    // No date field on the first display: a browser's first one loads its calendar data.
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    expect((await page.locator('.new-campaign').textContent())!.replace(/\s+/g, ' ')).toContain(`Date ${today} Changer la date`);
    await page.getByLabel('Nom de la campagne').fill('Le jour même');
    await page.getByRole('button', { name: 'Créer la campagne' }).click();
    await page.waitForURL(/#\/campagnes\//);
    await expect.poll(() => page.locator('main').textContent()).toContain(today);
    // A date other than today's: the field appears, focused, and its date is the campaign's.
    await page.goto(served.url + '#/');
    await change.click();
    const field = page.getByLabel('Date', { exact: true });
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await field.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByLabel('Nom de la campagne').fill('Rentrée 2026');
    await field.fill('2026-09-01');
    await page.getByRole('button', { name: 'Créer la campagne' }).click();
    await page.waitForURL(/#\/campagnes\//);
    await expect.poll(() => page.locator('main').textContent()).toContain('1 septembre 2026');
    // Back home, today's date in words again.
    await page.goto(served.url + '#/');
    await change.waitFor();
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  });

  it('renames a campaign, and deletes one only after confirmation', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const home = new HomePage(page);
    await home.createCampaign('Bilan 2025', '2025-06-10');
    await home.createCampaign('Bilan 2026', '2026-06-10');
    await expect.poll(() => home.campaignNames()).toEqual(['Bilan 2026', 'Bilan 2025']);

    await page.getByRole('button', { name: 'Renommer « Bilan 2025 »' }).click();
    await page.getByLabel('Nouveau nom de « Bilan 2025 »').fill('État initial 2025');
    await page.getByRole('button', { name: 'Renommer', exact: true }).click();
    await expect.poll(() => home.campaignNames()).toEqual(['Bilan 2026', 'État initial 2025']);

    await page.getByRole('button', { name: 'Supprimer « Bilan 2026 »' }).click();
    const dialog = page.getByRole('dialog', { name: 'Supprimer la campagne ?' });
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    expect(await home.campaignNames()).toEqual(['Bilan 2026', 'État initial 2025']);
    await page.getByRole('button', { name: 'Supprimer « Bilan 2026 »' }).click();
    await dialog.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await expect.poll(() => home.campaignNames()).toEqual(['État initial 2025']);
    // An undo, for a few seconds, puts it back as it was.
    await page.getByRole('button', { name: 'Annuler la suppression' }).click();
    await expect.poll(() => home.campaignNames()).toEqual(['Bilan 2026', 'État initial 2025']);
    await page.getByRole('button', { name: 'Supprimer « Bilan 2026 »' }).click();
    await dialog.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await expect.poll(() => home.campaignNames()).toEqual(['État initial 2025']);
    await page.reload();
    await expect.poll(() => home.campaignNames()).toEqual(['État initial 2025']);
    await app.context.close();
  });

  it('has no axe violation (WCAG 2 A and AA) on any page of the shell', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    await new HomePage(page).createCampaign('Campagne', '2026-10-05');
    const pages = ['#/', '#/referentiels/dgesco-2010', '#/referentiels/occitanie-grille', '#/referentiels/label-lycee-2023', '#/a-propos', '#/inconnu'];
    for (const hash of pages) {
      await page.goto(served.url + hash);
      await page.waitForSelector('h1');
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(result.violations.map((v) => `${hash} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    await page.goto(served.url + '#/');
    await page.getByRole('button', { name: 'Supprimer « Campagne »' }).click();
    const withDialog = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(withDialog.violations.map((v) => v.id)).toEqual([]);
    await app.context.close();
  });

  it('gives each screen its own title, in French', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expect.poll(() => page.title()).toBe('Accueil · Diagnum');
    await page.goto(served.url + '#/a-propos');
    await expect.poll(() => page.title()).toBe('Données et confidentialité · Diagnum');
    await page.goto(served.url + '#/referentiels/occitanie-grille');
    await expect.poll(() => page.title()).toBe('Grille de maturité Occitanie · Diagnum');
    await app.context.close();
  });
});
