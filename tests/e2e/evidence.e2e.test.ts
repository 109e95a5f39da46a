// The label dossier: evidence behind the answers (attach once, link many), the texts the call
// asks for, the label sheet that shows them, and a backup that brings them back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, useBuiltApp, waitForServiceWorker } from './support/browser';
import { dumpDatabase } from './support/idb';
import { HomePage } from './pages/home-page';
import { CampaignPages } from './pages/campaign-pages';
import { BackupsPage } from './pages/backups-page';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';

const served = useBuiltApp({ beforeAll, afterAll });
const SHOTS = process.env.DIAGNUM_SHOTS;

/** A school with its UAI and a campaign of the three documents, once the app works offline. */
async function aLabelCampaign() {
  const app = await openApp(served.browser, served.url);
  const { page } = app;
  await waitForServiceWorker(page);
  await new HomePage(page).saveSchool('Lycée Olympe de Gouges', '0341234A', 'Montpellier');
  await new HomePage(page).fillCampaign('Label 2026', '2026-10-05');
  await page.waitForURL(/#\/campagnes\//);
  const pages = new CampaignPages(page, served.url);
  return { app, page, pages, id: pages.campaignId() };
}

describe('the label dossier', () => {
  it('attaches a reference to A.1, links it to a DGESCO item, writes A.7, shows them on the label sheet, prepares the dossier ZIP, and gets them back from a backup, offline too', async () => {
    const { app, page, pages, id } = await aLabelCampaign();

    // A.1 answered "Oui" (a mandatory criterion met), its evidence described from its card.
    await pages.openSection(id, 'label2023.sA');
    const a1 = pages.card('label2023.A.1');
    await a1.getByRole('radio', { name: /^Oui/ }).check();
    await a1.getByText('Commentaire et source, preuves').click();
    await a1.getByRole('button', { name: /^Ajouter une preuve/ }).click();
    // Bad input: no title. The French message is under the form, nothing is stored.
    await a1.getByRole('button', { name: 'Enregistrer la preuve' }).click();
    await expect.poll(() => a1.getByRole('alert').textContent()).toBe('Titre : ce champ est obligatoire.');
    expect(JSON.parse(await dumpDatabase(page)).evidence).toEqual([]);
    await a1.getByLabel('Titre de la preuve').fill('Projet d’établissement 2025-2028 <b>volet numérique</b>');
    await a1.getByLabel('Date du document').fill('2025-06-20');
    await a1.getByLabel('Ce que cela montre').fill('Le numérique est un axe du projet, voté en CA.');
    await a1.getByLabel(/^Où la trouver/).fill('ENT > Vie de l’établissement');
    await a1.getByRole('button', { name: 'Enregistrer la preuve' }).click();
    await expect.poll(() => a1.locator('.evidence-title strong').textContent()).toBe('Projet d’établissement 2025-2028 <b>volet numérique</b>');
    expect(await a1.getByRole('button', { name: /^Commentaire et source/ }).textContent()).toContain('(1)');

    // A.2 met with no evidence: the label sheet will flag it.
    await pages.card('label2023.A.2').getByRole('radio', { name: /^Oui/ }).check();

    // The same document backs a DGESCO item: linked, not described twice.
    // The space the files take, said on the "Données et confidentialité" page.
    await page.goto(`${served.url}#/a-propos`);
    await expect.poll(() => page.getByTestId('evidence-usage').textContent()).toMatch(/^\d+(,\d+)? (o|Ko) \(50 Mo au plus par fichier, 500 Mo en tout\)$/);

    await pages.openSection(id, 'dgesco2010.s3.3.1');
    const dgesco = pages.card('dgesco2010.3.3.1.1');
    await dgesco.getByText('Commentaire et source, preuves').click();
    await dgesco.getByLabel(/^Preuve déjà décrite à lier/).selectOption({ label: 'Projet d’établissement 2025-2028 <b>volet numérique</b>' });
    await dgesco.getByRole('button', { name: /^Lier/ }).click();
    await expect.poll(() => dgesco.locator('.evidence-list li').count()).toBe(1);
    expect(await dgesco.getByText('Liée aussi à 1 autre(s) question(s) ou section(s).').count()).toBe(1);
    const stored = JSON.parse(await dumpDatabase(page)).evidence as Array<{ links: string[] }>;
    expect(stored).toHaveLength(1);
    expect(stored[0]!.links).toEqual(['label2023.A.1', 'dgesco2010.3.3.1.1']);

    // The label sheet: the evidence per criterion, what is missing, and the A.7 text with its count.
    await page.goto(`${served.url}#/campagnes/${id}/candidature-label`);
    const a1Row = page.getByRole('row', { name: /^A\.1 / });
    await expect.poll(() => a1Row.getByRole('cell').last().textContent()).toContain('Projet d’établissement 2025-2028 <b>volet numérique</b> (20/06/2025)');
    expect(await page.getByRole('row', { name: /^A\.2 / }).getByRole('cell').last().textContent()).toContain('Critère obligatoire atteint sans aucune preuve');
    expect(await page.getByTestId('dossier-alerts').textContent()).toMatch(/^\d+ critères? à documenter avant le dépôt/);
    const a7 = page.getByLabel('Argumentaire sur loRdi (critère A.7)');
    await a7.fill('Chaque élève de seconde reçoit loRdi ; les équipes s’en servent en classe.');
    await expect.poll(() => page.locator('[id="dossier-a7-argumentaire-count"]').textContent()).toBe('74 / 8\u202f000 caractères');
    await expect.poll(() => page.locator('.dossier-text').first().locator('.saved').count()).toBe(1);
    // Over the limit: refused with the count, kept on screen, the stored text unchanged.
    const c23 = page.getByLabel(/Présentation d’un ou deux projets innovants/);
    await c23.fill('x'.repeat(8_001));
    await expect.poll(() => page.locator('[id="dossier-c23-projets-error"]').textContent()).toContain('Texte trop long : 8\u202f001 caractères pour 8\u202f000 au plus');
    expect((JSON.parse(await dumpDatabase(page)).dossierTexts as unknown[]).length).toBe(1);
    if (SHOTS) {
      await c23.fill('Projet 1 : la webradio du lycée.');
      await page.screenshot({ path: `${SHOTS}/label-sheet-top.png` });
      await page.locator('table.label-grid').first().screenshot({ path: `${SHOTS}/label-block-a.png` });
      await page.locator('.dossier-texts').screenshot({ path: `${SHOTS}/dossier-texts.png` });
      await page.pdf({ path: `${SHOTS}/label-sheet.pdf`, format: 'A4', printBackground: true });
      await pages.openSection(id, 'label2023.sA');
      await pages.card('label2023.A.1').getByText('Commentaire et source, preuves').click();
      await pages.card('label2023.A.1').screenshot({ path: `${SHOTS}/a1-card.png` });
      await page.goto(`${served.url}#/campagnes/${id}/candidature-label`);
    }

    // "Préparer le dossier": one ZIP named after the school and the call, unzipped here.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Préparer le dossier (fichier ZIP)' }).click()]);
    expect(download.suggestedFilename()).toBe('0341234A_lycee-olympe-de-gouges_label-lycee-numerique_2023-2024.zip');
    const zipped = unzipSync(new Uint8Array(await readFile(await download.path())));
    expect(Object.keys(zipped)).toEqual([
      'fiche-label.html',
      'fiche-label.csv',
      'textes/Argumentaire sur loRdi (critère A.7).txt',
      'preuves/A.1/Projet d’établissement 2025-2028 _b_volet numérique__b_.txt',
      'preuves/index.csv',
    ]);
    expect(strFromU8(zipped['fiche-label.html']!)).toContain('Projet d’établissement 2025-2028 &lt;b&gt;volet numérique&lt;/b&gt; (20/06/2025)');
    expect(strFromU8(zipped['textes/Argumentaire sur loRdi (critère A.7).txt']!)).toContain('Chaque élève de seconde reçoit loRdi');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Dossier préparé' }).count()).toBe(1);

    // Backup, the site data wiped, the backup imported: the evidence and the text come back.
    const before = JSON.parse(await dumpDatabase(page)) as { evidence: unknown[]; dossierTexts: unknown[] };
    const backups = new BackupsPage(page, served.url);
    await backups.open();
    const file = await backups.exportBackup();
    expect(JSON.parse(file.text)).toMatchObject({ formatVersion: 5, data: { evidence: before.evidence, dossierTexts: before.dossierTexts } });
    const cdp = await app.context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(served.url).origin, storageTypes: 'indexeddb' });
    await page.goto(served.url);
    await expect.poll(() => new HomePage(page).campaignNames()).toEqual([]);
    await backups.open();
    await backups.choose([file]);
    await backups.confirm();
    const after = JSON.parse(await dumpDatabase(page)) as { evidence: unknown[]; dossierTexts: unknown[] };
    expect(after.evidence).toEqual(before.evidence);
    expect(after.dossierTexts).toEqual(before.dossierTexts);

    // Offline, reloaded: the label sheet still shows them.
    await app.context.setOffline(true);
    await page.goto(`${served.url}#/campagnes/${id}/candidature-label`);
    await page.reload();
    await expect.poll(() => page.getByRole('row', { name: /^A\.1 / }).getByRole('cell').last().textContent()).toContain('Projet d’établissement');
    expect(await page.getByLabel('Argumentaire sur loRdi (critère A.7)').inputValue()).toBe('Chaque élève de seconde reçoit loRdi ; les équipes s’en servent en classe.');
    await app.context.setOffline(false);

    // Closed, the campaign refuses evidence: no button to add, link or delete.
    await pages.openCampaign(id);
    await page.getByRole('button', { name: /^Clôturer/ }).click();
    await pages.openSection(id, 'label2023.sA');
    await pages.card('label2023.A.1').getByText('Commentaire et source, preuves').click();
    expect(await pages.card('label2023.A.1').getByRole('button', { name: /^(Ajouter une preuve|Supprimer|Modifier)/ }).count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    await app.context.close();
  }, 180_000);

  it('attaches a PDF and an image to A.1, links the PDF to a DGESCO item, previews the image, puts both in the dossier and a backup, and restores them byte for byte', async () => {
    const { app, page, pages, id } = await aLabelCampaign();

    await pages.openSection(id, 'label2023.sA');
    const a1 = pages.card('label2023.A.1');
    await a1.getByRole('radio', { name: /^Oui/ }).check();
    await a1.getByText('Commentaire et source, preuves').click();
    const attach = async (name: string, mimeType: string, buffer: Buffer, title = '') => {
      await a1.getByRole('button', { name: /^Ajouter une preuve/ }).click();
      await a1.getByLabel(/^Fichier/).setInputFiles({ name, mimeType, buffer });
      if (title) await a1.getByLabel(/^Titre de la preuve/).fill(title);
      await a1.getByRole('button', { name: 'Enregistrer la preuve' }).click();
    };
    // Bad input first: an SVG is refused where it was chosen, nothing stored.
    await attach('logo.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
    await expect.poll(() => a1.getByRole('alert').textContent()).toContain('« logo.svg » n’est pas accepté');
    await a1.getByRole('button', { name: 'Annuler' }).click();
    expect(JSON.parse(await dumpDatabase(page)).evidence).toEqual([]);

    await attach('Projet <établissement> 2025.pdf', 'application/pdf', PDF, 'Projet d’établissement 2025-2028');
    await expect.poll(() => a1.locator('.evidence-list > li').count()).toBe(1);
    await attach('affiche.png', 'image/png', PNG);
    await expect.poll(() => a1.locator('.evidence-list > li').count()).toBe(2);
    expect(await a1.locator('.file-name').allTextContents()).toEqual(['Projet <établissement> 2025.pdf', 'affiche.png']);
    // The image previews in an <img> (a blob: URL); the PDF is only downloaded, with its bytes.
    await a1.getByRole('button', { name: 'Aperçu de « affiche.png »' }).click();
    const preview = a1.locator('img.evidence-preview');
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await preview.getAttribute('src')).toMatch(/^blob:/);
    expect(await a1.getByRole('button', { name: /^Aperçu de « Projet/ }).count()).toBe(0);
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), a1.getByRole('button', { name: 'Télécharger « Projet <établissement> 2025.pdf »' }).click()]);
    expect(Buffer.compare(await readFile(await pdfDownload.path()), PDF)).toBe(0);

    await pages.openSection(id, 'dgesco2010.s3.3.1');
    const dgesco = pages.card('dgesco2010.3.3.1.1');
    await dgesco.getByText('Commentaire et source, preuves').click();
    await dgesco.getByLabel(/^Preuve déjà décrite à lier/).selectOption({ label: 'Projet d’établissement 2025-2028' });
    await dgesco.getByRole('button', { name: /^Lier/ }).click();
    await expect.poll(() => dgesco.locator('.file-name').textContent()).toBe('Projet <établissement> 2025.pdf');

    // The dossier holds the files themselves, in their criterion's folder, under Windows-safe names.
    await page.goto(`${served.url}#/campagnes/${id}/candidature-label`);
    const [dossier] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Préparer le dossier (fichier ZIP)' }).click()]);
    const zipped = unzipSync(new Uint8Array(await readFile(await dossier.path())));
    expect(Buffer.compare(Buffer.from(zipped['preuves/A.1/Projet _établissement_ 2025.pdf']!), PDF)).toBe(0);
    expect(Buffer.compare(Buffer.from(zipped['preuves/A.1/affiche.png']!), PNG)).toBe(0);

    // The backup is a ZIP with the files; wiped, then restored: the files come back byte for byte.
    const backups = new BackupsPage(page, served.url);
    await backups.open();
    const [backup] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter toute la base' }).click()]);
    expect(backup.suggestedFilename()).toMatch(/^diagnum-sauvegarde-\d{4}-\d{2}-\d{2}\.zip$/);
    const container = await readFile(await backup.path());
    expect(Object.keys(unzipSync(new Uint8Array(container))).sort()).toHaveLength(3);
    const cdp = await app.context.newCDPSession(page);
    const origin = new URL(served.url).origin;
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
    await page.goto(served.url);
    await expect.poll(() => new HomePage(page).campaignNames()).toEqual([]);
    await backups.open();
    await page.getByLabel('Choisir un fichier à importer').setInputFiles({ name: backup.suggestedFilename(), mimeType: 'application/zip', buffer: container });
    await backups.confirm();
    await pages.openSection(id, 'label2023.sA');
    await a1.getByText('Commentaire et source, preuves').click();
    const [again] = await Promise.all([page.waitForEvent('download'), a1.getByRole('button', { name: 'Télécharger « affiche.png »' }).click()]);
    expect(Buffer.compare(await readFile(await again.path()), PNG)).toBe(0);

    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  }, 180_000);

  it('refuses a file too big for the space the browser has left, with the French message, storing nothing', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    // Little space left, before the app's first write (Chromium caches the space left once it has written).
    const cdp = await app.context.newCDPSession(page);
    const origin = new URL(served.url).origin;
    const usage = (await page.evaluate(() => navigator.storage.estimate())).usage ?? 0;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 400 * 1024 });
    await new HomePage(page).fillCampaign('Label 2026', '2026-10-05');
    await page.waitForURL(/#\/campagnes\//);
    const pages = new CampaignPages(page, served.url);
    await pages.openSection(pages.campaignId(), 'label2023.sA');
    const a1 = pages.card('label2023.A.1');
    await a1.getByText('Commentaire et source, preuves').click();
    const before = await dumpDatabase(page);
    await a1.getByRole('button', { name: /^Ajouter une preuve/ }).click();
    await a1.getByLabel(/^Fichier/).setInputFiles({ name: 'rapport.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([PDF, Buffer.alloc(1024 * 1024, 32)]) });
    await a1.getByRole('button', { name: 'Enregistrer la preuve' }).click();
    // Said before writing when the browser's estimate shows it, else by the write the browser refuses.
    await expect.poll(() => a1.getByRole('alert').textContent(), { timeout: 5_000 }).toMatch(
      /^(Pas assez de place dans ce navigateur pour ce fichier \(1 Mo, .* disponibles\) : rien n’a été enregistré\.|L’espace de stockage du navigateur est plein)/,
    );
    // The form keeps what was chosen, to try again once space is freed.
    expect(await a1.getByRole('button', { name: 'Enregistrer la preuve' }).count()).toBe(1);
    expect(await dumpDatabase(page)).toBe(before);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  }, 180_000);
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
