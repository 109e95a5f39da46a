import { describe, expect, it } from 'vitest';
import { answerLookup } from '../../../src/domain/completion';
import { emptyAnswer, type AnswerRecord, type AnswerValue } from '../../../src/domain/answers';
import { scoreItem, usageShare } from '../../../src/domain/scoring/item-score';
import { completenessText } from '../../../src/domain/scoring/axis';
import { dgescoProfile } from '../../../src/domain/scoring/dgesco';
import { occitanieLevels } from '../../../src/domain/scoring/occitanie';
import { bandForFigure, ifJustifiedText, labelCriteria, labelReadiness } from '../../../src/domain/scoring/label';
import { findItem } from '../../../src/referentiels';

const answer = (itemId: string, value: AnswerValue | null): AnswerRecord => ({ ...emptyAnswer('campaign-0001', itemId), value });
const lookup = (...pairs: Array<[string, AnswerValue | null]>) => answerLookup(pairs.map(([id, v]) => answer(id, v)));
const item = (id: string) => findItem(id)!.item;
const criterion = (code: string) => labelCriteria.find((c) => c.code === code)!;
const band = (code: string, id: string): AnswerValue => ({ kind: 'band', band: criterion(code).bands.find((b) => b.id === id)!.id });
const yes: AnswerValue = { kind: 'yes-no', value: true };
const no: AnswerValue = { kind: 'yes-no', value: false };

describe('DGESCO scores', () => {
  it('counts regular users fully and occasional ones half, out of the reference figure', () => {
    expect(usageShare({ kind: 'usage-counts', never: 10, occasionally: 20, regularly: 10 }, 40)).toBe(0.5);
    const usage = item('dgesco2010.3.6.1.h1');
    expect(scoreItem(usage, { kind: 'usage-counts', never: 10, occasionally: 20, regularly: 10 }, { teachers: 40 })).toEqual({ scored: true, value: 0.5 });
    expect(scoreItem(usage, { kind: 'usage-counts', never: 10, occasionally: 20, regularly: 10 }, {})).toEqual({ scored: false, why: 'no-figure' });
    expect(scoreItem(usage, { kind: 'usage-counts', never: 10, occasionally: null, regularly: 10 }, { teachers: 40 })).toEqual({ scored: false, why: 'unanswered' });
  });

  it('leaves out unanswered, "non concerné" and descriptive items; a "non" counts 0, a share of a figure is capped at 100 %', () => {
    expect(scoreItem(item('dgesco2010.3.3.1.1'), null, {})).toEqual({ scored: false, why: 'unanswered' });
    expect(scoreItem(item('dgesco2010.3.3.1.1'), { kind: 'not-applicable' }, {})).toEqual({ scored: false, why: 'not-applicable' });
    expect(scoreItem(item('dgesco2010.3.3.1.1'), no, {})).toEqual({ scored: true, value: 0 });
    expect(scoreItem(item('dgesco2010.3.1.teachers'), { kind: 'number', value: 40 }, {})).toEqual({ scored: false, why: 'descriptive' });
    // Rooms with an interactive whiteboard may exceed the teaching rooms: the share stops at 1.
    const rooms = item('dgesco2010.3.6.1.a8');
    expect(scoreItem(rooms, { kind: 'number', value: 30 }, { rooms: 20 })).toEqual({ scored: true, value: 1 });
    expect(scoreItem(rooms, { kind: 'number', value: 5 }, { rooms: 20 })).toEqual({ scored: true, value: 0.25 });
  });

  it('scores a structural part as the mean of its answered items, and says how complete it is', () => {
    const answers = lookup(
      ['dgesco2010.3.3.1.1', yes],
      ['dgesco2010.3.3.1.2', no],
      ['dgesco2010.3.3.1.3', { kind: 'not-applicable' }],
      ['dgesco2010.3.3.2.1', yes],
      ['dgesco2010.3.3.4.matrix', { kind: 'service-matrix', cells: [
        { service: 'internet', statement: 'regles', value: true },
        { service: 'internet', statement: 'administrateur', value: false },
      ] }],
    );
    const [steering] = dgescoProfile(answers).structure;
    // (1 + 0 + 1 + 0.5) / 4 answered; 3.3.1.3 "non concerné" is out of the total.
    expect(steering).toMatchObject({ id: 'dgesco2010.3.3', value: 62.5, answered: 4 });
    expect(steering!.total).toBe(9);
    expect(completenessText(steering!)).toBe('4 indicateurs renseignés sur 9 (1 « non concerné », laissé de côté)');
  });

  it('puts each usage domain\'s usage beside its means', () => {
    const answers = lookup(
      ['dgesco2010.3.1.teachers', { kind: 'number', value: 40 }],
      ['dgesco2010.3.1.rooms', { kind: 'number', value: 20 }],
      ['dgesco2010.3.6.1.h1', { kind: 'usage-counts', never: 10, occasionally: 20, regularly: 10 }],
      ['dgesco2010.3.6.1.a8', { kind: 'number', value: 5 }],
      ['dgesco2010.3.6.1.a11', yes],
    );
    const profile = dgescoProfile(answers);
    expect(profile.usage[0]).toMatchObject({ value: 50, answered: 1, total: 1 });
    expect(profile.means[0]).toMatchObject({ value: 62.5, answered: 2 });
    expect(profile.usage.map((a) => a.value)).toEqual([50, null, null, null]);
  });
});

describe('Occitanie levels', () => {
  it('gives each criterion its level, the mean per area and overall, leaving out "non concerné"', () => {
    const { areas, overall } = occitanieLevels(
      lookup(
        ['occitanie.1.1', { kind: 'level', value: 3 }],
        ['occitanie.1.2', { kind: 'level', value: 0 }],
        ['occitanie.1.3', { kind: 'not-applicable' }],
        ['occitanie.2.1', { kind: 'level', value: 2 }],
      ),
    );
    expect(areas[0]).toMatchObject({ mean: 1.5, answered: 2, total: 4 });
    expect(areas[1]).toMatchObject({ mean: 2, answered: 1 });
    expect(areas[2]!.mean).toBeNull();
    expect(overall).toBe(1.7);
  });
});

describe('label readiness', () => {
  it('reads measured criteria at their band boundaries (C.1.1, C.2.2, D.1, D.2)', () => {
    const at = (code: string, figure: number) => bandForFigure(criterion(code), figure).level;
    expect([at('C.1.1', 8.9), at('C.1.1', 9), at('C.1.1', 9.1), at('C.1.1', 15), at('C.1.1', 15.1)]).toEqual([1, 1, 2, 2, 3]);
    expect([at('C.2.2', 9.9), at('C.2.2', 10), at('C.2.2', 50), at('C.2.2', 50.1)]).toEqual([1, 2, 2, 3]);
    expect([at('D.1', 1), at('D.1', 2), at('D.1', 3), at('D.1', 4), at('D.1', 6)]).toEqual([0, 1, 1, 2, 3]);
    expect([at('D.2', 24), at('D.2', 25), at('D.2', 50), at('D.2', 66.7), at('D.2', 67)]).toEqual([0, 1, 1, 3, 3]);
    expect(bandForFigure(criterion('D.2'), 200 / 3).level).toBe(2);
  });

  it('finds no level while a mandatory criterion is unanswered, and lists it as blocking level 1', () => {
    const readiness = labelReadiness(lookup());
    expect(readiness.level).toBe(0);
    expect(readiness.next?.level).toBe(1);
    expect(readiness.next?.blockers.length).toBe(readiness.mandatoryUnanswered.length);
    expect(readiness.mandatoryUnanswered.length).toBe(labelCriteria.filter((c) => c.rule === 'mandatory').length);
  });

  it('takes "En projet" for A.6 as enough at level 1 only, and says what level 2 needs', () => {
    const mandatory = labelCriteria.filter((c) => c.rule === 'mandatory');
    const top = (c: (typeof mandatory)[number]) => c.bands.at(-1)!;
    const all = mandatory.map((c): [string, AnswerValue] => [c.id, { kind: 'band', band: top(c).id }]);
    expect(labelReadiness(lookup(...all)).level).toBe(3);

    const a6 = criterion('A.6');
    const withA6 = all.map(([id, v]): [string, AnswerValue] => (id === a6.id ? [id, band('A.6', 'en-projet')] : [id, v]));
    const readiness = labelReadiness(lookup(...withA6));
    expect(readiness.level).toBe(1);
    expect(readiness.next?.level).toBe(2);
    expect(readiness.next?.blockers.map((b) => [b.criterion.code, b.current === 'not-applicable' ? b.current : b.current?.label, b.needed.label])).toEqual([['A.6', 'En projet', 'En place']]);
  });

  it('reads A.12 as mandatory ("En projet" for level 1), worth no point', () => {
    const a12 = criterion('A.12');
    expect(a12.rule).toBe('mandatory');
    expect(a12.bands.find((b) => b.id === 'en-projet')?.level).toBe(1);
    expect(a12.bands.every((b) => b.points === undefined)).toBe(true);
  });

  it('never lets a mandatory "non concerné" criterion lift the level: the level it would give is shown apart, to be justified', () => {
    const mandatory = labelCriteria.filter((c) => c.rule === 'mandatory');
    const a6 = mandatory.find((c) => c.code === 'A.6')!;
    const c12 = mandatory.find((c) => c.code === 'C.1.2')!;
    // Every other mandatory criterion at its best band; A.6 and C.1.2 "non concerné".
    const answers = mandatory.map((c): [string, AnswerValue] =>
      c === a6 || c === c12 ? [c.id, { kind: 'not-applicable' }] : [c.id, { kind: 'band', band: c.bands.at(-1)!.id }],
    );
    const readiness = labelReadiness(lookup(...answers));
    expect(readiness.level).toBe(0);
    expect(readiness.next?.level).toBe(1);
    expect(readiness.next?.blockers.map((b) => [b.criterion.code, b.current])).toEqual([
      ['A.6', 'not-applicable'],
      ['C.1.2', 'not-applicable'],
    ]);
    expect(readiness.ifJustified).toEqual({ level: 3, justifications: [a6, c12] });
    expect(ifJustifiedText(readiness)).toBe('niveau 3 si la Région accepte les justifications de A.6 et C.1.2');
    expect(readiness.mandatoryNotApplicable.map((c) => c.code)).toEqual(['A.6', 'C.1.2']);
  });

  it('says nothing "sous réserve" when the justifications would not raise the level', () => {
    const mandatory = labelCriteria.filter((c) => c.rule === 'mandatory');
    // C.1.2 "non concerné", every other criterion at level 1 only: level 1 with or without it? No: C.1.2 blocks level 1.
    const answers = mandatory.map((c): [string, AnswerValue] =>
      c.code === 'C.1.2' ? [c.id, { kind: 'not-applicable' }] : [c.id, { kind: 'band', band: c.bands.find((b) => b.level === 1)?.id ?? c.bands.at(-1)!.id }],
    );
    const readiness = labelReadiness(lookup(...answers));
    expect(readiness.level).toBe(0);
    expect(readiness.ifJustified?.level).toBe(1);
    const unanswered = labelReadiness(lookup([mandatory[0]!.id, { kind: 'not-applicable' }]));
    expect(unanswered.level).toBe(0);
    expect(unanswered.ifJustified).toBeUndefined(); // the unanswered criteria block level 1 anyway
  });

  it('adds the optional points of the answers, out of the most the answered and unanswered criteria could give', () => {
    const optional = labelCriteria.filter((c) => c.rule === 'optional');
    const max = optional.reduce((n, c) => n + Math.max(...c.bands.map((b) => b.points ?? 0)), 0);
    const readiness = labelReadiness(lookup(['label2023.A.8', band('A.8', 'partiellement')], ['label2023.A.9', { kind: 'not-applicable' }]));
    const a9max = Math.max(...criterion('A.9').bands.map((b) => b.points ?? 0));
    expect(readiness.points).toEqual({ earned: 2, max: max - a9max, answered: 1, total: optional.length - 1 });
  });
});

describe('progress between two campaigns', () => {
  it('gives the change on each axis, and marks the axes whose answers changed', async () => {
    const { compareAxes } = await import('../../../src/domain/scoring/progress');
    const rows = compareAxes(
      [
        { label: 'A', value: 40, answered: 3, total: 3 },
        { label: 'B', value: 50, answered: 2, total: 3 },
        { label: 'C', value: null, answered: 0, total: 3 },
      ],
      [
        { label: 'A', value: 55.5, answered: 3, total: 3 },
        { label: 'B', value: 60, answered: 3, total: 3 },
        { label: 'C', value: 10, answered: 1, total: 3 },
      ],
    );
    expect(rows.map((r) => [r.label, r.delta, r.caveat])).toEqual([
      ['A', 15.5, undefined],
      ['B', 10, 'réponses prises en compte différentes (2 puis 3 sur 3)'],
      ['C', null, 'pas de réponse dans l’une des deux campagnes'],
    ]);
  });

  it('summarises the change: largest progress and decline, and the axes to compare with care', async () => {
    const { changeSummary } = await import('../../../src/domain/scoring/progress');
    const row = (label: string, delta: number | null, caveat?: string) => ({ label, from: 0, to: 0, delta, caveat });
    expect(changeSummary('Évolution', [row('A', 1.5), row('B', -0.5), row('C', 3, 'réponses différentes'), row('D', null, 'pas de réponse')])).toBe(
      'Évolution : plus forte progression « A » (+1,5) ; plus fort recul « B » (-0,5) ; 2 axes à comparer avec prudence ou sans comparaison possible.',
    );
    expect(changeSummary('Évolution', [row('A', 0)])).toBe('Évolution : aucun changement sur les axes comparables.');
  });

  it('summarises a chart: strong and weak points, the largest progress, the axes left out', async () => {
    const { summarize } = await import('../../../src/domain/scoring/series');
    const spec = {
      title: 'Grille',
      axes: ['Pilotage', 'Formation', 'Ressources'],
      max: 3,
      unit: 'sur 3',
      series: [
        { label: '2025', values: [1, 2, null] },
        { label: '2026', values: [2.5, 2, null] },
      ],
    };
    expect(summarize({ ...spec, describe: 0 })).toBe('Grille (2025) : point fort « Formation » (2 sur 3) ; point faible « Pilotage » (1 sur 3) ; 1 axe sans réponse, laissé de côté.');
    expect(summarize(spec)).toBe(
      'Grille (2026) : point fort « Pilotage » (2,5 sur 3) ; point faible « Formation » (2 sur 3) ; plus forte progression « Pilotage » (+1,5 sur 3 depuis 2025) ; 1 axe sans réponse, laissé de côté.',
    );
  });
});

describe('the radar axis names', () => {
  it('name every axis of the DGESCO profile by its id, in the profile’s order', async () => {
    const { DGESCO_AXIS_NAMES, dgescoAxes } = await import('../../../src/domain/scoring/specs');
    const { dgescoProfile } = await import('../../../src/domain/scoring/dgesco');
    const axes = dgescoAxes(dgescoProfile(new Map()));
    expect(axes.map((a) => a.id)).toEqual(Object.keys(DGESCO_AXIS_NAMES));
    expect(axes.map((a) => a.label.split(' ')[0])).toEqual(['3.3', '3.4', '3.5', '3.6.1', '3.6.2', '3.6.3', '3.6.4']);
  });
});

describe('"non concerné" in the Occitanie results', () => {
  it('is told apart from "non renseigné" in the criteria, the areas and the radar summary', async () => {
    const { occitanieCriteriaSpec, occitanieAreasSpec } = await import('../../../src/domain/scoring/specs');
    const { summarize } = await import('../../../src/domain/scoring/series');
    const grid = (await import('../../../src/referentiels')).referentielById('occitanie-grille');
    const [first, ...rest] = grid.parts[0]!.sections.flatMap((s) => s.items);
    const answers = lookup(
      [first!.id, { kind: 'not-applicable' }],
      ...rest.map((i): [string, AnswerValue] => [i.id, { kind: 'level', value: 2 }]),
    );
    const levels = occitanieLevels(answers);
    const criterion = levels.areas[0]!.criteria[0]!;
    expect(criterion).toMatchObject({ level: null, notApplicable: true });
    expect(levels.areas[1]!.criteria[0]).toMatchObject({ level: null, notApplicable: false });
    const summary = summarize(occitanieCriteriaSpec([{ label: '2026', areas: levels.areas }]));
    expect(summary).toContain('1 axe « non concerné », laissé de côté');
    const unanswered = 19 - 1 - rest.length;
    expect(summary).toContain(`${unanswered} axes sans réponse`);
    expect(summarize(occitanieAreasSpec([{ label: '2026', areas: levels.areas }]))).not.toContain('non concerné');
  });
});

describe('a radar with the group’s targets', () => {
  it('describes the campaign in its summary, not the "Cible" series', async () => {
    const { occitanieAreasSpec, withTargets } = await import('../../../src/domain/scoring/specs');
    const { summarize } = await import('../../../src/domain/scoring/series');
    const grid = (await import('../../../src/referentiels')).referentielById('occitanie-grille');
    const levels = occitanieLevels(lookup(...grid.parts.flatMap((p) => p.sections.flatMap((s) => s.items)).map((i): [string, AnswerValue] => [i.id, { kind: 'level', value: 2 }])));
    const spec = withTargets(occitanieAreasSpec([{ label: '2026', areas: levels.areas }]), levels.areas.map((a) => a.id), [{ axis: levels.areas[0]!.id, value: 2 }]);
    expect(spec.series.map((s) => s.label)).toEqual(['2026', 'Cible']);
    expect(summarize(spec)).toContain('(2026)');
    expect(summarize(spec)).not.toContain('(Cible)');
  });
});
