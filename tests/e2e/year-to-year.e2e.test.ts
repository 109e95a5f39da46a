// The year-to-year loop as a RUPN lives it: last year's campaign restored from a backup, the
// reminder that the new assessment is due, the re-assessment started from it with its open
// action and proposed targets, the blockers of label level 2 lifted, then the progress page
// (label 1 → 2, blockers resolved, what changed and why, what was achieved), offline too, and
// the printed report and public sheet carrying the progress.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { openApp, useBuiltApp, waitForServiceWorker } from './support/browser';
import { pdfPageCount, pdfPagesText, pdfToPngs } from './support/pdf';
import { HomePage } from './pages/home-page';
import { CampaignPages } from './pages/campaign-pages';
import { BackupsPage } from './pages/backups-page';
import { backupOf, buildHistory } from '../fixtures/history';
import { serializeFile } from '../../src/domain/transfer/build';
import { labelCriteria } from '../../src/domain/scoring/label';
import type { AnswerValue } from '../../src/domain/answers';

const served = useBuiltApp({ beforeAll, afterAll });

const mandatory = labelCriteria.filter((c) => c.rule === 'mandatory');
const bandAt = (criterion: (typeof mandatory)[number], level: number) => criterion.bands.find((b) => (b.level ?? 0) >= level)!;
/** The criteria whose weakest band meeting level 1 meets no more: last year's blockers of level 2. */
const blockers = mandatory.filter((c) => bandAt(c, 1).level === 1);
const PILOTING_ITEM = 'dgesco2010.3.3.1.1';

/** Last year's database: one closed campaign at label level 1, an ongoing action, the next assessment long past. */
function lastYearBackup(): string {
  const history = buildHistory({ campaigns: 1, firstYear: 2025, lastOpen: false });
  const [campaign] = history.campaigns;
  campaign!.nextAssessment = '2026-10-01';
  history.answers = history.answers.map((a) => {
    const criterion = mandatory.find((c) => c.id === a.itemId);
    if (criterion) return { ...a, value: { kind: 'band', band: bandAt(criterion, 1).id } as AnswerValue };
    if (a.itemId === PILOTING_ITEM) return { ...a, value: { kind: 'yes-no', value: false } as AnswerValue };
    return a;
  });
  history.actions = history.actions.map((a, i) => (i === 0 ? { ...a, objective: 'Former les enseignants à l’ENT', status: 'en-cours' } : a));
  return serializeFile(backupOf(history));
}

/** Pictures to look at (not compared): the whole page, or one part of it. */
async function shot(page: Page, name: string, part?: Locator) {
  if (part) await part.screenshot({ path: `/tmp/year-to-year-${name}.png` });
  else await page.screenshot({ path: `/tmp/year-to-year-${name}.png`, fullPage: true });
}

describe('from one campaign to the next', () => {
  it('restores last year, starts the re-assessment from it, and tells the progress on screen, offline, in the report and the public sheet', async () => {
    expect(blockers.length).toBeGreaterThanOrEqual(3);
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    await waitForServiceWorker(page);

    // Last year's backup, restored.
    const backups = new BackupsPage(page, served.url);
    await backups.open();
    await backups.choose([{ name: 'diagnum-sauvegarde-2025.json', text: lastYearBackup() }]);
    await backups.confirm();

    // The home page says the new assessment is due.
    await page.goto(`${served.url}#/`);
    const due = page.getByRole('region', { name: 'Nouvelle évaluation à faire' });
    await expect.poll(() => due.textContent()).toContain('était prévue le 1 octobre 2026');
    await shot(page, 'home');

    // The re-assessment, from last year's answers.
    await new HomePage(page).fillCampaign('Réévaluation 2026', '2026-11-15', undefined, 'État initial 2025 (1 octobre 2025)');
    await page.waitForURL(/#\/campagnes\/[^/]+$/);
    const pages = new CampaignPages(page, served.url);
    const id = pages.campaignId();
    // The blockers of level 2 lifted, section by section, and one piloting answer from "non" to "oui".
    for (const criterion of blockers) {
      const section = criterion.id.startsWith('label2023.C.1') ? 'label2023.sC.1' : criterion.id.startsWith('label2023.C.2') ? 'label2023.sC.2' : `label2023.s${criterion.code[0]}`;
      if (!page.url().endsWith(section)) await pages.openSection(id, section);
      await pages.card(criterion.id).getByRole('radio', { name: new RegExp(`^${bandAt(criterion, 2).label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).check();
      await pages.saved(criterion.id);
    }
    await pages.openSection(id, 'dgesco2010.s3.3.1');
    await pages.card(PILOTING_ITEM).getByRole('radio', { name: /^Oui/ }).check();
    await pages.saved(PILOTING_ITEM);

    // The results: the ongoing action taken over with its story, marked done; the proposed targets accepted.
    await page.goto(`${served.url}#/campagnes/${id}/resultats`);
    const plan = page.locator('#plan-actions');
    const carried = plan.getByRole('row', { name: /Former les enseignants à l’ENT/ });
    await expect.poll(() => carried.textContent()).toContain('Reprise de « État initial 2025 »');
    expect(await carried.textContent()).toContain('État initial 2025 (en cours)');
    await page.getByLabel('État de « Former les enseignants à l’ENT »').selectOption({ label: 'Réalisée' });
    await expect.poll(() => page.getByLabel('État de « Former les enseignants à l’ENT »').inputValue()).toBe('realisee');
    const label = page.getByText('Fixer le niveau de label visé par le groupe : 1 objectif proposé à valider');
    await label.waitFor();
    expect(await page.getByLabel(/Niveau de label visé/).inputValue()).toBe('2');
    await shot(page, 'results');
    await shot(page, 'results-targets', page.locator('details.targets').first());
    await shot(page, 'results-plan', plan);
    await page.getByRole('button', { name: 'Accepter les objectifs proposés' }).first().click();
    await expect.poll(() => page.locator('.targets .tag.carried').count()).toBe(0);

    // The progress page, offline after a reload.
    await app.context.setOffline(true);
    await page.goto(`${served.url}#/progres`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mesure des progrès entre campagnes' }).waitFor();
    const levels = page.locator('table', { has: page.locator('caption', { hasText: 'Niveau de label atteint par campagne' }) });
    await expect.poll(() => levels.getByRole('row', { name: /État initial 2025/ }).textContent()).toMatch(/2023-2024\s*niveau 1/);
    expect(await levels.getByRole('row', { name: /Réévaluation 2026/ }).textContent()).toMatch(/2023-2024\s*niveau 2/);
    const resolved = page.locator('table', { has: page.locator('caption', { hasText: `Levés depuis (${blockers.length})` }) });
    for (const criterion of blockers) expect(await resolved.getByRole('row', { name: new RegExp(`^${criterion.code.replace('.', '\\.')} `) }).count()).toBe(1);
    expect(await page.locator('.progress-summary').textContent()).toMatch(
      new RegExp(`niveau 1 \\(État initial 2025.*\\) puis niveau 2 \\(Réévaluation 2026.*\\) ; ${blockers.length} critères bloquants levés`),
    );
    // What moved the piloting axis, in a sentence.
    expect(await page.locator('.axis-sentences li', { hasText: '3.3 Pilotage' }).textContent()).toMatch(/3\.3 Pilotage : \+[\d,]+ points, grâce à 3\.3\.1\.1 \(non → oui\)/);
    // What was achieved between the two, beside the axis it aimed at.
    const achieved = page.locator('table', { has: page.locator('caption', { hasText: 'Actions réalisées et progrès de ce qu’elles visaient' }) });
    expect(await achieved.getByRole('row', { name: /Former les enseignants à l’ENT/ }).textContent()).toMatch(/sur 100.*sur 100/);
    await shot(page, 'progress');
    await shot(page, 'progress-label', page.getByRole('region', { name: 'Label Lycée numérique' }));
    await shot(page, 'progress-achieved', page.getByRole('region', { name: /^Actions réalisées entre/ }));

    // The changed answers: filtered to progress, then to one axis.
    const changes = page.getByRole('region', { name: /Réponses changées de/ });
    await changes.getByRole('radio', { name: /^en progrès/ }).check();
    for (const criterion of blockers) expect(await changes.getByRole('row', { name: new RegExp(`^${criterion.code.replace('.', '\\.')} `) }).count()).toBe(1);
    await page.getByRole('button', { name: 'Voir les réponses changées : 3.3 Pilotage' }).click();
    await expect.poll(() => changes.locator('.axis-filter').textContent()).toContain('Seulement les questions de « 3.3 Pilotage »');
    expect(await changes.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelector('.code')?.textContent))).toEqual(['3.3.1.1']);
    expect(await changes.getByRole('row', { name: /3\.3\.1\.1/ }).textContent()).toMatch(/non\s*oui\s*en progrès/);
    // From a blocking criterion of the label, its own change.
    await page.getByRole('button', { name: `Voir ses changements : ${blockers[0]!.code}` }).click();
    await expect.poll(() => changes.locator('tbody tr .code').allTextContents()).toEqual([blockers[0]!.code]);
    await shot(page, 'changes', changes);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await app.context.setOffline(false);

    // The printed report carries the progress, the changed answers counted, and their detail in an annex.
    await page.goto(`${served.url}#/campagnes/${id}/rapport`);
    await page.locator('#report-annex-title').waitFor();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const text = pdfPagesText(pdf).join('\n');
    for (const expected of [
      'Progrès depuis « État initial 2025',
      'Niveau de label atteint par campagne',
      `Levés depuis (${blockers.length})`,
      'Actions réalisées entre',
      'Former les enseignants à l’ENT',
      'Réponses changées par section',
      'Annexe : réponses changées depuis',
    ]) expect(text, expected).toContain(expected);
    // No page but the cover and the last is mostly empty.
    const sparse = pdfPagesText(pdf).flatMap((p, i, all) => (i > 0 && i < all.length - 1 && p.split('\n').filter((l) => l.trim()).length < 8 ? [i + 1] : []));
    expect(sparse).toEqual([]);
    const pngs = pdfToPngs(pdf, 'rapport-progres', 60);
    expect(pngs).toHaveLength(pdfPageCount(pdf));
    writeFileSync('/tmp/year-to-year-report-pages.txt', pngs.join('\n'));

    // The public sheet: the progress in one line per document, no name.
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${served.url}#/campagnes/${id}/fiche-publique`);
    const sheet = page.getByRole('region', { name: /Progrès depuis l’autodiagnostic du 1 octobre 2025/ });
    await expect.poll(() => sheet.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^Référentiel DGESCO 2010, moyenne des 7 axes : [\d,]+ puis [\d,]+ sur 100 \(\+[\d,]+\)\.$/),
      expect.stringMatching(/^Grille Occitanie, niveau moyen : [\d,]+ puis [\d,]+ sur 3 \([+-]?[\d,]+\)\.$/),
      expect.stringMatching(/^Label Lycée numérique : niveau 1 puis niveau 2 ; \d+ puis \d+ points facultatifs\.$/),
    ]);
    expect(await page.locator('main').innerText()).not.toContain('Former les enseignants');

    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  }, 240_000);
});
