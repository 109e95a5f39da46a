import { describe, expect, it, vi } from 'vitest';
import { freshDatabase, snapshot } from '../../fixtures/database';
import { createCampaign, setCampaignStatus } from '../../../src/storage/campaigns';
import { fr } from '../../../src/text/fr';
import { listAnswers, saveAnswer } from '../../../src/storage/answers';
import { saveSectionNote } from '../../../src/storage/section-notes';
import type { DocumentId } from '../../../src/referentiels/ids';

async function aCampaign(documents: DocumentId[] = ['dgesco-2010', 'occitanie-grille', 'label-lycee-2023']) {
  const created = await createCampaign({ name: 'Campagne de test', date: '2026-10-05', documents });
  if (!created.ok) throw new Error(created.message);
  return created.value.id;
}

const TEACHERS = 'dgesco2010.3.1.teachers';
const TEACHER_USAGE = 'dgesco2010.3.6.1.h1';

describe('saving answers', () => {
  it('stores a value with its comment, flag and source, and keeps each field when another one changes', async () => {
    freshDatabase();
    const campaign = await aCampaign();
    expect((await saveAnswer(campaign, TEACHERS, { value: { kind: 'number', value: 40 } })).ok).toBe(true);
    expect((await saveAnswer(campaign, TEACHERS, { comment: 'Chiffre de septembre', source: 'STSWeb' })).ok).toBe(true);
    expect((await saveAnswer(campaign, TEACHERS, { toCheck: true })).ok).toBe(true);
    const [answer] = await listAnswers(campaign);
    expect(answer).toMatchObject({
      itemId: TEACHERS,
      value: { kind: 'number', value: 40 },
      comment: 'Chiffre de septembre',
      source: 'STSWeb',
      toCheck: true,
    });
  });

  it('refuses usage counts whose sum exceeds the number of teachers, leaving the database unchanged', async () => {
    const db = freshDatabase();
    const campaign = await aCampaign();
    await saveAnswer(campaign, TEACHERS, { value: { kind: 'number', value: 40 } });
    const before = await snapshot(db);
    const result = await saveAnswer(campaign, TEACHER_USAGE, {
      value: { kind: 'usage-counts', never: 10, occasionally: 20, regularly: 11 },
    });
    expect(result).toEqual({
      ok: false,
      message: 'La somme (41) dépasse le nombre d’enseignants (40) indiqué dans les éléments de référence.',
    });
    expect(await snapshot(db)).toBe(before);
    expect((await saveAnswer(campaign, TEACHER_USAGE, { value: { kind: 'usage-counts', never: 10, occasionally: 20, regularly: 10 } })).ok).toBe(true);
  });

  it('refuses negative and decimal counts, and a 100,000-character comment, in French', async () => {
    const db = freshDatabase();
    const campaign = await aCampaign();
    const before = await snapshot(db);
    const negative = await saveAnswer(campaign, TEACHERS, { value: { kind: 'number', value: -3 } });
    const decimal = await saveAnswer(campaign, TEACHERS, { value: { kind: 'number', value: 2.5 } });
    const long = await saveAnswer(campaign, TEACHERS, { comment: 'a'.repeat(100_000) });
    expect(negative).toMatchObject({ ok: false, message: 'Le nombre ne peut pas être négatif.' });
    expect(decimal).toMatchObject({ ok: false, message: 'Nombre entier attendu (sans virgule).' });
    expect(long).toMatchObject({ ok: false, message: expect.stringMatching(/^Commentaire : 5\s000 caractères au plus\.$/) });
    expect(await snapshot(db)).toBe(before);
  });

  it('keeps pasted HTML as plain text', async () => {
    freshDatabase();
    const campaign = await aCampaign();
    const html = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    expect((await saveAnswer(campaign, TEACHERS, { comment: html })).ok).toBe(true);
    expect((await listAnswers(campaign))[0]!.comment).toBe(html);
  });

  it('refuses a value of the wrong kind, an unknown item, or a document the campaign does not cover', async () => {
    const db = freshDatabase();
    const campaign = await aCampaign(['occitanie-grille']);
    const before = await snapshot(db);
    expect(await saveAnswer(campaign, 'occitanie.1.1', { value: { kind: 'yes-no', value: true } })).toMatchObject({ ok: false });
    expect(await saveAnswer(campaign, 'occitanie.1.1', { value: { kind: 'level', value: 4 } as never })).toMatchObject({ ok: false });
    expect(await saveAnswer(campaign, 'nowhere.1', { value: { kind: 'level', value: 1 } })).toMatchObject({ ok: false });
    expect(await saveAnswer(campaign, TEACHERS, { value: { kind: 'number', value: 1 } })).toMatchObject({
      ok: false,
      message: 'Ce référentiel ne fait pas partie de la campagne.',
    });
    expect(await snapshot(db)).toBe(before);
  });

  it('records "non concerné" as its own answer, distinct from "non" and from no answer', async () => {
    freshDatabase();
    const campaign = await aCampaign();
    await saveAnswer(campaign, 'label2023.A.8', { value: { kind: 'not-applicable' } });
    await saveAnswer(campaign, 'label2023.A.9', { value: null, comment: 'À discuter' });
    const answers = await listAnswers(campaign);
    expect(answers.find((a) => a.itemId === 'label2023.A.8')?.value).toEqual({ kind: 'not-applicable' });
    expect(answers.find((a) => a.itemId === 'label2023.A.9')?.value).toBeNull();
  });

  it('refuses a label band the criterion does not have', async () => {
    freshDatabase();
    const campaign = await aCampaign();
    expect((await saveAnswer(campaign, 'label2023.A.6', { value: { kind: 'band', band: 'en-projet' } })).ok).toBe(true);
    expect(await saveAnswer(campaign, 'label2023.A.6', { value: { kind: 'band', band: 'peut-etre' } })).toMatchObject({
      ok: false,
      message: 'Réponse non valide : choix inconnu.',
    });
  });

  it('saves a section note, and refuses one of more than 20,000 characters', async () => {
    freshDatabase();
    const campaign = await aCampaign();
    expect((await saveSectionNote(campaign, 'dgesco2010.s3.3.1', 'Comité actif depuis 2024.')).ok).toBe(true);
    expect(await saveSectionNote(campaign, 'dgesco2010.s3.3.1', 'x'.repeat(20_001))).toMatchObject({ ok: false });
  });
});

describe('saving on what the tab believes is stored (the write sent with the reads)', () => {
  /** Counts the transactions the saves open: one when the guess holds, two when it is rolled back and the save reads first. */
  function countTransactions(db: ReturnType<typeof freshDatabase>) {
    const spy = vi.spyOn(db, 'transaction');
    return () => spy.mock.calls.filter(([mode]) => mode === 'rw').length;
  }
  const stored = async (campaign: string, itemId: string) => (await listAnswers(campaign)).find((a) => a.itemId === itemId);

  it('writes in one transaction when the stored answer is the one believed, and answers as the save that reads first', async () => {
    const db = freshDatabase();
    const campaign = await aCampaign();
    const first = await saveAnswer(campaign, TEACHERS, { value: { kind: 'number', value: 40 } }, null);
    expect(first.ok && first.value.before).toBeUndefined();
    const transactions = countTransactions(db);
    const believed = first.ok ? first.value.after : undefined;
    const second = await saveAnswer(campaign, TEACHERS, { comment: 'Chiffre de septembre' }, believed);
    expect(transactions()).toBe(1);
    expect(second).toMatchObject({ ok: true, value: { before: believed, after: { value: { kind: 'number', value: 40 }, comment: 'Chiffre de septembre' } } });
    expect(await stored(campaign, TEACHERS)).toEqual(second.ok ? second.value.after : undefined);
  });

  it('rolls the write back and keeps the change it did not know of (another tab’s comment), then saves on what is stored', async () => {
    const db = freshDatabase();
    const campaign = await aCampaign();
    const first = await saveAnswer(campaign, TEACHERS, { value: { kind: 'number', value: 40 }, comment: 'Ancien' });
    const believed = first.ok ? first.value.after : undefined;
    await saveAnswer(campaign, TEACHERS, { comment: 'Écrit dans un autre onglet' });
    const transactions = countTransactions(db);
    const result = await saveAnswer(campaign, TEACHERS, { value: { kind: 'number', value: 41 } }, believed);
    // Had the guessed record (comment « Ancien ») been committed, the second pass would have read it back.
    expect(transactions()).toBe(2);
    expect(result).toMatchObject({ ok: true, value: { before: { comment: 'Écrit dans un autre onglet' } } });
    expect(await stored(campaign, TEACHERS)).toMatchObject({ value: { kind: 'number', value: 41 }, comment: 'Écrit dans un autre onglet' });
  });

  it('rolls back a guess of "nothing stored" when an answer exists, and a change computed from the stored value applies to that one', async () => {
    freshDatabase();
    const campaign = await aCampaign();
    await saveAnswer(campaign, TEACHERS, { value: { kind: 'number', value: 40 } });
    await saveAnswer(campaign, TEACHER_USAGE, { value: { kind: 'usage-counts', never: 5, occasionally: null, regularly: null } });
    const result = await saveAnswer(
      campaign,
      TEACHER_USAGE,
      { value: (value) => (value?.kind === 'usage-counts' ? { ...value, regularly: 7 } : { kind: 'usage-counts', never: null, occasionally: null, regularly: 7 }) },
      null,
    );
    expect(result.ok).toBe(true);
    expect((await stored(campaign, TEACHER_USAGE))?.value).toEqual({ kind: 'usage-counts', never: 5, occasionally: null, regularly: 7 });
  });

  it('refuses, with nothing stored, a guessed write to a closed campaign or a count above its figure', async () => {
    const db = freshDatabase();
    const campaign = await aCampaign();
    const figure = await saveAnswer(campaign, TEACHERS, { value: { kind: 'number', value: 40 } }, null);
    const before = await snapshot(db);
    const tooMany = await saveAnswer(campaign, TEACHER_USAGE, { value: { kind: 'usage-counts', never: 41, occasionally: 0, regularly: 0 } }, null);
    expect(tooMany).toMatchObject({ ok: false, message: expect.stringMatching(/^La somme \(41\) dépasse le nombre d’enseignants \(40\)/) });
    expect(await snapshot(db)).toBe(before);

    expect((await setCampaignStatus(campaign, 'closed')).ok).toBe(true);
    const closed = await snapshot(db);
    const refusedClosed = await saveAnswer(campaign, TEACHERS, { value: { kind: 'number', value: 41 } }, figure.ok ? figure.value.after : undefined);
    expect(refusedClosed).toEqual({ ok: false, message: fr.storage.closed });
    expect(await snapshot(db)).toBe(closed);
  });

  it('refuses in French, with nothing stored, a negative count and a 100,000-character comment sent on a belief', async () => {
    const db = freshDatabase();
    const campaign = await aCampaign();
    const first = await saveAnswer(campaign, TEACHERS, { value: { kind: 'number', value: 40 } }, null);
    const believed = first.ok ? first.value.after : undefined;
    const before = await snapshot(db);
    expect(await saveAnswer(campaign, TEACHERS, { value: { kind: 'number', value: -3 } }, believed)).toMatchObject({
      ok: false,
      message: 'Le nombre ne peut pas être négatif.',
    });
    expect(await saveAnswer(campaign, TEACHERS, { comment: 'a'.repeat(100_000) }, believed)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Commentaire : 5\s000 caractères au plus\.$/),
    });
    expect(await snapshot(db)).toBe(before);
  });
});
