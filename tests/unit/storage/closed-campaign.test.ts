// "A closed campaign is closed": storage refuses every write to it, whatever the screen shows,
// and writes nothing; only its reopening goes through. Each write is also shown to succeed once
// the campaign is reopened, so that a refusal for any other reason would fail the test.
import { describe, expect, it } from 'vitest';
import { freshDatabase, snapshot } from '../../fixtures/database';
import {
  acceptProposedTargets,
  addMember,
  assignSection,
  createCampaign,
  removeMember,
  renameCampaign,
  setCampaignStatus,
  setNextAssessment,
  setTarget,
  startFromPrevious,
} from '../../../src/storage/campaigns';
import { readCampaign } from '../../../src/storage/campaign-list';
import { addAction, deleteAction, listActions, updateAction } from '../../../src/storage/actions';
import { confirmCarriedOver, listAnswers, saveAnswer } from '../../../src/storage/answers';
import { listSectionNotes, saveSectionNote } from '../../../src/storage/section-notes';
import type { Checked } from '../../../src/domain/result';
import type { ActionInput } from '../../../src/domain/actions';
import { fr } from '../../../src/text/fr';

const LEVEL = 'occitanie.1.1';
const MISSING = '00000000-0000-4000-8000-000000000000';

const anAction = (objective = 'Former les enseignants à l’ENT'): ActionInput => ({
  axis: 'occitanie.3',
  objective,
  action: 'Deux pauses numériques par trimestre',
  owner: 'Mme Martin',
  due: '2027-03-31',
  status: 'prevue',
});

function ok<T>(result: Checked<T>): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/**
 * A campaign with something of every kind to change (members, an assignment, a target, a date,
 * an action, a note, an answer still carried over from the previous campaign), then closed.
 */
async function aClosedCampaign() {
  const db = freshDatabase();
  const previous = ok(await createCampaign({ name: 'État initial 2025', date: '2025-10-01', documents: ['occitanie-grille'] }));
  ok(await saveAnswer(previous.id, LEVEL, { value: { kind: 'level', value: 1 } }));
  const propose = () => [{ axis: 'occitanie.2', value: 2, proposed: true as const }];
  const campaign = ok(await startFromPrevious(previous.id, { name: 'Réévaluation 2026', date: '2026-10-01', documents: ['occitanie-grille'] }, propose));
  const id = campaign.id;
  ok(await addMember(id, 'Mme Martin'));
  ok(await addMember(id, 'M. Durand'));
  ok(await assignSection(id, 'occitanie.s1', 'Mme Martin'));
  ok(await setTarget(id, 'occitanie.1', 2));
  ok(await setNextAssessment(id, '2027-10-01'));
  ok(await saveSectionNote(id, 'occitanie.s1', 'Analyse du groupe'));
  const action = ok(await addAction(id, anAction()));
  ok(await setCampaignStatus(id, 'closed'));
  return { db, id, actionId: action.id };
}

type Case = [string, (c: { id: string; actionId: string }) => Promise<Checked<unknown>>];

const writes: Case[] = [
  ['setTarget', ({ id }) => setTarget(id, 'occitanie.1', 3)],
  ['acceptProposedTargets', ({ id }) => acceptProposedTargets(id)],
  ['addMember', ({ id }) => addMember(id, 'Mme N’Diaye')],
  ['removeMember', ({ id }) => removeMember(id, 'M. Durand')],
  ['assignSection', ({ id }) => assignSection(id, 'occitanie.s2', 'M. Durand')],
  ['renameCampaign', ({ id }) => renameCampaign(id, 'Autre nom')],
  ['setNextAssessment', ({ id }) => setNextAssessment(id, '2028-10-01')],
  ['addAction', ({ id }) => addAction(id, anAction('Équiper le 2ᵉ étage'))],
  ['updateAction', ({ actionId }) => updateAction(actionId, { status: 'realisee' })],
  ['deleteAction', ({ actionId }) => deleteAction(actionId)],
  ['confirmCarriedOver', ({ id }) => confirmCarriedOver(id, [LEVEL])],
  ['saveAnswer', ({ id }) => saveAnswer(id, LEVEL, { value: { kind: 'level', value: 3 } })],
  ['saveSectionNote', ({ id }) => saveSectionNote(id, 'occitanie.s1', 'Autre analyse')],
];

describe('a closed campaign', () => {
  it.each(writes)('refuses %s, writing nothing, and takes it once reopened', async (_name, write) => {
    const { db, ...campaign } = await aClosedCampaign();
    const before = await snapshot(db);
    expect(await write(campaign)).toEqual({ ok: false, message: fr.storage.closed });
    expect(await snapshot(db)).toBe(before);

    ok(await setCampaignStatus(campaign.id, 'open'));
    const reopened = await snapshot(db);
    expect((await write(campaign)).ok).toBe(true);
    expect(await snapshot(db)).not.toBe(reopened);
  });

  it('is reopened, and closed again, by its status alone', async () => {
    const { id } = await aClosedCampaign();
    expect(await setCampaignStatus(id, 'open')).toEqual({ ok: true, value: true });
    expect((await readCampaign(id))?.status).toBe('open');
    ok(await addMember(id, 'Mme N’Diaye'));
    expect(await setCampaignStatus(id, 'closed')).toEqual({ ok: true, value: true });
    expect(await readCampaign(id)).toMatchObject({ status: 'closed', members: ['Mme Martin', 'M. Durand', 'Mme N’Diaye'] });
  });
});

describe('a write to something that no longer exists', () => {
  it('says the campaign no longer exists (not that it is closed), writing nothing', async () => {
    const { db } = await aClosedCampaign();
    const before = await snapshot(db);
    expect(await saveSectionNote(MISSING, 'occitanie.s1', 'texte')).toEqual({ ok: false, message: fr.storage.notFound });
    expect(await confirmCarriedOver(MISSING, [LEVEL])).toEqual({ ok: false, message: fr.storage.notFound });
    expect(await addAction(MISSING, anAction())).toEqual({ ok: false, message: fr.storage.notFound });
    expect(await setTarget(MISSING, 'occitanie.1', 1)).toEqual({ ok: false, message: fr.storage.notFound });
    expect(await snapshot(db)).toBe(before);
  });

  it('says the action no longer exists when it is changed or deleted twice', async () => {
    freshDatabase();
    const campaign = ok(await createCampaign({ name: 'Bilan', date: '2026-10-01', documents: ['occitanie-grille'] }));
    const action = ok(await addAction(campaign.id, anAction()));
    expect(await deleteAction(action.id)).toEqual({ ok: true, value: true });
    expect(await listActions(campaign.id)).toEqual([]);
    expect(await deleteAction(action.id)).toEqual({ ok: false, message: 'Cette action n’existe plus.' });
    expect(await updateAction(action.id, { status: 'realisee' })).toEqual({ ok: false, message: 'Cette action n’existe plus.' });
    expect(await listActions(campaign.id)).toEqual([]);
  });
});

describe('confirming carried-over answers', () => {
  it('clears the "repris" mark of the items named only, and leaves an unanswered item as it is', async () => {
    const { id } = await aClosedCampaign();
    ok(await setCampaignStatus(id, 'open'));
    expect(await listAnswers(id)).toEqual([expect.objectContaining({ itemId: LEVEL, carriedOver: true })]);
    expect(await confirmCarriedOver(id, [LEVEL, 'occitanie.1.2'])).toEqual({ ok: true, value: true });
    expect(await listAnswers(id)).toEqual([expect.objectContaining({ itemId: LEVEL, carriedOver: false, value: { kind: 'level', value: 1 } })]);
    expect(await listSectionNotes(id)).toHaveLength(1);
  });
});
