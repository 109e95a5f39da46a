import { describe, expect, it } from 'vitest';
import { emptyAnswer, type AnswerValue } from '../../../src/domain/answers';
import { answerLookup } from '../../../src/domain/completion';
import { labelCriteria, labelReadiness } from '../../../src/domain/scoring/label';
import { labelSheet, labelSheetText } from '../../../src/domain/export/label-sheet';
import { parseRoute, hrefs } from '../../../src/state/route.svelte';

const criterion = (code: string) => labelCriteria.find((c) => c.code === code)!;
const lookup = (pairs: Array<[string, AnswerValue]>) =>
  answerLookup(pairs.map(([id, value]) => ({ ...emptyAnswer('campaign-0001', id), value })));

describe('the label application sheet', () => {
  it('lays the grid out as in the call: blocks A, B, C.1, C.2, D holding all 59 criteria in order', () => {
    const blocks = labelSheet(lookup([]), labelReadiness(lookup([])));
    expect(blocks.map((b) => b.code)).toEqual(['A', 'B', 'C.1', 'C.2', 'D']);
    expect(blocks.flatMap((b) => b.rows.map((r) => r.code))).toEqual(labelCriteria.map((c) => c.code));
  });

  it('gives each criterion its answer, what it is worth and what the next level needs', () => {
    const a1 = criterion('A.1');
    const yes = a1.bands.find((b) => (b.level ?? 0) >= 1)!;
    const optional = labelCriteria.find((c) => c.rule === 'optional')!;
    const best = optional.bands.reduce((x, b) => ((b.points ?? 0) > (x.points ?? 0) ? b : x));
    const answers = lookup([
      [a1.id, { kind: 'band', band: yes.id }],
      [optional.id, { kind: 'band', band: best.id }],
      [criterion('A.2').id, { kind: 'not-applicable' }],
    ]);
    const rows = labelSheet(answers, labelReadiness(answers)).flatMap((b) => b.rows);
    const row = (code: string) => rows.find((r) => r.code === code)!;
    expect(row('A.1')).toMatchObject({ answer: yes.label, mandatory: true, missing: '' });
    expect(row('A.1').worth).toMatch(/^suffit pour/);
    // "Non concerné" on a mandatory criterion meets no level (the call grants no exemption).
    expect(row('A.2')).toMatchObject({
      answer: 'non concerné',
      worth: 'aucun niveau tant que la Région n’a pas accepté la justification',
      missing: `pour le niveau 1 : ${criterion('A.2').bands.find((b) => (b.level ?? 0) >= 1)!.label}, ou la justification acceptée par la Région`,
    });
    expect(row(optional.code)).toMatchObject({ answer: best.label, worth: `${best.points} point${best.points! > 1 ? 's' : ''}` });
    expect(row('A.3')).toMatchObject({ answer: 'non renseigné', missing: `pour le niveau 1 : ${criterion('A.3').bands.find((b) => (b.level ?? 0) >= 1)!.label}` });
  });

  it('copies a block as plain text: a paragraph per criterion, nothing of the other blocks', () => {
    const answers = lookup([]);
    const [a] = labelSheet(answers, labelReadiness(answers));
    const text = labelSheetText([a!]);
    expect(text.startsWith(`A ${a!.title}\n\nA.1 `)).toBe(true);
    expect(text.split('\n\n')).toHaveLength(1 + a!.rows.length);
    expect(text).toContain('Réponse : non renseigné');
    expect(text).not.toMatch(/^B\.\d/m);
  });

  it('has its own address under the campaign', () => {
    expect(parseRoute(hrefs.labelSheet('campaign-0001'))).toEqual({ page: 'label-sheet', campaignId: 'campaign-0001' });
    expect(parseRoute('#/sauvegardes')).toEqual({ page: 'backups' });
  });
});
