import { describe, expect, it, vi } from 'vitest';
import { freshDatabase, snapshot } from '../../fixtures/database';
import { createCampaign, setCampaignStatus } from '../../../src/storage/campaigns';
import { listAnswers } from '../../../src/storage/answers';
import { CampaignSession } from '../../../src/state/campaign-session.svelte';
import { undoStack } from '../../../src/state/undo.svelte';
import { fr } from '../../../src/text/fr';

const TEACHERS = 'dgesco2010.3.1.teachers';
const TEACHER_USAGE = 'dgesco2010.3.6.1.h1';

/** A record written on a connection of its own, unseen by Dexie's live queries. */
async function putBehindTheBack(name: string, store: string, record: unknown) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    tx.objectStore(store).put(record);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

async function aSession() {
  freshDatabase();
  undoStack.reset();
  const created = await createCampaign({ name: 'Campagne 2026', date: '2026-10-05', documents: ['dgesco-2010', 'occitanie-grille'] });
  if (!created.ok) throw new Error(created.message);
  const session = new CampaignSession(created.value.id);
  const stop = session.start();
  await expect.poll(() => session.campaign?.name).toBe('Campagne 2026');
  return { session, stop, id: created.value.id };
}

describe('the campaign session', () => {
  it('stores the last value of a burst of keystrokes, and says "saving" until that one is committed', async () => {
    const { session, stop, id } = await aSession();
    const burst = ['1', '10', '102', '1028'].map((typed) =>
      session.saveAnswer(TEACHERS, { value: { kind: 'number', value: Number(typed) } }, { label: 'nombre', typing: true }),
    );
    expect(session.saveState(TEACHERS)).toEqual({ status: 'saving' });
    const results = await Promise.all(burst);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(session.saveState(TEACHERS)).toEqual({ status: 'saved' });
    const [stored] = await listAnswers(id);
    expect(stored?.value).toEqual({ kind: 'number', value: 1028 });
    stop();
  });

  it('applies every count of a burst on the usage counts, not only the last one', async () => {
    const { session, stop, id } = await aSession();
    await session.saveAnswer(TEACHERS, { value: { kind: 'number', value: 40 } }, { label: 'nombre' });
    const set = (field: 'never' | 'occasionally' | 'regularly', n: number) =>
      session.saveAnswer(
        TEACHER_USAGE,
        {
          value: (stored) => {
            const counts = stored?.kind === 'usage-counts' ? stored : { kind: 'usage-counts' as const, never: null, occasionally: null, regularly: null };
            return { ...counts, [field]: n };
          },
        },
        { label: 'comptes', typing: true },
      );
    await Promise.all([set('never', 5), set('occasionally', 10), set('regularly', 20)]);
    const stored = (await listAnswers(id)).find((a) => a.itemId === TEACHER_USAGE);
    expect(stored?.value).toEqual({ kind: 'usage-counts', never: 5, occasionally: 10, regularly: 20 });
    stop();
  });

  it('derives completion and scores from the live answers, once per change', async () => {
    const { session, stop } = await aSession();
    expect(session.progress.answered).toBe(0);
    const level = session.documents.find((d) => d.id === 'occitanie-grille')!.parts[0]!.sections[0]!.items[0]!;
    const saved = await session.saveAnswer(level.id, { value: { kind: 'level', value: 3 } }, { label: 'niveau' });
    expect(saved.ok).toBe(true);
    await expect.poll(() => session.progress.answered).toBe(1);
    const area = session.levels?.areas.find((a) => a.criteria.some((c) => c.id === level.id));
    expect(area?.criteria.find((c) => c.id === level.id)?.level).toBe(3);
    // The same object while the data has not changed: read by every screen, computed once.
    expect(session.levels).toBe(session.levels);
    expect(session.profile).toBeDefined();
    expect(session.label).toBeUndefined(); // the label is not among this campaign's documents
    stop();
  });

  it('reports a refusal to one place and to the caller, and leaves the database unchanged', async () => {
    const { session, stop, id } = await aSession();
    expect((await setCampaignStatus(id, 'closed')).ok).toBe(true);
    await expect.poll(() => session.readOnly).toBe(true);
    expect(session.readOnlyReason).toBe(fr.storage.closed);
    const db = freshDatabaseSnapshot();
    const before = await db();
    const result = await session.saveAnswer(TEACHERS, { value: { kind: 'number', value: 12 } }, { label: 'nombre' });
    expect(result).toEqual({ ok: false, message: fr.storage.closed });
    expect(session.refusal).toMatchObject({ place: TEACHERS, message: fr.storage.closed });
    expect(session.saveState(TEACHERS)).toEqual({ status: 'error', message: 'Non enregistré' });
    const member = await session.addMember('Mme Martin');
    expect(member.ok).toBe(false);
    expect(session.refusal?.place).toBe('members');
    expect(await db()).toBe(before);
    // "Rouvrir" is the one write a closed campaign takes.
    expect((await session.setStatus('open')).ok).toBe(true);
    await expect.poll(() => session.readOnly).toBe(false);
    stop();
  });

  it('undoes the newest change of its campaign, keystrokes of one entry together', async () => {
    const { session, stop, id } = await aSession();
    await session.saveAnswer(TEACHERS, { value: { kind: 'number', value: 40 } }, { label: 'nombre' });
    await session.saveAnswer(TEACHERS, { comment: 'C' }, { label: 'commentaire', typing: true });
    await session.saveAnswer(TEACHERS, { comment: 'Co' }, { label: 'commentaire', typing: true });
    expect(session.lastUndoable?.label).toBe('commentaire');
    const undone = await session.undo();
    expect(undone).toEqual({ ok: true, value: 'commentaire' });
    const [stored] = await listAnswers(id);
    expect(stored).toMatchObject({ comment: '', value: { kind: 'number', value: 40 } });
    expect(session.lastUndoable?.label).toBe('nombre');
    stop();
  });

  it('sends each save of an answer with its reads, on what it last stored, and still keeps a change made behind its back', async () => {
    const { session, stop, id } = await aSession();
    const { database } = await import('../../../src/storage/connection');
    await session.saveAnswer(TEACHERS, { value: { kind: 'number', value: 40 } }, { label: 'nombre' });
    const spy = vi.spyOn(database(), 'transaction');
    // The writes only: the live data is read in transactions of its own.
    const writes = () => spy.mock.calls.filter(([mode]) => mode === 'rw').length;
    await session.saveAnswer(TEACHERS, { value: { kind: 'number', value: 41 } }, { label: 'nombre' });
    expect(writes()).toBe(1);
    // A comment written behind Dexie's back (so the session never hears of it): the guess is
    // rolled back, the comment kept.
    const [before] = await listAnswers(id);
    await putBehindTheBack(database().name, 'answers', { ...before, comment: 'Écrit ailleurs' });
    spy.mockClear();
    const result = await session.saveAnswer(TEACHERS, { value: { kind: 'number', value: 42 } }, { label: 'nombre' });
    expect(result.ok).toBe(true);
    expect(writes()).toBe(2);
    const [stored] = await listAnswers(id);
    expect(stored).toMatchObject({ comment: 'Écrit ailleurs', value: { kind: 'number', value: 42 } });
    stop();
  });

  it('offers every write of the campaign as a verb that returns its result', async () => {
    const { session, stop } = await aSession();
    expect((await session.addMember('M. Durand')).ok).toBe(true);
    expect((await session.assignSection('dgesco2010.s3.1', 'M. Durand')).ok).toBe(true);
    expect((await session.setTarget('occitanie.1', 2)).ok).toBe(true);
    expect((await session.setNextAssessment('2027-10-01')).ok).toBe(true);
    const action = await session.addAction({ axis: 'occitanie.1', objective: 'Former les équipes', action: '', owner: '', due: null, status: 'prevue' });
    expect(action.ok).toBe(true);
    if (!action.ok) return;
    expect((await session.updateAction(action.value.id, { status: 'en-cours' })).ok).toBe(true);
    expect((await session.saveNote('dgesco2010.s3.1', 'Analyse')).ok).toBe(true);
    expect((await session.rename('Campagne 2026-2027')).ok).toBe(true);
    await expect.poll(() => session.campaign?.name).toBe('Campagne 2026-2027');
    expect(session.campaign).toMatchObject({ members: ['M. Durand'], nextAssessment: '2027-10-01' });
    expect(session.actions.map((a) => a.status)).toEqual(['en-cours']);
    expect(session.notes.get('dgesco2010.s3.1')).toBe('Analyse');
    expect((await session.deleteAction(action.value.id)).ok).toBe(true);
    expect((await session.removeMember('M. Durand')).ok).toBe(true);
    stop();
  });
});

/** Reads the database the session writes to (the one freshDatabase installed). */
function freshDatabaseSnapshot() {
  return async () => {
    const { database } = await import('../../../src/storage/connection');
    return snapshot(database());
  };
}
