import { describe, expect, it } from 'vitest';
import { freshDatabase, snapshot } from '../../fixtures/database';
import {
  assignSection,
  createCampaign,
  deleteCampaign,
  duplicateCampaign,
  restoreCampaign,
  setCampaignStatus,
  addMember,
  removeMember,
  startFromPrevious,
} from '../../../src/storage/campaigns';
import { listCampaigns, readCampaign } from '../../../src/storage/campaign-list';
import { confirmCarriedOver, listAnswers, saveAnswer } from '../../../src/storage/answers';
import { listSectionNotes, saveSectionNote } from '../../../src/storage/section-notes';
import type { AnswerValue } from '../../../src/domain/answers';
import type { DocumentId } from '../../../src/referentiels/ids';
import { fr } from '../../../src/text/fr';

const TEACHERS = 'dgesco2010.3.1.teachers';
const USAGE = 'dgesco2010.3.6.1.h1';
const LEVEL = 'occitanie.1.1';

async function aCampaign(documents: DocumentId[] = ['dgesco-2010', 'occitanie-grille']) {
  const created = await createCampaign({ name: 'État initial 2025', date: '2025-10-01', documents });
  if (!created.ok) throw new Error(created.message);
  return created.value.id;
}

async function answer(campaignId: string, itemId: string, value: AnswerValue) {
  const saved = await saveAnswer(campaignId, itemId, { value });
  if (!saved.ok) throw new Error(saved.message);
  return saved.value;
}

describe('the workshop in storage', () => {
  it('starts a new campaign from the previous one: answers copied and marked "repris", notes not', async () => {
    freshDatabase();
    const previous = await aCampaign();
    await answer(previous, TEACHERS, { kind: 'number', value: 40 });
    await saveAnswer(previous, TEACHERS, { toCheck: true, comment: 'STSWeb, septembre' });
    await answer(previous, LEVEL, { kind: 'level', value: 2 });
    await saveAnswer(previous, 'dgesco2010.3.1.students', { comment: 'commentaire sans réponse' });
    await saveSectionNote(previous, 'dgesco2010.s3.1', 'Analyse 2025');
    await addMember(previous, 'Mme Martin');
    await addMember(previous, 'M. Durand');
    await assignSection(previous, 'dgesco2010.s3.1', 'Mme Martin');

    const next = await startFromPrevious(previous, { name: 'Réévaluation 2026', date: '2026-10-01', documents: ['dgesco-2010'] });
    if (!next.ok) throw new Error(next.message);
    expect(next.value).toMatchObject({ startedFrom: previous, members: ['Mme Martin', 'M. Durand'] });
    expect(next.value.assignments).toEqual([{ sectionId: 'dgesco2010.s3.1', member: 'Mme Martin' }]);
    // Only the documents of the new campaign, only real answers.
    expect(await listAnswers(next.value.id)).toEqual([
      // Its comment comes along; its "à vérifier" flag does not.
      expect.objectContaining({ itemId: TEACHERS, value: { kind: 'number', value: 40 }, carriedOver: true, comment: 'STSWeb, septembre', toCheck: false }),
    ]);
    expect(await listSectionNotes(next.value.id)).toEqual([]);
    // The previous campaign is untouched.
    expect((await listAnswers(previous)).every((a) => !a.carriedOver)).toBe(true);
  });

  it('clears the "repris" mark when the group changes or confirms the answer, but not for a comment', async () => {
    freshDatabase();
    const previous = await aCampaign();
    await answer(previous, TEACHERS, { kind: 'number', value: 40 });
    await answer(previous, LEVEL, { kind: 'level', value: 2 });
    const next = await startFromPrevious(previous, { name: 'Réévaluation', date: '2026-10-01', documents: ['dgesco-2010', 'occitanie-grille'] });
    if (!next.ok) throw new Error(next.message);
    const id = next.value.id;
    await saveAnswer(id, TEACHERS, { comment: 'vu en conseil' });
    expect((await listAnswers(id)).find((a) => a.itemId === TEACHERS)?.carriedOver).toBe(true);
    await answer(id, TEACHERS, { kind: 'number', value: 42 });
    await confirmCarriedOver(id, [LEVEL]);
    expect((await listAnswers(id)).map((a) => a.carriedOver)).toEqual([false, false]);
  });

  it('merges a change of one count with the counts another tab saved meanwhile', async () => {
    freshDatabase();
    const id = await aCampaign();
    await answer(id, TEACHERS, { kind: 'number', value: 40 });
    const setCount = (key: 'never' | 'occasionally' | 'regularly', n: number) =>
      saveAnswer(id, USAGE, {
        value: (stored) => ({
          ...(stored?.kind === 'usage-counts' ? stored : { kind: 'usage-counts', never: null, occasionally: null, regularly: null }),
          [key]: n,
        }) as AnswerValue,
      });
    await Promise.all([setCount('never', 5), setCount('regularly', 20), setCount('occasionally', 10)]);
    expect((await listAnswers(id)).find((a) => a.itemId === USAGE)?.value).toEqual({
      kind: 'usage-counts', never: 5, occasionally: 10, regularly: 20,
    });
    // A fourth count that would take the sum above the 40 teachers is refused.
    expect(await setCount('never', 11)).toMatchObject({ ok: false, message: expect.stringContaining('(41)') });
  });

  it('refuses to lower a reference figure below what is already counted against it', async () => {
    const db = freshDatabase();
    const id = await aCampaign();
    await answer(id, TEACHERS, { kind: 'number', value: 40 });
    await answer(id, USAGE, { kind: 'usage-counts', never: 10, occasionally: 10, regularly: 15 });
    const before = await snapshot(db);
    const result = await saveAnswer(id, TEACHERS, { value: { kind: 'number', value: 30 } });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('35 enseignants sont déjà comptés') });
    expect(await snapshot(db)).toBe(before);
  });

  it('returns the record as it was before a save, so that the change can be undone', async () => {
    freshDatabase();
    const id = await aCampaign();
    const first = await answer(id, LEVEL, { kind: 'level', value: 1 });
    expect(first.before).toBeUndefined();
    const second = await answer(id, LEVEL, { kind: 'level', value: 3 });
    expect(second.before?.value).toEqual({ kind: 'level', value: 1 });
    await saveAnswer(id, LEVEL, { value: second.before!.value, carriedOver: second.before!.carriedOver });
    expect((await listAnswers(id))[0]?.value).toEqual({ kind: 'level', value: 1 });
  });

  it('makes a closed campaign read-only until it is reopened', async () => {
    const db = freshDatabase();
    const id = await aCampaign();
    await answer(id, LEVEL, { kind: 'level', value: 1 });
    expect((await setCampaignStatus(id, 'closed')).ok).toBe(true);
    const before = await snapshot(db);
    expect(await saveAnswer(id, LEVEL, { value: { kind: 'level', value: 3 } })).toEqual({ ok: false, message: fr.storage.closed });
    expect(await saveSectionNote(id, 'occitanie.s1', 'texte')).toEqual({ ok: false, message: fr.storage.closed });
    expect(await snapshot(db)).toBe(before);
    await setCampaignStatus(id, 'open');
    expect((await saveAnswer(id, LEVEL, { value: { kind: 'level', value: 3 } })).ok).toBe(true);
  });

  it('duplicates a campaign with its answers and notes, and undoes a deletion exactly', async () => {
    const db = freshDatabase();
    const id = await aCampaign();
    await answer(id, LEVEL, { kind: 'level', value: 2 });
    await saveSectionNote(id, 'occitanie.s1', 'Forces et faiblesses');
    const copy = await duplicateCampaign(id, 'Copie de travail');
    if (!copy.ok) throw new Error(copy.message);
    expect(await listAnswers(copy.value.id)).toEqual([expect.objectContaining({ itemId: LEVEL, value: { kind: 'level', value: 2 } })]);
    expect((await listSectionNotes(copy.value.id))[0]?.text).toBe('Forces et faiblesses');

    const before = await snapshot(db);
    const deleted = await deleteCampaign(id);
    if (!deleted.ok) throw new Error(deleted.message);
    expect((await listCampaigns()).map((c) => c.name)).toEqual(['Copie de travail']);
    expect((await restoreCampaign(deleted.value)).ok).toBe(true);
    expect(await snapshot(db)).toBe(before);
  });

  it('assigns sections to members of the group only, and unassigns those of a member who leaves', async () => {
    freshDatabase();
    const id = await aCampaign();
    expect(await assignSection(id, 'dgesco2010.s3.1', 'Inconnu')).toMatchObject({ ok: false });
    // Added at the same moment (two tabs, or two quick clicks): none is lost; a name is kept once.
    await Promise.all([addMember(id, '  Mme Martin '), addMember(id, 'M. Durand'), addMember(id, 'Mme Martin')]);
    expect(await addMember(id, '   ')).toMatchObject({ ok: false, message: expect.stringContaining('obligatoire') });
    expect((await readCampaign(id))?.members).toEqual(['Mme Martin', 'M. Durand']);
    await Promise.all([assignSection(id, 'dgesco2010.s3.1', 'Mme Martin'), assignSection(id, 'occitanie.s1', 'M. Durand')]);
    await assignSection(id, 'dgesco2010.s3.1', 'M. Durand');
    expect((await readCampaign(id))?.assignments).toEqual([
      { sectionId: 'occitanie.s1', member: 'M. Durand' },
      { sectionId: 'dgesco2010.s3.1', member: 'M. Durand' },
    ]);
    await removeMember(id, 'M. Durand');
    expect((await readCampaign(id))?.members).toEqual(['Mme Martin']);
    expect((await readCampaign(id))?.assignments).toEqual([]);
    expect(await addMember(id, 'x'.repeat(81))).toMatchObject({ ok: false, message: expect.stringContaining('80 caractères') });
  });
});
