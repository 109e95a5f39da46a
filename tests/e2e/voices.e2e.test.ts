// Several voices: a round of positions in the workshop from the keyboard and its spread in the
// results; the anonymous staff questionnaire in kiosk mode (30 respondents back to back), from its
// link on a teacher's own laptop (offline), and 200 response files imported at once, whose
// proposal the group takes into DGESCO 3.6.1. Axe on the kiosk and the questionnaire page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { openApp, useBuiltApp, waitForServiceWorker } from './support/browser';
import { dumpDatabase } from './support/idb';
import { HomePage } from './pages/home-page';
import { CampaignPages } from './pages/campaign-pages';
import { BackupsPage } from './pages/backups-page';
import { newResponse, serializeResponseFile, type SurveyRecord } from '../../src/domain/survey/responses';
import { pdfPagesText, pdfToPngs } from './support/pdf';
import { copyFileSync } from 'node:fs';

const served = useBuiltApp({ beforeAll, afterAll });
const SHOTS = process.env.DIAGNUM_SHOTS;
const H1 = 'dgesco2010.3.6.1.h1';

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function aCampaign(name = 'Diagnostic 2026') {
  const app = await openApp(served.browser, served.url);
  const { page } = app;
  await waitForServiceWorker(page);
  await new HomePage(page).saveSchool('Lycée Olympe de Gouges', '0341234A', 'Montpellier');
  await new HomePage(page).fillCampaign(name, '2026-10-05');
  await page.waitForURL(/#\/campagnes\//);
  const pages = new CampaignPages(page, served.url);
  return { app, page, pages, id: pages.campaignId() };
}

type Stored = { surveys: SurveyRecord[]; surveyResponses: Array<{ answers: unknown[] }>; positions: unknown[]; answers: Array<{ itemId: string; value: unknown; source: string }> };
const stored = async (page: Page) => JSON.parse(await dumpDatabase(page)) as Stored;

describe('positions before consensus', () => {
  it('takes each member’s position from the keyboard and anonymous votes, agrees on the most frequent, and lists the divided items in the results', async () => {
    const { page, pages, id } = await aCampaign();
    for (const name of ['Mme Martin', 'M. Durand', 'Mme Roux']) {
      await page.getByLabel('Nom d’un membre du groupe').fill(name);
      await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
      await page.getByRole('list', { name: 'Membres du groupe' }).getByText(name).waitFor();
    }

    await pages.openSection(id, 'occitanie.s1', true);
    const first = pages.card('occitanie.1.1');
    await first.getByRole('button', { name: /^Tour de table/ }).click();
    // From the keyboard: each member's select takes the level's digit.
    await first.getByLabel('Mme Martin').focus();
    await page.keyboard.press('2');
    await expect.poll(() => first.locator('.item-positions > button.disclosure').textContent()).toContain('1 × niveau 2');
    await page.keyboard.press('Tab');
    await page.keyboard.press('2');
    await page.keyboard.press('Tab');
    await page.keyboard.press('1');
    await expect.poll(() => first.locator('.spread').textContent()).toContain('2 × niveau 2, 1 × niveau 1');
    // An anonymous vote is a tally only.
    await first.getByRole('button', { name: /^\+1 vote « Niveau 2 »/ }).click();
    await expect.poll(() => first.locator('.spread').textContent()).toContain('Avis exprimés (4) : 3 × niveau 2, 1 × niveau 1');
    await first.getByRole('button', { name: /^Retenir l’avis le plus fréquent : niveau 2 \(3 sur 4\)/ }).click();
    await expect.poll(() => first.getByRole('radio', { name: /^Niveau 2/ }).isChecked()).toBe(true);
    await first.getByText('La réponse retenue est l’avis le plus fréquent.').waitFor();

    // A criterion where views are far apart, and "non concerné" counted as a view of its own.
    const second = pages.card('occitanie.1.2');
    await second.getByRole('button', { name: /^Tour de table/ }).click();
    await second.getByLabel('Mme Martin').selectOption({ label: '1 · Niveau 1' });
    await expect.poll(() => second.locator('.spread').textContent()).toContain('1 × niveau 1');
    await second.getByLabel('M. Durand').selectOption({ label: '3 · Niveau 3' });
    await expect.poll(() => second.locator('.spread').textContent()).toContain('1 × niveau 1, 1 × niveau 3');
    await second.getByLabel('Mme Roux').selectOption({ label: 'X · Non concerné' });
    await expect.poll(() => second.locator('.spread').textContent()).toContain('1 × niveau 1, 1 × niveau 3, 1 × non concerné — avis partagés, à discuter');
    await second.getByText('Pas d’avis majoritaire').waitFor();
    if (SHOTS) await second.screenshot({ path: `${SHOTS}/voices-round.png` });
    expect((await stored(page)).positions).toHaveLength(2);

    // Kept with the campaign: a reload shows the spread again.
    await page.reload();
    await expect.poll(() => pages.card('occitanie.1.2').locator('.item-positions > button.disclosure').textContent()).toContain('1 × niveau 1, 1 × niveau 3, 1 × non concerné');

    await page.goto(`${served.url}#/campagnes/${id}/resultats`);
    const discussion = page.getByRole('region', { name: 'Avis du groupe : ce qui reste à discuter' });
    await discussion.waitFor();
    const listed = await discussion.locator('.to-discuss li').allTextContents();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain('1 × niveau 1, 1 × niveau 3, 1 × non concerné');
    expect(listed[0]).toContain('réponse retenue : pas encore choisie');
    // The spread per criterion beside the agreed level.
    const row = discussion.getByRole('row', { name: /^1\.1 Instance numérique/ });
    expect(await row.locator('td.agreed').textContent()).toContain('✓ retenu');
    expect(await row.locator('td').nth(2).textContent()).toContain('3 avis');
    if (SHOTS) await discussion.screenshot({ path: `${SHOTS}/voices-results.png` });

    // At a distance: a member's contribution file brings their positions instead of conflicts.
    // Mme Leroy answered 1.1 "niveau 1" on her laptop (here: before the group changes it back).
    await pages.openSection(id, 'occitanie.s1');
    await pages.card('occitanie.1.1').getByRole('radio', { name: /^Niveau 1/ }).check();
    await pages.saved('occitanie.1.1');
    const backups = new BackupsPage(page, served.url);
    await backups.open();
    const contribution = await backups.exportContribution('Diagnostic 2026', 'Mme Leroy');
    await pages.openSection(id, 'occitanie.s1');
    await pages.card('occitanie.1.1').getByRole('radio', { name: /^Niveau 2/ }).check();
    await pages.saved('occitanie.1.1');
    const before = await stored(page);
    await backups.open();
    await backups.choose([contribution]);
    await backups.preview().getByRole('button', { name: 'Prendre ses réponses comme son avis (tour de table)' }).click();
    await page.getByText(/^Avis de Mme Leroy enregistrés dans le tour de table de \d+ questions? ; les réponses du groupe n’ont pas changé\./).waitFor();
    const after = await stored(page);
    expect(after.answers).toEqual(before.answers);
    await pages.openSection(id, 'occitanie.s1');
    await expect.poll(() => pages.card('occitanie.1.1').locator('.item-positions > button.disclosure').textContent()).toContain('3 × niveau 2, 2 × niveau 1');
    expect(await pages.card('occitanie.1.1').getByRole('radio', { name: /^Niveau 2/ }).isChecked()).toBe(true);

    // The printed report shows the agreed answer with its spread, and no member's name.
    await page.goto(`${served.url}#/campagnes/${id}/rapport`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const text = pdfPagesText(pdf).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('niveau 2 — tour de table : 3 × niveau 2, 2 × niveau 1');
    expect(text).toContain('non renseigné — tour de table : 1 × niveau 1, 1 × niveau 3, 1 × non concerné');
    expect(text).not.toContain('Leroy');
    if (SHOTS) {
      const pngs = pdfToPngs(pdf, 'report-voices', 60);
      const at = pngs.findIndex((png, i) => pdfPagesText(pdf)[i]?.includes('tour de table'));
      copyFileSync(pngs[at]!, `${SHOTS}/report-voices.png`);
    }
  }, 180_000);
});

describe('the staff questionnaire', () => {
  it('runs a kiosk for 30 respondents back to back, each on a blank questionnaire; leaving needs the code', async () => {
    const { page, id } = await aCampaign();
    await page.getByRole('link', { name: 'Questionnaire anonyme des enseignants' }).click();
    await page.getByRole('button', { name: 'Préparer le questionnaire des enseignants' }).click();
    // Bad input: a code too short is refused, the kiosk not started.
    await page.getByLabel(/^Mode kiosque/).first().fill('12');
    await page.getByRole('button', { name: 'Lancer le mode kiosque' }).first().click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('Le code du kiosque compte au moins 4 caractères.');
    await page.getByLabel(/^Mode kiosque/).first().fill('salle-B12');
    await page.getByRole('button', { name: 'Lancer le mode kiosque' }).first().click();
    await page.getByRole('heading', { name: 'Questionnaire anonyme des enseignants', exact: true }).waitFor();
    // Nothing of the app around it: no navigation, no campaign.
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(0);
    expect(await page.getByText('Diagnostic 2026', { exact: false }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/kiosk.png`, fullPage: true });
    // The footer's promise holds in the kiosk (responses stay in this browser); on the link's page there is none.
    expect(await page.getByText('Vos réponses restent dans ce navigateur').count()).toBe(1);

    const answers = ['Régulièrement', 'Occasionnellement', 'Jamais'] as const;
    for (let i = 0; i < 30; i++) {
      // Each respondent starts on a blank questionnaire.
      expect(await page.locator('input[type=radio]:checked').count()).toBe(0);
      const groups = page.locator('fieldset.survey-question');
      await groups.nth(0).getByLabel(answers[i % 3]!).check();
      if (i % 5 !== 0) await groups.nth(1).getByLabel('Je ne sais pas').check();
      await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
      await expect.poll(() => page.locator('input[type=radio]:checked').count()).toBe(0);
    }
    await expect.poll(async () => (await stored(page)).surveyResponses.length).toBe(30);
    // A reload stays in the kiosk.
    await page.reload();
    await page.getByRole('button', { name: 'Envoyer ma réponse' }).waitFor();
    await page.getByRole('button', { name: /^Quitter le mode kiosque/ }).click();
    await page.getByLabel('Code du mode kiosque').fill('salle-b12');
    await page.getByRole('button', { name: 'Quitter', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Code incorrect.');
    await page.getByLabel('Code du mode kiosque').fill('salle-B12');
    await page.getByRole('button', { name: 'Quitter', exact: true }).click();
    await page.waitForURL(new RegExp(`#/campagnes/${id}/questionnaire$`));
    // 30 responses: the figures show (threshold 5), 10 per answer to 3.6.1.
    await page.getByText('Parmi les répondants : jamais 10 ; occasionnellement 10 ; régulièrement 10').waitFor();
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(1);
  }, 240_000);

  it('opens alone from its link on a teacher’s laptop, offline, and saves a response file', async () => {
    const { page } = await aCampaign();
    await page.getByRole('link', { name: 'Questionnaire anonyme des enseignants' }).click();
    await page.getByRole('button', { name: 'Préparer le questionnaire des enseignants' }).click();
    const linkField = page.getByLabel(/^Lien à partager/).first();
    await expect.poll(() => linkField.inputValue()).toContain('etab=');
    const link = await linkField.inputValue();
    expect(link).toMatch(/#\/questionnaire\/[A-Za-z0-9-]+-teachers\?public=teachers&etab=Lyc%C3%A9e\+Olympe\+de\+Gouges$/);

    // Another laptop: a fresh browser profile that loaded the app once, then offline.
    const teacher = await openApp(served.browser, served.url);
    await waitForServiceWorker(teacher.page);
    await teacher.context.setOffline(true);
    await teacher.page.goto(link);
    await teacher.page.reload();
    await teacher.page.getByRole('heading', { name: 'Questionnaire anonyme des enseignants', exact: true }).waitFor();
    await teacher.page.getByText('Lycée Olympe de Gouges').waitFor();
    expect(await axeViolations(teacher.page)).toEqual([]);
    // Bad input: nothing answered.
    await teacher.page.getByRole('button', { name: 'Enregistrer ma réponse (fichier)' }).click();
    await expect.poll(() => teacher.page.getByRole('alert').textContent()).toContain('Répondez au moins à une question');
    await teacher.page.locator('fieldset.survey-question').first().getByLabel('Régulièrement').check();
    const [download] = await Promise.all([
      teacher.page.waitForEvent('download'),
      teacher.page.getByRole('button', { name: 'Enregistrer ma réponse (fichier)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^reponse-questionnaire-\d{4}-\d{2}-\d{2}-[A-Za-z0-9_-]{8}\.json$/);
    const file = JSON.parse(await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8'));
    expect(Object.keys(file.response).sort()).toEqual(['answers', 'audience', 'day', 'id', 'surveyId']);
    expect(file.response.answers).toEqual([{ itemId: H1, answer: 'regularly' }]);
    await teacher.page.getByText(/^Merci : votre réponse est dans le fichier/).waitFor();
    expect(await teacher.page.getByText('Vos réponses restent dans ce navigateur').count()).toBe(0);
    // Nothing stored on the teacher's laptop.
    expect((await stored(teacher.page)).surveyResponses).toEqual([]);
    if (SHOTS) await teacher.page.screenshot({ path: `${SHOTS}/questionnaire-link.png`, fullPage: true });
    await teacher.context.close();
  }, 180_000);

  it('imports 200 response files at once (two twice, one hostile, one of another campaign), the group takes the proposal into 3.6.1, and a backup brings every response back', async () => {
    const { app, page, pages, id } = await aCampaign();
    // 250 teachers in the reference figures (3.1).
    await pages.openSection(id, 'dgesco2010.s3.1');
    await pages.input('dgesco2010.3.1.teachers-input').fill('250');
    await pages.saved('dgesco2010.3.1.teachers');

    await page.goto(`${served.url}#/campagnes/${id}/questionnaire`);
    await page.getByRole('button', { name: 'Préparer le questionnaire des enseignants' }).click();
    await page.getByRole('button', { name: 'Lancer le mode kiosque' }).first().waitFor();
    const survey = (await stored(page)).surveys[0]!;
    const pattern = ['never', 'occasionally', 'regularly', 'regularly', 'unknown'] as const;
    const files = Array.from({ length: 196 }, (_, i) => ({
      name: `reponse-${i}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(serializeResponseFile(newResponse(survey, [{ itemId: H1, answer: pattern[i % 5]! }], '2026-10-12'))),
    }));
    const other = { ...survey, id: 'AAAAAAAAAAAAAAAAAAAAAA' };
    const chosen = [
      ...files,
      { ...files[3]!, name: 'copie-3.json' },
      { ...files[7]!, name: 'copie-7.json' },
      { name: 'piege.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"diagnum-reponse-questionnaire","version":1,"response":{"id":"x","nom":"Durand"}}') },
      { name: 'autre.json', mimeType: 'application/json', buffer: Buffer.from(serializeResponseFile(newResponse(other, [{ itemId: H1, answer: 'never' }], '2026-10-12'))) },
    ];
    expect(chosen).toHaveLength(200);
    const before = await stored(page);
    await page.getByLabel(/^Importer des fichiers de réponse/).first().setInputFiles(chosen);
    const outcome = page.locator('.import-outcome');
    await outcome.waitFor();
    const text = (await outcome.textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain('196 réponses ajoutées.');
    expect(text).toContain('2 fichiers déjà importés (comptés une seule fois).');
    expect(text).toContain('1 réponse d’une autre campagne ou d’un autre questionnaire : ignorée (autre.json).');
    expect(text).toContain('1 fichier refusé');
    expect(text).toContain('piege.json : ');
    const after = await stored(page);
    expect(after.surveyResponses).toHaveLength(before.surveyResponses.length + 196);
    expect(after.answers).toEqual(before.answers); // proposed, never written silently
    // Below the threshold a question shows no figure: nobody answered 3.6.2 or 3.6.3.
    await page.getByRole('region', { name: /^3\.6\.2/ }).getByText(/^Moins de 5 réponses à cette question \(0\)/).waitFor();

    // The group's own estimate, typed before: 80 % regular use, far from what the teachers say.
    await pages.openSection(id, 'dgesco2010.s3.6.1');
    for (const [key, n] of [['never', '25'], ['occasionally', '25'], ['regularly', '200']] as const) {
      await pages.input(`${H1}-${key}`).fill(n);
    }
    await expect.poll(async () => (await stored(page)).answers.find((a) => a.itemId === H1)?.value).toEqual({
      kind: 'usage-counts',
      never: 25,
      occasionally: 25,
      regularly: 200,
    });
    await page.goto(`${served.url}#/campagnes/${id}/questionnaire`);
    const result = page.getByRole('region', { name: /^3\.6\.1/ });
    await result.getByText('issu du questionnaire : 196 réponses sur 250 enseignants (participation 78 %)').waitFor();
    await result.getByText('Fort écart : le groupe estime 80 % d’usage régulier, les enseignants répondent 50 %.').waitFor();
    // Among respondents: 40 never, 39 occasionally, 78 regularly, 39 "je ne sais pas" (196 = 5 × 39 + 1).
    await result.getByText('Parmi les répondants : jamais 40 ; occasionnellement 39 ; régulièrement 78 (je ne sais pas : 39)').waitFor();
    // Shares among the 157 who knew, applied to 250 (largest remainder): 63.69, 62.10, 124.20 → 64, 62, 124.
    await result.getByText('Si les répondants ressemblent à l’ensemble des enseignants : jamais 64 ; occasionnellement 62 ; régulièrement 124').waitFor();
    if (SHOTS) await result.screenshot({ path: `${SHOTS}/questionnaire-proposal.png` });
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/questionnaire-page.png`, fullPage: true });
    await result.getByRole('button', { name: /^Reprendre l’estimation pour tous les enseignants/ }).click();
    await result.getByText(/^Repris dans la réponse du groupe/).waitFor();
    const answer = (await stored(page)).answers.find((a) => a.itemId === H1)!;
    expect(answer.value).toEqual({ kind: 'usage-counts', never: 64, occasionally: 62, regularly: 124 });
    expect(answer.source).toBe('issu du questionnaire : 196 réponses sur 250 enseignants (participation 78 %)');
    // The section shows the answer and where it came from.
    await pages.openSection(id, 'dgesco2010.s3.6.1');
    await pages.card(H1).getByText(/Commentaire et source/).click();
    expect(await pages.input(`${H1}-source`).inputValue()).toBe(answer.source);

    // No response lost: a backup, the site data cleared, the backup restored: the same figures.
    const backups = new BackupsPage(page, served.url);
    await backups.open();
    const backup = await backups.exportBackup();
    const kept = await stored(page);
    const cdp = await app.context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(served.url).origin, storageTypes: 'all' });
    await page.goto(served.url);
    await expect.poll(() => new HomePage(page).campaignNames()).toEqual([]);
    await backups.open();
    await backups.choose([backup]);
    await backups.confirm();
    const restored = await stored(page);
    expect(restored.surveyResponses).toEqual(kept.surveyResponses);
    expect(restored.surveys).toEqual(kept.surveys);
    await page.goto(`${served.url}#/campagnes/${id}/questionnaire`);
    await page.getByRole('region', { name: /^3\.6\.1/ }).getByText('issu du questionnaire : 196 réponses sur 250 enseignants (participation 78 %)', { exact: true }).waitFor();
  }, 240_000);
});
