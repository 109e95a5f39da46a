// DGESCO 3.3.4, the services table: rows filled at once from the keyboard, a service the school
// does not have marked "service absent" — the table then counts as answered, the 3.3 score does
// not move — and the printed report holds the table as a table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openApp, useBuiltApp } from './support/browser';
import { HomePage } from './pages/home-page';
import { CampaignPages } from './pages/campaign-pages';
import { findItem } from '../../src/referentiels';

const served = useBuiltApp({ beforeAll, afterAll });

const MATRIX = 'dgesco2010.3.3.4.matrix';
const found = findItem(MATRIX)!.item;
if (found.kind !== 'service-matrix') throw new Error('3.3.4 is not a service matrix');
const { services, statements } = found;

/** The focused control's name (its aria-label, or a button's content, a checkbox's label), spaces collapsed. */
const focusedText = (page: Page) =>
  page.evaluate(() => {
    const focused = document.activeElement;
    const label = focused instanceof HTMLInputElement ? focused.labels?.[0] : undefined;
    return (focused?.getAttribute('aria-label') ?? (label ?? focused)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  });

/** Presses Tab until the focused control's text is `text` (at most `max` times): the keyboard path, checked. */
async function tabTo(page: Page, text: string, max = 12) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedText(page)) === text) return;
  }
  throw new Error(`"${text}" not reached with ${max} Tab presses (focus on "${await focusedText(page)}")`);
}

/** A cell of the table: its two toggle buttons, named by service and statement. */
const cellOf = (card: Locator, service: number, statement: number) =>
  card.getByRole('group', { name: `${services[service]!.label} : ${statements[statement]!.label}`, exact: true });
/** The word pressed in a cell: "Oui", "Non", or "" when the cell is blank. */
const cellValue = async (card: Locator, service: number, statement: number) =>
  ((await cellOf(card, service, statement).getByRole('button', { pressed: true }).allTextContents())[0] ?? '').trim();

/** The row of an axis in the results' table of DGESCO scores. */
const steeringRow = (page: Page) =>
  page.locator('table', { has: page.locator('caption', { hasText: /Organisation et accompagnement/ }) }).getByRole('row', { name: /3\.3 Pilotage/ });

describe('the 3.3.4 services table', () => {
  it('fills rows from the keyboard, leaves an absent service out of completeness and score, and prints as a table', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    await new HomePage(page).fillCampaign('Tableau des services', '2026-10-05', ['Référentiel DGESCO 2010']);
    await page.waitForURL(/#\/campagnes\//);
    const pages = new CampaignPages(page, served.url);
    const id = pages.campaignId();
    await pages.openSection(id, 'dgesco2010.s3.3.4');
    const card = pages.card(MATRIX);
    const progress = page.locator('.section-bar .progress-text');
    const undo = page.getByRole('button', { name: 'Annuler la dernière modification' });

    // Keyboard only: from the first cell, Tab to each row's "Oui partout" (six services) or
    // "Non partout" (three), Enter or Space: 18 "oui" of 27 cells, one save per row.
    await cellOf(card, 0, 0).getByRole('button', { name: 'Oui' }).focus();
    for (const [i, service] of services.slice(0, 9).entries()) {
      const choice = i < 6 ? 'Oui partout' : 'Non partout';
      await tabTo(page, `${choice} pour le service « ${service.label} »`);
      await page.keyboard.press(i % 2 === 0 ? 'Enter' : 'Space');
      await expect.poll(() => cellValue(card, i, 2)).toBe(i < 6 ? 'Oui' : 'Non');
    }
    await pages.saved(MATRIX);
    // One click answers a cell; a click on the chosen word again leaves it blank.
    const tenth = cellOf(card, 9, 0);
    await tenth.getByRole('button', { name: 'Non' }).click();
    await expect.poll(() => cellValue(card, 9, 0)).toBe('Non');
    await tenth.getByRole('button', { name: 'Non' }).click();
    await expect.poll(() => cellValue(card, 9, 0)).toBe('');
    await pages.saved(MATRIX);
    // From the keyboard: one Tab stop per cell, the arrows reach its other word, Enter or Space answers.
    const focusedCell = () => page.evaluate(() => document.activeElement?.closest('[role=group]')?.getAttribute('aria-label'));
    await tenth.getByRole('button', { name: 'Oui' }).focus();
    await page.keyboard.press('Tab');
    expect(await focusedCell()).toBe(`${services[9]!.label} : ${statements[1]!.label}`);
    expect(await focusedText(page)).toBe('Oui');
    await page.keyboard.press('ArrowRight');
    expect(await focusedText(page)).toBe('Non');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellValue(card, 9, 1)).toBe('Non');
    await page.keyboard.press('Space');
    await expect.poll(() => cellValue(card, 9, 1)).toBe('');
    await pages.saved(MATRIX);
    // The tenth row is still blank: the table is not answered yet.
    expect(await card.locator('.tag.unanswered').textContent()).toBe('Non renseigné');
    expect(await progress.textContent()).toMatch(/^0 \/ 1 répondu/);

    // A whole column is one change, undone in one step.
    await page.getByRole('button', { name: `Non partout pour l’affirmation « ${statements[0]!.label} »` }).click();
    await expect.poll(() => cellValue(card, 0, 0)).toBe('Non');
    expect(await cellValue(card, 5, 0)).toBe('Non');
    expect(await undo.getAttribute('title')).toBe('Annuler : colonne du tableau, question 1');
    await undo.click();
    await expect.poll(() => cellValue(card, 0, 0)).toBe('Oui');
    expect(await cellValue(card, 5, 0)).toBe('Oui');
    expect(await cellValue(card, 7, 0)).toBe('Non');

    // The 3.3 score with the tenth row blank: 18 / 27.
    const read = (hash: string) => page.goto(`${served.url}#/campagnes/${id}${hash}`);
    await read('/resultats');
    await page.getByRole('heading', { level: 1, name: /Résultats/ }).waitFor();
    await expect.poll(() => steeringRow(page).textContent()).toMatch(/66,7 \/ 100.*1 indicateur renseigné sur 10/);
    const scoreBefore = await steeringRow(page).textContent();

    // "Service absent" for the tenth service, from the keyboard: the table is answered.
    await pages.openSection(id, 'dgesco2010.s3.3.4');
    await cellOf(card, 9, 0).getByRole('button', { name: 'Oui' }).focus();
    await tabTo(page, `Service absent : ${services[9]!.label}`, 6);
    await page.keyboard.press('Space');
    await expect.poll(() => card.locator('.tag.unanswered').count()).toBe(0);
    await pages.saved(MATRIX);
    expect(await card.getByRole('checkbox', { name: `Service absent : ${services[9]!.label}` }).isChecked()).toBe(true);
    expect(await card.locator('tr.service-absent').textContent()).toContain('service absent');
    expect(await card.getByRole('table').getByRole('group').count()).toBe(27);
    expect(await progress.textContent()).toMatch(/^1 \/ 1 répondu/);
    const axe = await new AxeBuilder({ page }).include(`[data-item="${MATRIX}"]`).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // The campaign's overview counts it too.
    await read('');
    await page.getByRole('heading', { name: 'Avancement' }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /^3\.3\.4 / }).textContent()).toMatch(/1 \/ 1 répondu/);

    // The 3.3 score does not move: the absent service is out of both counts.
    await read('/resultats');
    await page.getByRole('heading', { level: 1, name: /Résultats/ }).waitFor();
    await expect.poll(() => steeringRow(page).textContent()).toMatch(/66,7 \/ 100.*1 indicateur renseigné sur 10/);
    expect(await steeringRow(page).textContent()).toBe(scoreBefore);

    // The printed report: the table as services by statements, the absent service said.
    await read('/rapport');
    const printed = page.locator('.report-part table.matrix');
    await printed.waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await printed.count()).toBe(1);
    expect(await printed.isVisible()).toBe(true);
    const header = await printed.locator('thead th').allTextContents();
    expect(header).toEqual(['Service', ...statements.map((s) => s.label)]);
    const rows = await printed.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim())),
    );
    expect(rows).toEqual(services.map((s, i) => [s.label, ...(i === 9 ? ['service absent'] : Array(3).fill(i < 6 ? 'oui' : 'non'))]));
    // Its line in the section's answers points to it instead of holding it.
    const answerRow = page.locator('table.report-answers').getByRole('row', { name: found.text });
    expect(await answerRow.textContent()).toContain('voir le tableau ci-après');
    expect((await page.locator('table.report-answers td').allTextContents()).every((t) => t.length < 600)).toBe(true);

    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const dir = mkdtempSync(join(tmpdir(), 'diagnum-tableau-'));
    writeFileSync(join(dir, 'rapport.pdf'), pdf);
    // The page of the table: the one whose text says "service absent".
    const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    const withTable = Array.from({ length: pageCount }, (_, i) => i + 1).filter((n) =>
      execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', join(dir, 'rapport.pdf'), '-'], { encoding: 'utf8' }).includes('service absent'),
    );
    expect(withTable).toHaveLength(1);
    const text = execFileSync('pdftotext', ['-f', String(withTable[0]), '-l', String(withTable[0]), '-layout', join(dir, 'rapport.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Gestion des notes');
    expect(text, 'the title stays with its table').toContain(`3.3.4 ${found.text}`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(withTable[0]), '-l', String(withTable[0]), join(dir, 'rapport.pdf'), join(dir, 'tableau')]);
    const png = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(png).toHaveLength(1);
    if (process.env.DIAGNUM_KEEP_PNG) console.log(`3.3.4 printed: ${join(dir, png[0]!)}`);

    // Projected (workshop mode): the focus on the first cell, the table's wording in view.
    await page.emulateMedia({ media: 'screen' });
    await read(`/atelier/dgesco2010.s3.3.4`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role=group]')?.getAttribute('aria-label'))).toBe(
      `${services[0]!.label} : ${statements[0]!.label}`,
    );
    expect(await focusedText(page)).toBe('Oui');
    const wording = await page.locator(`[id="${MATRIX}-caption"]`).evaluate((p) => {
      const box = p.getBoundingClientRect();
      const header = document.querySelector('.section-head')!.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, headerBottom: header.bottom, height: window.innerHeight };
    });
    expect(wording.top, 'below the sticky section title').toBeGreaterThanOrEqual(wording.headerBottom);
    expect(wording.bottom).toBeLessThanOrEqual(wording.height);
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  }, 180_000);
});
