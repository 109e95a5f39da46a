// The year-to-year loop in storage: a new campaign takes over the open actions of the one before
// (with their story), proposes its targets, and nothing is ever taken over twice.
import { describe, expect, it } from 'vitest';
import { freshDatabase, snapshot } from '../../fixtures/database';
import {
  acceptProposedTargets,
  createCampaign,
  setCampaignStatus,
  setTarget,
  startFromPrevious,
} from '../../../src/storage/campaigns';
import { readCampaign } from '../../../src/storage/campaign-list';
import { addAction, listActions, updateAction } from '../../../src/storage/actions';
import { achievedBetween, isOpen, type ActionInput, type ActionStatus } from '../../../src/domain/actions';
import type { Checked } from '../../../src/domain/result';
import type { CampaignInput } from '../../../src/domain/campaigns';

function ok<T>(result: Checked<T>): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const documents: CampaignInput['documents'] = ['occitanie-grille', 'label-lycee-2023'];
const anAction = (objective: string, status: ActionStatus): ActionInput => ({
  axis: 'occitanie.3', objective, action: '', owner: 'Mme Martin', due: '2026-03-31', status,
});

/** The 2025 campaign: one action of each status, then closed. */
async function firstYear() {
  const first = ok(await createCampaign({ name: 'État initial 2025', date: '2025-10-01', documents }));
  for (const [objective, status] of [
    ['Former à l’ENT', 'prevue'], ['Équiper le 2ᵉ étage', 'en-cours'], ['Charte votée', 'realisee'], ['Tablettes', 'abandonnee'],
  ] as const) ok(await addAction(first.id, anAction(objective, status)));
  ok(await setCampaignStatus(first.id, 'closed'));
  return first;
}

/** The open actions of a campaign's plan, in its order. */
async function openPlanOf(campaignId: string) {
  return (await listActions(campaignId)).filter(isOpen).map((a) => [a.objective, a.status]);
}

describe('a new campaign takes over the open actions', () => {
  it('from the campaign it starts from: the planned and ongoing ones, with their story; done and abandoned ones stay', async () => {
    freshDatabase();
    const first = await firstYear();
    const second = ok(await startFromPrevious(first.id, { name: 'Réévaluation 2026', date: '2026-10-01', documents }));
    const taken = await listActions(second.id);
    // In the order of the plan they come from (actions added in one millisecond included).
    expect(taken.map((a) => [a.objective, a.status])).toEqual(await openPlanOf(first.id));
    expect(taken.map((a) => a.objective).sort()).toEqual(['Former à l’ENT', 'Équiper le 2ᵉ étage'].sort());
    const original = (await listActions(first.id)).find((a) => a.objective === 'Équiper le 2ᵉ étage')!;
    const carried = taken.find((a) => a.objective === 'Équiper le 2ᵉ étage')!;
    expect(carried).toMatchObject({
      lineage: original.lineage,
      history: [{ campaign: 'État initial 2025', date: '2025-10-01', status: 'en-cours', due: '2026-03-31' }],
    });
    expect(carried.id).not.toBe(original.id);
    // The earlier plan is untouched (it is closed).
    expect(await listActions(first.id)).toHaveLength(4);
  });

  it('from the latest campaign dated before a fresh one; a campaign dated earlier than all takes nothing', async () => {
    freshDatabase();
    const first = await firstYear();
    const fresh = ok(await createCampaign({ name: 'Nouveau départ 2026', date: '2026-10-01', documents }));
    expect((await listActions(fresh.id)).map((a) => [a.objective, a.status])).toEqual(await openPlanOf(first.id));
    expect((await listActions(fresh.id)).map((a) => a.objective).sort()).toEqual(['Former à l’ENT', 'Équiper le 2ᵉ étage'].sort());
    const older = ok(await createCampaign({ name: 'Archive 2020', date: '2020-10-01', documents }));
    expect(await listActions(older.id)).toEqual([]);
    expect(first.id).not.toBe(fresh.id);
  });

  it('once per campaign: two campaigns started from the same one each hold each action once, and what was achieved counts once', async () => {
    freshDatabase();
    const first = await firstYear();
    const b = ok(await startFromPrevious(first.id, { name: 'Réévaluation 2026', date: '2026-10-01', documents }));
    const c = ok(await startFromPrevious(first.id, { name: 'Réévaluation 2026 (bis)', date: '2026-10-02', documents }));
    for (const id of [b.id, c.id]) {
      const lineages = (await listActions(id)).map((a) => a.lineage);
      expect(new Set(lineages).size).toBe(lineages.length);
      expect(lineages).toHaveLength(2);
    }
    // The ongoing action is done in the re-assessment: achieved between 2025 and 2026, once.
    const ongoing = (await listActions(b.id)).find((a) => a.status === 'en-cours')!;
    ok(await updateAction(ongoing.id, { status: 'realisee' }));
    const achieved = achievedBetween(await listActions(first.id), await listActions(b.id));
    expect(achieved.map((a) => a.objective).sort()).toEqual(['Charte votée', 'Équiper le 2ᵉ étage']);
    // A campaign started from the re-assessment takes the still open action with two steps of story.
    const d = ok(await startFromPrevious(b.id, { name: 'Réévaluation 2027', date: '2027-10-01', documents }));
    const [still] = await listActions(d.id);
    expect(still).toMatchObject({ objective: 'Former à l’ENT' });
    expect(still!.history.map((h) => h.campaign)).toEqual(['État initial 2025', 'Réévaluation 2026']);
  });
});

describe('targets proposed by a new campaign', () => {
  it('are stored as proposals, accepted as they are, and a changed one is the group’s', async () => {
    const db = freshDatabase();
    const first = ok(await createCampaign({ name: 'État initial 2025', date: '2025-10-01', documents }));
    const propose = () => [{ axis: 'label', value: 2, proposed: true as const }, { axis: 'occitanie.1', value: 3, proposed: true as const }];
    const second = ok(await startFromPrevious(first.id, { name: 'Réévaluation 2026', date: '2026-10-01', documents }, propose));
    expect(second.targets).toEqual(propose());
    ok(await setTarget(second.id, 'occitanie.1', 2));
    expect((await readCampaign(second.id))!.targets).toEqual([{ axis: 'label', value: 2, proposed: true }, { axis: 'occitanie.1', value: 2 }]);
    ok(await acceptProposedTargets(second.id));
    expect((await readCampaign(second.id))!.targets).toEqual([{ axis: 'label', value: 2 }, { axis: 'occitanie.1', value: 2 }]);
    // The label's level is a target from 0 to 3, like an Occitanie area.
    const before = await snapshot(db);
    expect(await setTarget(second.id, 'label', 4)).toMatchObject({ ok: false, message: 'Objectif : un nombre de 0 à 3.' });
    expect(await snapshot(db)).toBe(before);
  });
});
