// Two campaigns compared as the progress page and the report tell it.
import { describe, expect, it } from 'vitest';
import { buildHistory } from '../../fixtures/history';
import { axisName, axisValue, pairProgress, progressLines, readCampaignData, type CampaignData } from '../../../src/domain/progress/compare';
import type { AnswerValue } from '../../../src/domain/answers';
import { labelCriteria } from '../../../src/domain/scoring/label';
import type { Snapshot } from '../../../src/domain/transfer/format';

function campaignsOf(history: Snapshot): CampaignData[] {
  return history.campaigns.map((campaign) => ({
    campaign,
    answers: history.answers.filter((a) => a.campaignId === campaign.id),
    actions: history.actions.filter((a) => a.campaignId === campaign.id),
  }));
}

const mandatory = labelCriteria.filter((c) => c.rule === 'mandatory');
const bandAt = (c: (typeof mandatory)[number], level: number) => c.bands.find((b) => (b.level ?? 0) >= level)!.id;

describe('two campaigns compared', () => {
  const history = buildHistory({ campaigns: 2, firstYear: 2025, lastOpen: false });
  const [first, second] = history.campaigns;
  // Label level 1, then 2; one piloting answer from "non" to "oui".
  history.answers = history.answers.map((a) => {
    const c = mandatory.find((m) => m.id === a.itemId);
    if (c) return { ...a, value: { kind: 'band', band: bandAt(c, a.campaignId === first!.id ? 1 : 2) } as AnswerValue };
    if (a.itemId === 'dgesco2010.3.3.1.1') return { ...a, value: { kind: 'yes-no', value: a.campaignId === second!.id } as AnswerValue };
    return a;
  });
  // An action of 2025 taken over and done in 2026.
  const taken = history.actions.find((a) => a.campaignId === first!.id)!;
  history.actions.push({ ...taken, id: 'action-reprise-2026', campaignId: second!.id, status: 'realisee', history: [{ campaign: first!.name, date: first!.date, status: 'en-cours', due: null }] });
  const [a, b] = campaignsOf(history).map((d) => readCampaignData(d, d.campaign.name));
  const pair = pairProgress(a!, b!);

  it('tells the label 1 → 2 with every blocker of level 2 resolved', () => {
    expect([a!.label!.year.level, b!.label!.year.level]).toEqual([1, 2]);
    const blockers = mandatory.filter((c) => c.bands.find((band) => band.id === bandAt(c, 1))!.level === 1).map((c) => c.code);
    expect(pair.label!.changes.resolved.map((r) => r.code).sort()).toEqual([...blockers].sort());
    expect(pair.label!.changes.still).toEqual([]);
    expect(pair.label!.calls).toEqual([]);
  });

  it('credits the piloting axis to the answer that moved it, and lists it among the changes', () => {
    const piloting = pair.dgesco!.find((r) => r.id === 'dgesco2010.3.3')!;
    expect(piloting.sentence).toMatch(/^3\.3 Pilotage : [+-][\d,]+ points, /);
    expect(pair.changes.find((c) => c.itemId === 'dgesco2010.3.3.1.1')).toMatchObject({ before: 'non', after: 'oui', direction: 'progress' });
    expect(piloting.moved).toBe(pair.changes.filter((c) => c.itemId.startsWith('dgesco2010.3.3.')).length);
  });

  it('shows what was achieved once each, beside where its axis stood before and after', () => {
    const achieved = pair.achieved.map((x) => x.action.lineage);
    expect(new Set(achieved).size).toBe(achieved.length);
    const row = pair.achieved.find((x) => x.action.id === 'action-reprise-2026')!;
    expect(row.axis).toBe(axisName(taken.axis));
    expect(row.before).toBe(axisValue(a!, taken.axis));
    expect(row.after).toBe(axisValue(b!, taken.axis));
  });

  it('reads an axis, an area or a criterion, and says when a campaign did not assess it', () => {
    expect(axisValue(b!, 'dgesco2010.3.3')).toMatch(/^[\d,]+ sur 100$/);
    expect(axisValue(b!, 'occitanie.2')).toMatch(/^[\d,]+ sur 3$/);
    expect(axisValue(b!, 'label2023.A.1')).toBe('Oui');
    expect(axisName('label2023.A.1')).toBe('Label A.1 Volet numérique au sein du projet d\'établissement');
    const onlyOccitanie = readCampaignData({ campaign: { ...first!, id: 'autre-campagne', documents: ['occitanie-grille'] }, answers: [], actions: [] }, 'Occitanie seule');
    expect(axisValue(onlyOccitanie, 'label2023.A.1')).toBe('non évalué dans cette campagne');
  });

  it('gives the public sheet one line per document', () => {
    const lines = progressLines(pair);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^Label Lycée numérique : niveau 1 puis niveau 2 ; \d+ puis \d+ points facultatifs\.$/);
  });
});
