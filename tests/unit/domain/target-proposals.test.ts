import { describe, expect, it } from 'vitest';
import { nextLevel, nextTen, proposeTargets } from '../../../src/domain/scoring/target-proposals';
import { nextAssessmentNotice } from '../../../src/domain/campaigns';
import { carryOverActions, type ActionRecord } from '../../../src/domain/actions';
import { RECORD_SCHEMA_VERSION } from '../../../src/domain/schema-version';
import { emptyAnswer, type AnswerRecord, type AnswerValue } from '../../../src/domain/answers';
import { labelCriteria } from '../../../src/domain/scoring/label';

const lookup = (entries: Array<[string, AnswerValue]>) =>
  new Map(entries.map(([itemId, value]): [string, AnswerRecord] => [itemId, { ...emptyAnswer('campagne-1', itemId), value }]));

describe('the next level up', () => {
  it('is the next ten on a score out of 100, the next whole level out of 3, never above the top', () => {
    expect([0, 9.9, 42, 50, 95, 100].map(nextTen)).toEqual([10, 10, 50, 60, 100, 100]);
    expect([0, 1, 1.4, 2.9, 3].map(nextLevel)).toEqual([1, 2, 2, 3, 3]);
  });

  it('is proposed on the axes of the documents covered, where the previous campaign had a value below the top', () => {
    // Occitanie area 1 at 1.5 (levels 1 and 2), area 2 at the top; every mandatory label criterion at level 1 or more.
    const answers = lookup([
      ['occitanie.1.1', { kind: 'level', value: 1 }],
      ['occitanie.1.2', { kind: 'level', value: 2 }],
      ...labelCriteria.filter((c) => c.rule === 'mandatory').map((c): [string, AnswerValue] => [c.id, { kind: 'band', band: c.bands.find((b) => (b.level ?? 0) >= 1)!.id }]),
    ]);
    const area2 = ['occitanie.2.1', 'occitanie.2.2', 'occitanie.2.3', 'occitanie.2.4'].filter((id) => id);
    for (const id of area2) answers.set(id, { ...emptyAnswer('campagne-1', id), value: { kind: 'level', value: 3 } });
    const proposals = proposeTargets(answers, ['occitanie-grille', 'label-lycee-2023']);
    expect(proposals).toContainEqual({ axis: 'occitanie.1', value: 2, proposed: true });
    expect(proposals.find((t) => t.axis === 'label')).toEqual({ axis: 'label', value: 2, proposed: true });
    // No DGESCO axis: the new campaign does not cover it; no unanswered area.
    expect(proposals.every((t) => !t.axis.startsWith('dgesco'))).toBe(true);
    expect(proposals.map((t) => t.axis)).not.toContain('occitanie.5');
  });
});

describe('taking over actions', () => {
  const action = (id: string, status: ActionRecord['status'], lineage = id): ActionRecord => ({
    id, campaignId: 'campagne-1', lineage, history: [], axis: 'occitanie.1', objective: `Objectif ${id}`, action: '', owner: '',
    due: null, status, createdAt: 1.7e12, updatedAt: 1.7e12, schemaVersion: RECORD_SCHEMA_VERSION,
  });
  it('takes the open ones, never one whose lineage the campaign already holds', () => {
    let n = 0;
    const previous = { campaign: { name: '2025', date: '2025-10-01' }, actions: [action('action-01', 'prevue'), action('action-02', 'en-cours'), action('action-03', 'realisee'), action('action-04', 'abandonnee')] };
    const next = { campaignId: 'campagne-2', held: [{ lineage: 'action-02' }], now: 1.8e12, newId: () => `nouvelle-${++n}` };
    const taken = carryOverActions(previous, next);
    expect(taken).toEqual([{ ...previous.actions[0], id: 'nouvelle-1', campaignId: 'campagne-2', updatedAt: 1.8e12, history: [{ campaign: '2025', date: '2025-10-01', status: 'prevue', due: null }] }]);
  });
});

describe('the next assessment on the home page', () => {
  const campaigns = [
    { id: 'c2026', name: 'Réévaluation 2026', date: '2026-10-01', nextAssessment: '2027-10-01' },
    { id: 'c2025', name: 'État initial 2025', date: '2025-10-01', nextAssessment: '2026-09-15' },
  ];
  it('is shown from 60 days before the date planned by the latest campaign, and once past', () => {
    expect(nextAssessmentNotice(campaigns, '2027-08-01')).toBeUndefined();
    expect(nextAssessmentNotice(campaigns, '2027-08-02')).toEqual({ campaign: { id: 'c2026', name: 'Réévaluation 2026' }, date: '2027-10-01', days: 60 });
    expect(nextAssessmentNotice(campaigns, '2027-10-01')?.days).toBe(0);
    expect(nextAssessmentNotice(campaigns, '2027-11-20')?.days).toBe(-50);
    // The earlier campaign's date is superseded; no date planned, nothing to show.
    expect(nextAssessmentNotice([{ ...campaigns[0]!, nextAssessment: null }, campaigns[1]!], '2026-10-02')).toBeUndefined();
    expect(nextAssessmentNotice([], '2026-10-02')).toBeUndefined();
  });
});
