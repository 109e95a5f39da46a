// A whole campaign as a real pilot group runs it (issue 12): each test follows what the group
// sees and does, and would have failed before the fix it covers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openApp, useBuiltApp } from './support/browser';
import { storedAnswer } from './support/idb';
import { HomePage } from './pages/home-page';
import { CampaignPages } from './pages/campaign-pages';
import { labelCriteria } from '../../src/domain/scoring/label';
import { documentSections } from '../../src/domain/completion';
import { referentielById } from '../../src/referentiels';

const served = useBuiltApp({ beforeAll, afterAll }, { copy: true });

const DGESCO = 'Référentiel DGESCO 2010';
const OCCITANIE = 'Grille de maturité Occitanie';
const LABEL = 'Label Lycée numérique';
const SCORING_CHOICES = 'Lecture retenue par Diagnum, à discuter en groupe';

/** Text as read: runs of white space (line breaks of the template, no-break spaces) as one space. */
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

async function shot(page: Page, name: string, target?: Locator) {
  const path = `/tmp/whole-campaign-${name}.png`;
  if (target) await target.screenshot({ path });
  else await page.screenshot({ path, fullPage: false });
}

async function newCampaign(page: Page, name: string, date: string, documents: string[], startFrom = 'Aucune : partir de zéro') {
  await page.goto(`${served.url}#/`);
  await new HomePage(page).fillCampaign(name, date, documents, startFrom);
  await page.waitForURL(/#\/campagnes\/[^/]+$/);
  await page.getByRole('heading', { name: 'Avancement' }).waitFor();
  return new CampaignPages(page, served.url).campaignId();
}

/**
 * Answers a section in workshop mode as the room does: for each question on screen, the key of
 * the answer (a digit, or X for "non concerné"; null leaves it unanswered), then S.
 */
async function answerWithKeys(page: Page, campaignId: string, sectionId: string, keys: Array<string | null>) {
  await new CampaignPages(page, served.url).openSection(campaignId, sectionId, true);
  await page.waitForFunction(() => document.activeElement?.closest('[data-item]'));
  for (const key of keys) {
    const current = await page.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-item]')?.dataset.item);
    if (key !== null) {
      await page.keyboard.press(key);
      await page.waitForFunction((id) => document.querySelector(`[data-item="${id}"] .saved`), current);
    }
    await page.keyboard.press('s');
  }
}

const occitanieSections = () => documentSections(referentielById('occitanie-grille'));

/** Every Occitanie criterion at `key`, except those given another key by id. */
async function answerOccitanie(page: Page, campaignId: string, key: string, except: Record<string, string> = {}) {
  for (const section of occitanieSections()) {
    await answerWithKeys(page, campaignId, section.id, section.items.map((item) => except[item.id] ?? key));
  }
}

/** The row of a table found by its caption, within `scope` (a card, a figure) or the whole page. */
function rowOf(page: Page, caption: RegExp, header: RegExp, scope: Page | Locator = page) {
  return scope.locator('table', { has: page.locator('caption', { hasText: caption }) }).getByRole('row', { name: header });
}

/** What a screen reader reads after a field's name: the texts its aria-describedby points to. */
function descriptionOf(field: Locator): Promise<string> {
  return field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** The text of a PDF (poppler's pdftotext), white space squashed. */
function pdfText(pdf: Buffer, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `diagnum-${name}-`));
  writeFileSync(join(dir, `${name}.pdf`), pdf);
  execFileSync('pdftotext', ['-layout', join(dir, `${name}.pdf`), join(dir, `${name}.txt`)]);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', join(dir, `${name}.pdf`), `/tmp/whole-campaign-${name}`]);
  return squash(readFileSync(join(dir, `${name}.txt`), 'utf8'));
}

describe('a whole campaign, as a pilot group runs it', () => {
  it('point 2: mandatory label criteria "non concerné" never lift the level; the level if justified is shown apart', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const id = await newCampaign(page, 'Candidature label', '2026-10-05', [LABEL]);
    // Every mandatory criterion at its best band, A.6 and C.1.2 "non concerné"; optional ones left out.
    for (const section of documentSections(referentielById('label-lycee-2023'))) {
      const keys = section.items.map((item) => {
        const criterion = labelCriteria.find((c) => c.id === item.id)!;
        if (criterion.rule !== 'mandatory') return null;
        return criterion.code === 'A.6' || criterion.code === 'C.1.2' ? 'x' : String(criterion.bands.length);
      });
      await answerWithKeys(page, id, section.id, keys);
    }
    expect((await storedAnswer(page, 'label2023.C.1.2'))?.value).toEqual({ kind: 'not-applicable' });

    await page.goto(`${served.url}#/campagnes/${id}/resultats`);
    await page.reload(); // the results as the group opens them another day
    const card = page.getByRole('region', { name: 'Label « Lycée numérique »' });
    await card.waitFor();
    const text = squash(await card.innerText());
    expect(text).not.toContain('Tous les critères obligatoires du niveau 3 sont remplis');
    expect(text).toContain('Niveau atteint : aucun');
    expect(text).toContain('Sous réserve : niveau 3 si la Région accepte les justifications de A.6 et C.1.2');
    expect(await card.locator('caption').first().textContent()).toMatch(/Ce qui bloque le niveau 1 \(2 critères obligatoires\)/);
    for (const code of ['A.6', 'C.1.2']) {
      expect(squash(await rowOf(page, /Ce qui bloque le niveau 1/, new RegExp(`^${code.replace('.', '\\.')} `), card).textContent()), code).toContain(
        'non concerné',
      );
    }
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'label-card', card);
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  }, 180_000);

  it('point 3: an Occitanie criterion "non concerné" reads so in the table and the radar summary, never "non renseigné"', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const id = await newCampaign(page, 'Grille complète', '2026-10-05', [OCCITANIE]);
    // All 19 criteria at level 2, GAR (4.2) "non concerné".
    await answerOccitanie(page, id, '2', { 'occitanie.4.2': 'x' });
    expect((await storedAnswer(page, 'occitanie.4.2'))?.value).toEqual({ kind: 'not-applicable' });

    await page.goto(`${served.url}#/campagnes/${id}/resultats`);
    await page.reload(); // the results as the group opens them another day
    await page.getByRole('heading', { level: 1, name: /Résultats/ }).waitFor();
    const gar = rowOf(page, /Niveau de chaque critère/, /^GAR\b/);
    expect(squash(await gar.getByRole('cell').textContent())).toBe('non concerné');
    expect(squash(await rowOf(page, /Niveau de chaque critère/, /^4 Ressources/).textContent())).toContain('moyenne 2 (1 critère sur 1 ; 1 « non concerné »)');
    const radar = page.locator('figure', { has: page.locator('canvas[data-chart="occitanie-criteres"]') });
    const summary = squash(await radar.locator('.chart-summary').textContent());
    expect(summary).toContain('1 axe « non concerné »');
    expect(summary).not.toContain('sans réponse');
    expect(squash(await rowOf(page, /Données/, /^GAR\b/, radar).getByRole('cell').textContent())).toBe('non concerné');
    await gar.scrollIntoViewIfNeeded();
    await shot(page, 'occitanie-table');
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  }, 120_000);

  it('point 4: usage counts over the figure are refused, and the total and shares describe what is typed', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const pages = new CampaignPages(page, served.url);
    const id = await newCampaign(page, 'Usages', '2026-10-05', [DGESCO]);
    await pages.openSection(id, 'dgesco2010.s3.1');
    await page.getByLabel(/Nombre de divisions$/).fill('42');
    await pages.saved('dgesco2010.3.1.divisions');

    await pages.openSection(id, 'dgesco2010.s3.6.2');
    const card = page.getByRole('group', { name: /Nombre de divisions où les élèves utilisent des outils/ });
    const field = (label: string) => card.getByLabel(label, { exact: true });
    await field('Jamais').fill('10');
    await expect.poll(async () => (await storedAnswer(page, 'dgesco2010.3.6.2.h1'))?.value).toMatchObject({ never: 10 });
    await field('Occasionnellement').fill('20');
    await expect.poll(async () => (await storedAnswer(page, 'dgesco2010.3.6.2.h1'))?.value).toMatchObject({ occasionally: 20 });
    await field('Régulièrement').fill('20');
    const article = pages.card('dgesco2010.3.6.2.h1');
    await expect.poll(async () => squash(await article.innerText())).toContain('La somme (50) dépasse le nombre de divisions (42)');
    const text = squash(await article.innerText());
    expect(text).toContain('Total saisi, non enregistré : 50 sur 42 divisions');
    expect(text).not.toMatch(/30 sur 42|sans réponse/);
    expect(await field('Régulièrement').getAttribute('aria-invalid')).toBe('true');
    expect(await field('Régulièrement').inputValue()).toBe('20');
    expect(await descriptionOf(field('Jamais'))).toContain('10 divisions, soit 23,8 %');
    expect(await descriptionOf(field('Occasionnellement'))).toContain('20 divisions, soit 47,6 %');
    expect(await descriptionOf(field('Régulièrement'))).toContain('20 divisions, soit 47,6 %');
    expect((await storedAnswer(page, 'dgesco2010.3.6.2.h1'))?.value).toEqual({ kind: 'usage-counts', never: 10, occasionally: 20, regularly: null });
    await article.scrollIntoViewIfNeeded();
    await shot(page, 'usage-refused', article);

    await field('Régulièrement').fill('12');
    await pages.saved('dgesco2010.3.6.2.h1');
    await expect.poll(async () => squash(await article.innerText())).toContain('Total : 42 sur 42 divisions.');
    expect(squash(await article.innerText())).not.toContain('dépasse');
    expect(await descriptionOf(field('Régulièrement'))).toBe('12 divisions, soit 28,6 %');
    expect((await storedAnswer(page, 'dgesco2010.3.6.2.h1'))?.value).toEqual({ kind: 'usage-counts', never: 10, occasionally: 20, regularly: 12 });
    await shot(page, 'usage-accepted', article);
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  });

  it('point 6: the results, the progress page and the printed report each say the scores are Diagnum’s reading, to discuss', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const first = await newCampaign(page, 'État initial', '2025-10-01', [DGESCO, OCCITANIE]);
    await answerWithKeys(page, first, 'occitanie.s1', ['1', '1']);
    const id = await newCampaign(page, 'Réévaluation', '2026-10-01', [DGESCO, OCCITANIE], 'État initial (1 octobre 2025)');
    await answerWithKeys(page, id, 'occitanie.s1', ['3', '2']);
    const said = () => page.getByText(SCORING_CHOICES).filter({ visible: true });

    await page.goto(`${served.url}#/campagnes/${id}/resultats`);
    await page.getByRole('heading', { level: 1, name: /Résultats/ }).waitFor();
    await said().first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'results-top');

    await page.goto(`${served.url}#/progres`);
    await page.getByRole('heading', { level: 1, name: 'Mesure des progrès entre campagnes' }).waitFor();
    await page.locator('canvas[data-chart="evolution-occitanie"]').waitFor();
    await said().first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'progress-top');

    await page.goto(`${served.url}#/campagnes/${id}/rapport`);
    await page.getByRole('heading', { level: 2, name: 'Synthèse' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(squash(await page.locator('main').innerText())).toContain(SCORING_CHOICES);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdfText(pdf, 'report')).toContain(SCORING_CHOICES);
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  }, 120_000);

  it('point 7: a campaign started from the previous one counts its carried-over answers apart until the group confirms them', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const previous = await newCampaign(page, 'État initial 2025', '2025-10-01', [OCCITANIE]);
    await answerOccitanie(page, previous, '2');
    await newCampaign(page, 'Réévaluation 2026', '2026-10-01', [OCCITANIE], 'État initial 2025 (1 octobre 2025)');
    const pages = new CampaignPages(page, served.url);
    const bar = page.getByRole('progressbar', { name: /^Campagne/ });

    expect(squash(await pages.overallProgress())).toBe('19 / 19 répondus, dont 19 reprises à confirmer');
    expect(await bar.getAttribute('value')).toBe('0');
    await page.getByRole('heading', { name: 'Reprises à confirmer (19)' }).waitFor();

    await page.getByRole('button', { name: 'Revoir et confirmer les 19 reprises' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirmer les réponses reprises' });
    await dialog.waitFor();
    const sections = occitanieSections();
    const headings = (await dialog.getByRole('heading', { level: 3 }).allTextContents()).map(squash);
    expect(headings).toEqual(sections.map((s) => `${referentielById('occitanie-grille').shortTitle} · ${s.code} ${s.title} (${s.items.length})`));
    expect(await dialog.getByRole('listitem').count()).toBe(19);
    expect(squash(await dialog.getByRole('listitem').filter({ hasText: /^GAR/ }).textContent())).toMatch(/^GAR : .*2/);
    await shot(page, 'carried-dialog');
    await dialog.getByRole('button', { name: 'Confirmer les 19 réponses' }).click();

    await page.getByRole('heading', { name: 'Reprises à confirmer (0)' }).waitFor();
    await expect.poll(async () => squash(await pages.overallProgress())).toBe('19 / 19 répondus');
    expect(await bar.getAttribute('value')).toBe('100');
    expect(await dialog.isVisible()).toBe(false);
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  }, 120_000);

  it('point 7: an answer flagged "À vérifier" in the previous campaign is not flagged in the next one', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const pages = new CampaignPages(page, served.url);
    const previous = await newCampaign(page, 'État initial 2025', '2025-10-01', [OCCITANIE]);
    await answerWithKeys(page, previous, 'occitanie.s1', ['2', '1']);
    await pages.openSection(previous, 'occitanie.s1');
    await pages.card('occitanie.1.1').getByRole('checkbox', { name: 'À vérifier (question 1)' }).check();
    await expect.poll(async () => (await storedAnswer(page, 'occitanie.1.1'))?.toCheck).toBe(true);
    await pages.openCampaign(previous);
    await page.getByRole('heading', { name: 'À vérifier (1)' }).waitFor();

    const id = await newCampaign(page, 'Réévaluation 2026', '2026-10-01', [OCCITANIE], 'État initial 2025 (1 octobre 2025)');
    await page.getByRole('heading', { name: 'Reprises à confirmer (2)' }).waitFor();
    await shot(page, 'to-check-next-campaign');
    expect(await page.getByRole('heading', { name: /^À vérifier \(\d+\)$/ }).textContent()).toBe('À vérifier (0)');
    await pages.openSection(id, 'occitanie.s1');
    const flag = pages.card('occitanie.1.1').getByRole('checkbox', { name: 'À vérifier (question 1)' });
    expect(await flag.isChecked()).toBe(false);
    expect(await pages.card('occitanie.1.1').locator('.tag', { hasText: 'À vérifier' }).count()).toBe(0);
    await app.context.close();
  }, 90_000);

  it('point 8: at 1280×720 the workshop keeps the section title in view as S moves on, and the focus follows the layout', async () => {
    const app = await openApp(served.browser, served.url, { width: 1280, height: 720 });
    const { page } = app;
    const id = await newCampaign(page, 'Atelier', '2026-10-05', [OCCITANIE]);
    await new CampaignPages(page, served.url).openSection(id, 'occitanie.s1', true);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el?.type === 'radio' ? (el.closest('label')?.querySelector('.choice-label')?.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
      });
    // The focus starts on the first choice on screen, and arrows go through them in the order shown.
    await expect.poll(focused).toBe('1 Niveau 1');
    const criterion = page.getByRole('group', { name: /Instance numérique/ });
    const order = [await focused()];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('ArrowRight');
      order.push(await focused());
    }
    expect(order).toEqual(['1 Niveau 1', '2 Niveau 2', '3 Niveau 3', '0 Non atteint', 'X Non concerné']);
    const boxes = await criterion.getByRole('radio').evaluateAll((radios) =>
      radios.map((r) => {
        const box = r.closest('label')!.getBoundingClientRect();
        return { top: Math.round(box.top), left: Math.round(box.left) };
      }),
    );
    // Reading order of the layout (row by row, left to right) is the DOM's, hence the focus's.
    const reading = [...boxes].sort((a, b) => a.top - b.top || a.left - b.left);
    expect(boxes).toEqual(reading);
    await shot(page, 'workshop-levels');

    // S from question to question, then into the next section: the title is always in view.
    const title = () => page.getByRole('heading', { level: 1 });
    const inView = async () => {
      const box = await title().boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 720;
    };
    const first = occitanieSections()[0]!;
    const second = occitanieSections()[1]!;
    for (let i = 0; i < first.items.length; i++) {
      await page.keyboard.press('s');
      if (i < first.items.length - 1) await expect.poll(inView, { timeout: 3000 }).toBe(true);
    }
    await page.waitForURL(new RegExp(`/atelier/${second.id.replace('.', '\\.')}`));
    await expect.poll(async () => squash(await title().textContent())).toBe(`${second.code} ${second.title}`);
    await page.waitForFunction(() => document.activeElement?.closest('[data-item]'));
    await page.waitForTimeout(600); // the smooth scroll to the focused question, if any
    expect(await inView()).toBe(true);
    await shot(page, 'workshop-next-section');
    for (let i = 0; i < second.items.length - 1; i++) {
      await page.keyboard.press('s');
      await page.waitForTimeout(600);
      expect(await inView(), `after S on question ${i + 1} of ${second.code}`).toBe(true);
    }
    await shot(page, 'workshop-last-question');
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  }, 90_000);

  it('point 10: naming a copy, the follow-up questions explained, owners from the group, no "Effacer" once closed', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const pages = new CampaignPages(page, served.url);
    // The home page's list of documents says how the follow-up questions are counted.
    const dgesco = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: DGESCO }) });
    expect(squash(await dgesco.textContent())).toContain('80 questions (dont 3 posées seulement après un « oui »');

    const id = await newCampaign(page, 'Bilan 2026', '2026-10-05', [DGESCO]);
    for (const name of ['Mme Martin', 'M. Durand']) {
      await page.getByLabel('Nom d’un membre du groupe').fill(name);
      await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
      await page.getByRole('list', { name: 'Membres du groupe' }).getByText(name).waitFor();
    }

    // "Dupliquer" asks for the name, prefilled; nothing is created until it is given.
    await page.getByRole('button', { name: 'Dupliquer' }).click();
    const copyName = page.getByLabel('Nom de la copie');
    expect(await copyName.inputValue()).toBe('Bilan 2026 (copie)');
    await shot(page, 'duplicate');
    await page.getByRole('button', { name: 'Annuler', exact: true }).click();
    expect(await copyName.count()).toBe(0);

    // An action's owner: the group's members are proposed.
    await page.goto(`${served.url}#/campagnes/${id}/resultats`);
    const owner = page.getByLabel('Responsable', { exact: true });
    await owner.waitFor();
    expect(await owner.evaluate((el: HTMLInputElement) => [...(el.list?.options ?? [])].map((o) => o.value))).toEqual(['Mme Martin', 'M. Durand']);

    // An answer, then the campaign closed: its card offers no "Effacer la réponse".
    await pages.openSection(id, 'dgesco2010.s3.2');
    const law = page.getByRole('group', { name: /respecte la loi relative à l'informatique/ });
    await law.getByLabel('Oui').check();
    const erase = page.getByRole('button', { name: /^Effacer la réponse/ });
    await expect.poll(() => erase.count()).toBe(1);
    await pages.openCampaign(id);
    await page.getByRole('button', { name: 'Clôturer la campagne' }).click();
    await page.getByRole('note').filter({ hasText: 'Cette campagne est clôturée' }).waitFor();
    await pages.openSection(id, 'dgesco2010.s3.2');
    await page.getByRole('note').filter({ hasText: 'Cette campagne est clôturée' }).waitFor();
    expect(await law.getByLabel('Oui').isChecked()).toBe(true);
    expect(await erase.count()).toBe(0);
    await shot(page, 'closed-card', pages.card('dgesco2010.3.2.1'));
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  }, 90_000);
});
