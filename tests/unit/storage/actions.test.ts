import { describe, expect, it } from 'vitest';
import { freshDatabase, snapshot } from '../../fixtures/database';
import { createCampaign, deleteCampaign, duplicateCampaign, restoreCampaign, setTarget } from '../../../src/storage/campaigns';
import { readCampaign } from '../../../src/storage/campaign-list';
import { addAction, deleteAction, listActions, updateAction } from '../../../src/storage/actions';
import { isLate, type ActionInput } from '../../../src/domain/actions';

const anAction = (over: Partial<ActionInput> = {}): ActionInput => ({
  axis: 'occitanie.3',
  objective: 'Former les enseignants à l’ENT',
  action: 'Deux pauses numériques par trimestre',
  owner: 'Mme Martin',
  due: '2027-03-31',
  status: 'prevue',
  ...over,
});

async function aCampaign() {
  const created = await createCampaign({ name: 'Bilan', date: '2026-10-01', documents: ['occitanie-grille'] });
  if (!created.ok) throw new Error(created.message);
  return created.value.id;
}

describe('the action plan', () => {
  it('adds, changes and deletes actions, and refuses an empty objective or an impossible date, writing nothing', async () => {
    const db = freshDatabase();
    const id = await aCampaign();
    const added = await addAction(id, anAction());
    if (!added.ok) throw new Error(added.message);
    const before = await snapshot(db);
    expect(await addAction(id, anAction({ objective: '  ' }))).toMatchObject({ ok: false, message: expect.stringContaining('obligatoire') });
    expect(await addAction(id, anAction({ due: '2027-02-30' }))).toMatchObject({ ok: false, message: expect.stringContaining('n’existe pas') });
    expect(await updateAction(added.value.id, { status: 'fini' as never })).toMatchObject({ ok: false });
    expect(await snapshot(db)).toBe(before);
    expect((await updateAction(added.value.id, { status: 'en-cours' })).ok).toBe(true);
    expect((await listActions(id))[0]).toMatchObject({ status: 'en-cours', objective: 'Former les enseignants à l’ENT' });
    await deleteAction(added.value.id);
    expect(await listActions(id)).toEqual([]);
  });

  it('goes with its campaign: copied by a duplicate, deleted and restored with it', async () => {
    const db = freshDatabase();
    const id = await aCampaign();
    await addAction(id, anAction());
    await setTarget(id, 'occitanie.3', 2);
    const copy = await duplicateCampaign(id, 'Copie');
    if (!copy.ok) throw new Error(copy.message);
    expect(await listActions(copy.value.id)).toEqual([expect.objectContaining({ objective: 'Former les enseignants à l’ENT' })]);
    expect((await readCampaign(copy.value.id))?.targets).toEqual([{ axis: 'occitanie.3', value: 2 }]);
    const before = await snapshot(db);
    const deleted = await deleteCampaign(id);
    if (!deleted.ok) throw new Error(deleted.message);
    expect(await listActions(id)).toEqual([]);
    await restoreCampaign(deleted.value);
    expect(await snapshot(db)).toBe(before);
  });

  it('calls an action late once its date has passed, unless it is done or abandoned', () => {
    expect(isLate({ due: '2026-11-01', status: 'prevue' }, '2026-11-25')).toBe(true);
    expect(isLate({ due: '2026-11-01', status: 'en-cours' }, '2026-11-25')).toBe(true);
    expect(isLate({ due: '2026-11-25', status: 'prevue' }, '2026-11-25')).toBe(false);
    expect(isLate({ due: '2026-11-01', status: 'realisee' }, '2026-11-25')).toBe(false);
    expect(isLate({ due: '2026-11-01', status: 'abandonnee' }, '2026-11-25')).toBe(false);
    expect(isLate({ due: null, status: 'prevue' }, '2026-11-25')).toBe(false);
  });

  it('keeps one target per axis, within the axis’s scale', async () => {
    freshDatabase();
    const id = await aCampaign();
    await setTarget(id, 'occitanie.1', 2);
    await setTarget(id, 'occitanie.1', 3);
    expect(await setTarget(id, 'occitanie.2', 140)).toMatchObject({ ok: false, message: 'Objectif : un nombre de 0 à 3.' });
    expect((await readCampaign(id))?.targets).toEqual([{ axis: 'occitanie.1', value: 3 }]);
    await setTarget(id, 'occitanie.1', null);
    expect((await readCampaign(id))?.targets).toEqual([]);
  });
});
