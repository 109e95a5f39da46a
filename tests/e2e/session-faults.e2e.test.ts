// Faults under an open campaign session (issue 11), in a real Chromium: a value typed in a burst
// and the browser killed right after "Enregistré"; the database cleared, or deleted from another
// tab, while a section is open; and a disk so full that an answer, a note, a member and an action
// are each refused where they were asked for, with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Locator, type Page } from 'playwright-core';
import { CHROMIUM, chromiumArgs, openApp, useBuiltApp } from './support/browser';
import { dumpDatabase, putRecords, storedAnswer, type StoredAnswer } from './support/idb';
import { newProfile, removeProfile, startPersistent, type PersistentBrowser } from './support/persistent-browser';
import { HomePage } from './pages/home-page';
import { CampaignPages } from './pages/campaign-pages';
import { findItem } from '../../src/referentiels';
import { fr } from '../../src/text/fr';

// A private copy of dist/: a build started meanwhile (by another test run) does not change the app under test.
const served = useBuiltApp({ beforeAll, afterAll }, { copy: true });

const TEACHERS = 'dgesco2010.3.1.teachers';
const STUDENTS = 'dgesco2010.3.1.students';
const FIGURES_SECTION = 'dgesco2010.s3.1';
const USES_SECTION = 'dgesco2010.s3.6.1';
/** A count of 3.6.1 that the quota test leaves unanswered until its own refused write. */
const COUNT = 'dgesco2010.3.6.1.a1';

async function screenshot(target: Page | Locator, name: string) {
  const path = `/tmp/session-faults-${name}.png`;
  if ('goto' in target) await target.screenshot({ path, fullPage: true });
  else await target.screenshot({ path });
}

async function newCampaign(page: Page): Promise<string> {
  await new HomePage(page).fillCampaign('État initial 2026', '2026-10-05', ['Référentiel DGESCO 2010'], 'Aucune : partir de zéro');
  await page.waitForURL(/#\/campagnes\//);
  return new CampaignPages(page, served.url).campaignId();
}

/** expect.poll with room for a slow two-core machine (its default gives up after 1 s). */
const poll = <T>(read: () => T | Promise<T>, options: { timeout?: number; message?: string } = {}) =>
  expect.poll(read, { timeout: 10_000, ...options });

/** The text of what a locator finds now, '' if nothing: unlike textContent(), it never waits. */
async function textOf(locator: Locator): Promise<string> {
  return (await locator.allTextContents()).join(' ');
}

function banner(page: Page) {
  return page.locator('.banner[role="alert"]');
}

/** An item's card, and its fields by the words on screen. */
function itemCard(page: Page, itemId: string) {
  const card = new CampaignPages(page, served.url).card(itemId);
  const wording = findItem(itemId)!.item.text;
  return {
    card,
    /** The number field, named by the item's wording. */
    number: card.getByRole('textbox', { name: wording }),
    comment: card.getByRole('textbox', { name: 'Commentaire', exact: true }),
    status: card.getByRole('status'),
    /** Opens "Commentaire et source" if it is closed (again if a layout shift under the pointer made the click miss). */
    async openNotes() {
      const disclosure = card.getByRole('button', { name: /^Commentaire et source/ });
      await poll(async () => {
        if ((await disclosure.getAttribute('aria-expanded')) !== 'true') await disclosure.click();
        return disclosure.getAttribute('aria-expanded');
      }).toBe('true');
    },
  };
}

/** The visible error message a field's aria-describedby points to ('' if none): what is said under it, to the eye and to a screen reader. */
async function describedError(field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const page = field.page();
  const texts = await Promise.all(
    ids.map(async (id) => {
      const message = page.locator(`[id="${id}"].error-text`);
      return (await message.isVisible()) ? textOf(message) : '';
    }),
  );
  return texts.filter(Boolean).join(' ');
}

/** Reads until the expected value shows or the time is up, and returns the last value read (for a soft assertion). */
async function settled<T>(read: () => Promise<T>, expected: T, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (Object.is(value, expected) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The refusal of a write said under the field, checked softly so that the rest of the journey is
 * checked too: the digit typed stays, and the field's message says why it is not stored.
 */
async function expectRefusedUnder(field: Locator, typed: string, message: string) {
  expect.soft(await field.isEnabled(), 'the field still takes typing, so that the refusal can be said under it').toBe(true);
  expect.soft(await field.inputValue(), 'the typed digit stays in the field').toBe(typed);
  expect.soft(await settled(() => describedError(field), message), 'the refusal is said under the field').toBe(message);
}

/** Replaces a field's text the way a person does it: select all, then type, one input event per key, no pause. */
async function typeBurst(field: Locator, text: string) {
  await field.click();
  await field.press('ControlOrMeta+A');
  await field.pressSequentially(text);
}

/** The database's names as the browser lists them (a dump would create an empty database if there were none). */
function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
}

/** The stored answer to an item, without creating the database if it is gone. */
async function storedIfAny(page: Page, itemId: string): Promise<StoredAnswer | undefined> {
  return (await databaseNames(page)).includes('diagnum') ? storedAnswer(page, itemId) : undefined;
}

describe('faults under an open campaign session', () => {
  it('a value typed in a burst survives the browser killed right after Enregistré, 20 times', async () => {
    const profile = newProfile();
    let chrome: PersistentBrowser | undefined;
    try {
      chrome = await startPersistent(profile, served.url);
      let page = chrome.page;
      await page.getByLabel('Nom de la campagne').waitFor();
      const id = await newCampaign(page);
      const sectionUrl = `${served.url}#/campagnes/${id}/sections/${FIGURES_SECTION}`;
      await new CampaignPages(page, served.url).openSection(id, FIGURES_SECTION);
      const losses: string[] = [];
      for (let round = 0; round < 20; round++) {
        const value = 1000 + ((round * 3_301 + 577) % 9_000); // a new 4-digit number each round
        const comment = `Relevé n°${round + 1} : ${value} profs`; // about 20 characters
        const teachers = itemCard(page, TEACHERS);
        await typeBurst(teachers.number, String(value));
        await teachers.openNotes();
        await typeBurst(teachers.comment, comment);
        await teachers.card.getByText(`✓ ${fr.storage.saved}`).waitFor();
        await new Promise((resolve) => setTimeout(resolve, 5));
        await chrome.crash();

        chrome = await startPersistent(profile, sectionUrl);
        page = chrome.page;
        const reopened = itemCard(page, TEACHERS);
        await reopened.card.waitFor();
        const stored = await storedAnswer(page, TEACHERS);
        if (JSON.stringify(stored?.value) !== JSON.stringify({ kind: 'number', value }))
          losses.push(`round ${round + 1}: stored value ${JSON.stringify(stored?.value)} instead of ${value}`);
        if (stored?.comment !== comment) losses.push(`round ${round + 1}: stored comment ${JSON.stringify(stored?.comment)} instead of ${JSON.stringify(comment)}`);
        const shown = async () => [await reopened.number.inputValue(), await reopened.comment.inputValue()];
        try {
          await poll(shown).toEqual([String(value), comment]);
        } catch {
          losses.push(`round ${round + 1}: shown ${JSON.stringify(await shown())} instead of ${JSON.stringify([String(value), comment])}`);
        }
      }
      expect(losses).toEqual([]);
    } finally {
      await chrome?.crash();
      removeProfile(profile);
    }
  }, 240_000);

  it('the database cleared while a section is open: the truth is shown, the write is refused, and the warning survives a reload', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const id = await newCampaign(page);
    await new CampaignPages(page, served.url).openSection(id, FIGURES_SECTION);
    const teachers = itemCard(page, TEACHERS);
    await typeBurst(teachers.number, '64');
    await teachers.card.getByText(`✓ ${fr.storage.saved}`).waitFor();
    const heading = page.getByRole('heading', { level: 1, name: '3.1 Éléments de référence' });
    await heading.waitFor();

    // The browser's "clear site data" for IndexedDB only (localStorage, which remembers that there was data, stays).
    const cdp = await app.context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(served.url).origin, storageTypes: 'indexeddb' });
    const students = itemCard(page, STUDENTS);
    await students.number.pressSequentially('8');

    await poll(() => textOf(banner(page))).toContain(fr.storage.lost);
    expect(await banner(page).getAttribute('data-health')).toBe('lost');
    await expectRefusedUnder(students.number, '8', fr.storage.notSaved.lost);
    await screenshot(page, 'cleared-refusal');
    // What was on screen stays on screen (soft, so that the reload is checked too).
    expect.soft(await heading.isVisible(), 'the section is still shown').toBe(true);
    expect.soft(await page.getByText('Page introuvable').count()).toBe(0);
    expect.soft(await teachers.number.inputValue(), 'the answer shown before stays shown').toBe('64');
    expect(await storedIfAny(page, STUDENTS), 'nothing stored').toBeUndefined();

    // Reloaded from the banner: the home page says the data has vanished, and how to get it back.
    await banner(page).getByRole('button', { name: 'Recharger Diagnum' }).click();
    const vanished = page.getByRole('alert').filter({ hasText: 'Vos données ont disparu de ce navigateur' });
    await poll(() => vanished.count()).toBe(1);
    expect(await vanished.getByRole('link', { name: 'Importer une sauvegarde' }).count()).toBe(1);
    await screenshot(page, 'cleared-home');
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  });

  it('an answer changed behind the page’s back: the next figure typed keeps that change (the write sent with the reads is rolled back)', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const id = await newCampaign(page);
    await new CampaignPages(page, served.url).openSection(id, FIGURES_SECTION);
    const consoleErrors: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' && consoleErrors.push(message.text())));
    const teachers = itemCard(page, TEACHERS);
    await typeBurst(teachers.number, '64');
    await teachers.card.getByText(`✓ ${fr.storage.saved}`).waitFor();
    await poll(async () => (await storedAnswer(page, TEACHERS, id))?.value).toEqual({ kind: 'number', value: 64 });

    // The page still believes the comment empty: its save guesses wrong, and the guess must not stand.
    const change = { campaignId: id, itemId: TEACHERS, comment: 'Chiffre du bilan social', updatedAt: Date.now() };
    await page.evaluate(putRecords, { store: 'answers', records: [change], merge: true });
    await teachers.number.press('End');
    await teachers.number.pressSequentially('5');
    await poll(async () => (await storedAnswer(page, TEACHERS, id))?.value).toEqual({ kind: 'number', value: 645 });
    await teachers.card.getByText(`✓ ${fr.storage.saved}`).waitFor();
    expect(await storedAnswer(page, TEACHERS, id)).toMatchObject({ value: { kind: 'number', value: 645 }, comment: 'Chiffre du bilan social' });
    // And from there on, the page saves on what it wrote last.
    await teachers.number.pressSequentially('0');
    await poll(async () => (await storedAnswer(page, TEACHERS, id))?.value).toEqual({ kind: 'number', value: 6450 });
    expect((await storedAnswer(page, TEACHERS, id))?.comment).toBe('Chiffre du bilan social');
    expect(app.pageErrors).toEqual([]);
    expect(consoleErrors, 'a guess rolled back is no error').toEqual([]);
    await app.context.close();
  });

  it('a database deleted from another tab: the lost banner, not the outdated one, and a write is refused', async () => {
    const app = await openApp(served.browser, served.url);
    const { page } = app;
    const id = await newCampaign(page);
    await new CampaignPages(page, served.url).openSection(id, FIGURES_SECTION);
    const teachers = itemCard(page, TEACHERS);
    await typeBurst(teachers.number, '64');
    await teachers.card.getByText(`✓ ${fr.storage.saved}`).waitFor();

    // Another tab of the same site deletes the database (as another tab's recovery screen would).
    const other = await app.context.newPage();
    await other.goto(`${served.url}robots.txt`);
    const deletion = await other.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.deleteDatabase('diagnum');
          request.onsuccess = () => resolve('deleted');
          request.onerror = () => resolve(`error: ${request.error?.message}`);
          request.onblocked = () => resolve('blocked');
        }),
    );
    expect(deletion).toBe('deleted');

    await poll(() => textOf(banner(page))).toContain(fr.storage.lost);
    expect(await banner(page).getAttribute('data-health')).toBe('lost');
    expect(await textOf(banner(page)), 'not "ce qui était déjà enregistré est conservé"').not.toContain(fr.storage.outdated);
    await page.bringToFront();
    const students = itemCard(page, STUDENTS);
    await students.number.pressSequentially('8');
    await expectRefusedUnder(students.number, '8', fr.storage.notSaved.lost);
    await screenshot(page, 'deleted-refusal');
    expect.soft(await page.getByRole('heading', { level: 1, name: '3.1 Éléments de référence' }).isVisible(), 'the section is still shown').toBe(true);
    expect.soft(await teachers.number.inputValue(), 'the answer shown before stays shown').toBe('64');
    expect(await storedIfAny(other, STUDENTS), 'nothing stored').toBeUndefined();
    expect(await storedIfAny(other, TEACHERS), 'the deleted answer did not come back').toBeUndefined();
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  });

  it('with the storage quota forced tiny, an answer, a note, a member and an action are each refused with a visible message and nothing stored', async () => {
    const profile = newProfile();
    // No service worker: its precache would count against the small quota from the start.
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: chromiumArgs,
      serviceWorkers: 'block',
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(served.url);
      const cdp = await context.newCDPSession(page);
      const origin = new URL(served.url).origin;
      // About 60 KB left, before the app's first write (Chromium caches the space left once it has written).
      const usage = (await page.evaluate(() => navigator.storage.estimate())).usage ?? 0;
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 60 * 1024 });
      const id = await newCampaign(page);
      const pages = new CampaignPages(page, served.url);
      await pages.openSection(id, USES_SECTION);

      // Comments that do not compress (two bytes a character), ever shorter, until even short ones
      // are refused: almost no space is left.
      const text = (length: number, seed: number) =>
        Array.from({ length }, (_, i) => String.fromCharCode(0x4e00 + ((seed * 7_919 + i * 104_729) % 20_000))).join('');
      const fillers = (await page.locator('.item-card[data-item]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-item')!))).filter(
        (itemId) => itemId !== COUNT,
      );
      const refusedItems = new Set<string>();
      let seed = 0;
      let cursor = 0;
      const filling: Array<{ length: number; saved: number }> = [];
      for (const length of [4_990, 1_000, 200, 20, 1]) {
        let saved = 0;
        for (;;) {
          expect(saved, `comments of ${length} characters are refused before long`).toBeLessThan(40);
          const usable = fillers.filter((f) => !refusedItems.has(f));
          const itemId = usable[cursor++ % usable.length]!;
          const item = itemCard(page, itemId);
          await item.openNotes();
          const comment = text(length, ++seed);
          await item.comment.fill(comment);
          const outcome = async () =>
            (await describedError(item.comment)) === fr.storage.quota
              ? 'refused'
              : (await storedAnswer(page, itemId))?.comment === comment
                ? 'saved'
                : 'pending';
          await poll(outcome).not.toBe('pending');
          if ((await outcome()) === 'refused') {
            refusedItems.add(itemId);
            break;
          }
          saved++;
        }
        filling.push({ length, saved });
      }
      expect(filling[0]!.saved, 'some long comments were stored before the disk was full').toBeGreaterThan(0);

      // (a) An answer: a number typed in a count of the section, refused under that field.
      let before = await dumpDatabase(page);
      const count = itemCard(page, COUNT);
      await count.number.pressSequentially('12');
      await poll(() => describedError(count.number)).toBe(fr.storage.quota);
      expect(await count.status.textContent()).toContain('Non enregistré');
      expect(await count.number.inputValue(), 'what was typed stays').toBe('12');
      expect(await count.number.getAttribute('aria-invalid')).toBe('true');
      await count.card.scrollIntoViewIfNeeded();
      await screenshot(count.card, 'quota-answer');
      expect(await dumpDatabase(page), 'the answer: nothing stored').toBe(before);

      // (b) The group's analysis of the section, refused under it.
      const note = page.getByRole('textbox', { name: /Analyse du groupe/ });
      await note.pressSequentially('Forces : ENT');
      await poll(() => describedError(note)).toBe(fr.storage.quota);
      expect(await note.inputValue()).toBe('Forces : ENT');
      await screenshot(page.locator('.section-note'), 'quota-note');
      expect(await dumpDatabase(page), 'the note: nothing stored').toBe(before);

      // (c) A member of the group, on the campaign page, refused under the name field.
      await pages.openCampaign(id);
      before = await dumpDatabase(page);
      const member = page.getByLabel('Nom d’un membre du groupe');
      await member.fill('Mme Martin');
      await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
      await poll(() => describedError(member)).toContain(fr.storage.quota);
      expect(await page.locator('#member-error').getAttribute('role')).toBe('alert');
      expect(await member.inputValue(), 'the name stays to be added again').toBe('Mme Martin');
      expect(await page.getByRole('list', { name: 'Membres du groupe' }).count(), 'no member listed').toBe(0);
      await screenshot(page.locator('.members'), 'quota-member');
      expect(await dumpDatabase(page), 'the member: nothing stored').toBe(before);

      // (d) An action of the plan, on the results page, refused under the form.
      await page.goto(`${served.url}#/campagnes/${id}/resultats`);
      const objective = page.getByLabel('Objectif', { exact: true });
      await objective.waitFor();
      before = await dumpDatabase(page);
      await objective.fill('Former l’équipe à l’ENT');
      await page.getByRole('button', { name: 'Ajouter l’action' }).click();
      await poll(() => describedError(objective)).toContain(fr.storage.quota);
      expect(await page.locator('#action-error').getAttribute('role')).toBe('alert');
      expect(await objective.inputValue(), 'the objective stays').toBe('Former l’équipe à l’ENT');
      expect(await page.locator('#plan-actions tbody tr').count(), 'no action listed').toBe(0);
      await screenshot(page.locator('form.new-action'), 'quota-action');
      expect(await dumpDatabase(page), 'the action: nothing stored').toBe(before);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
      removeProfile(profile);
    }
  }, 180_000);
});

