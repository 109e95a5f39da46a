// The order of an action plan: oldest first, and a plan taken over by the next campaign (new ids,
// same lineages) lists its actions in the same order, even those made in the same millisecond.
import { describe, expect, it } from 'vitest';
import { carryOverActions, inPlanOrder, type ActionRecord } from '../../../src/domain/actions';
import { RECORD_SCHEMA_VERSION } from '../../../src/domain/schema-version';

const action = (objective: string, createdAt: number, id: string): ActionRecord => ({
  id,
  lineage: id,
  campaignId: 'c1',
  axis: 'occitanie.3',
  objective,
  action: '',
  owner: '',
  due: null,
  status: 'prevue',
  history: [],
  createdAt,
  updatedAt: createdAt,
  schemaVersion: RECORD_SCHEMA_VERSION,
});

describe('the plan’s order', () => {
  it('is oldest first, whatever the ids', () => {
    const plan = [action('Deuxième', 2_000, 'a'), action('Premier', 1_000, 'z')];
    expect(inPlanOrder(plan).map((a) => a.objective)).toEqual(['Premier', 'Deuxième']);
  });

  it('is the same in the campaign that takes the plan over, for actions made in one millisecond', () => {
    // As the database gives them: by id.
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    const plan = byId([action('Former à l’ENT', 1_000, 'a1'), action('Équiper le 2ᵉ étage', 1_000, 'b2'), action('Charte', 999, 'c3')]);
    // The plan taken over gets new ids, which sort the other way round.
    const ids = ['y1', 'x2', 'z3'];
    const taken = carryOverActions(
      { campaign: { name: 'État initial 2025', date: '2025-10-01' }, actions: plan },
      { campaignId: 'c2', held: [], now: 5_000, newId: () => ids.shift()! },
    );
    expect(inPlanOrder(plan).map((a) => a.objective)).toEqual(['Charte', 'Former à l’ENT', 'Équiper le 2ᵉ étage']);
    expect(inPlanOrder(byId(taken)).map((a) => a.objective)).toEqual(['Charte', 'Former à l’ENT', 'Équiper le 2ᵉ étage']);
  });

  it('leaves the plan given untouched', () => {
    const plan = [action('B', 2, 'b'), action('A', 1, 'a')];
    inPlanOrder(plan);
    expect(plan.map((a) => a.objective)).toEqual(['B', 'A']);
  });
});
