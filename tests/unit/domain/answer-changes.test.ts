// The answers that changed between two campaigns: direction, "non concerné", documents of one
// campaign only, sets compared as sets, who confirmed, grouping, axes and the sentence a CA reads.
import { describe, expect, it } from 'vitest';
import { emptyAnswer, type AnswerRecord, type AnswerValue } from '../../../src/domain/answers';
import { answerLookup } from '../../../src/domain/completion';
import {
  answerChanges,
  axisChangeSentence,
  changeDirectionLabels,
  changesBySection,
  itemsOfAxis,
  type AnswerChange,
  type CampaignSide,
  type ChangeDirection,
} from '../../../src/domain/progress/answer-changes';
import { dgescoProfile } from '../../../src/domain/scoring/dgesco';
import { occitanieLevels } from '../../../src/domain/scoring/occitanie';
import { labelCriteria } from '../../../src/domain/scoring/label';
import { catalog } from '../../../src/referentiels/catalog';
import { itemsOf, referentiels } from '../../../src/referentiels';
import type { DocumentId } from '../../../src/referentiels/ids';
import type { Item } from '../../../src/referentiels/kinds';

const ALL: DocumentId[] = ['dgesco-2010', 'occitanie-grille', 'label-lycee-2023'];
type Pair = [string, AnswerValue | null];

const record = (itemId: string, value: AnswerValue | null, extra: Partial<AnswerRecord> = {}): AnswerRecord => ({
  ...emptyAnswer('campaign-0001', itemId),
  value,
  ...extra,
});
const side = (pairs: Pair[], documents: DocumentId[] = ALL, more: Partial<CampaignSide> & { carried?: string[] } = {}): CampaignSide => ({
  answers: answerLookup(pairs.map(([id, v]) => record(id, v, { carriedOver: more.carried?.includes(id) ?? false }))),
  documents,
  ...(more.assignments ? { assignments: more.assignments } : {}),
});
const diff = (before: Pair[], after: Pair[]) => answerChanges(side(before), side(after));
const only = (before: Pair[], after: Pair[]) => {
  const changes = diff(before, after);
  expect(changes).toHaveLength(1);
  return changes[0]!;
};

const yes: AnswerValue = { kind: 'yes-no', value: true };
const no: AnswerValue = { kind: 'yes-no', value: false };
const na: AnswerValue = { kind: 'not-applicable' };
const level = (value: 0 | 1 | 2 | 3): AnswerValue => ({ kind: 'level', value });
const band = (id: string): AnswerValue => ({ kind: 'band', band: id });
const num = (value: number): AnswerValue => ({ kind: 'number', value });

describe('answerChanges: the direction of a change', () => {
  it('reads a DGESCO "non → oui" as progress, "oui → non" as recul, and cites the item without its prefix', () => {
    const up = only([['dgesco2010.3.3.2.1', no]], [['dgesco2010.3.3.2.1', yes]]);
    expect(up).toMatchObject({
      itemId: 'dgesco2010.3.3.2.1',
      documentId: 'dgesco-2010',
      sectionId: 'dgesco2010.s3.3.2',
      code: '3.3.2.1',
      before: 'non',
      after: 'oui',
      direction: 'progress',
    });
    expect(up.text.length).toBeGreaterThan(10);
    expect(only([['dgesco2010.3.3.2.1', yes]], [['dgesco2010.3.3.2.1', no]]).direction).toBe('regress');
  });

  it('tells a new answer and one no longer given apart from a recul; a missing record and null are alike', () => {
    expect(only([], [['dgesco2010.3.3.1.1', no]])).toMatchObject({ direction: 'new', before: 'non renseigné', after: 'non' });
    expect(only([['dgesco2010.3.3.1.1', yes]], [['dgesco2010.3.3.1.1', null]])).toMatchObject({ direction: 'dropped', after: 'non renseigné' });
    expect(diff([['dgesco2010.3.3.1.1', null]], [])).toEqual([]);
  });

  it('reads each campaign\'s shares against its own reference figures', () => {
    const usage: AnswerValue = { kind: 'usage-counts', never: 10, occasionally: 10, regularly: 20 };
    // Same counts, twice as many teachers: a smaller share.
    const change = only(
      [['dgesco2010.3.1.teachers', num(40)], ['dgesco2010.3.6.1.h1', usage]],
      [['dgesco2010.3.1.teachers', num(40)], ['dgesco2010.3.6.1.h1', { ...usage, regularly: 25 }]],
    );
    expect(change.direction).toBe('progress');
    const changes = diff(
      [['dgesco2010.3.1.teachers', num(40)], ['dgesco2010.3.6.1.h1', usage]],
      [['dgesco2010.3.1.teachers', num(80)], ['dgesco2010.3.6.1.h1', { ...usage, never: 40, regularly: 21 }]],
    );
    expect(changes.map((c) => [c.code, c.direction])).toEqual([
      ['3.1.teachers', 'other'],
      ['3.6.1.h1', 'regress'],
    ]);
  });

  it('calls "other" a change of a descriptive item, of equal worth, or that no figure measures', () => {
    expect(only([['dgesco2010.3.1.date', { kind: 'date', value: '2024-03-15' }]], [['dgesco2010.3.1.date', { kind: 'date', value: '2025-03-15' }]]))
      .toMatchObject({ direction: 'other', before: '15/03/2024', after: '15/03/2025' });
    expect(only([['dgesco2010.3.6.1.a10', num(2)]], [['dgesco2010.3.6.1.a10', num(5)]]).direction).toBe('other');
    // Both capped at 100 % of the teaching rooms: same worth.
    const rooms: Pair = ['dgesco2010.3.1.rooms', num(20)];
    expect(diff([rooms, ['dgesco2010.3.6.1.a8', num(30)]], [rooms, ['dgesco2010.3.6.1.a8', num(40)]])[0]!.direction).toBe('other');
    // No teaching-room figure in either campaign: nothing to measure the count against.
    expect(only([['dgesco2010.3.6.1.a8', num(3)]], [['dgesco2010.3.6.1.a8', num(8)]]).direction).toBe('other');
  });

  it('compares an Occitanie level, a mandatory label criterion by its level and an optional one by its points', () => {
    expect(only([['occitanie.1.1', level(1)]], [['occitanie.1.1', level(2)]])).toMatchObject({
      code: '1.1',
      documentId: 'occitanie-grille',
      before: 'niveau 1',
      after: 'niveau 2',
      direction: 'progress',
    });
    expect(only([['occitanie.5.5', level(2)]], [['occitanie.5.5', level(0)]])).toMatchObject({ direction: 'regress', after: 'non atteint' });
    expect(only([['label2023.A.6', band('en-projet')]], [['label2023.A.6', band('oui')]])).toMatchObject({ code: 'A.6', direction: 'progress' });
    expect(only([['label2023.C.1.2', band('effectif')]], [['label2023.C.1.2', band('planifie')]]).direction).toBe('regress');
    expect(only([['label2023.C.2.10', band('lve')]], [['label2023.C.2.10', band('generalisee')]])).toMatchObject({ code: 'C.2.10', direction: 'progress' });
    expect(only([['label2023.D.9', band('deux-par-an')]], [['label2023.D.9', band('aucune')]]).direction).toBe('regress');
  });

  it('labels each direction in French', () => {
    expect(changeDirectionLabels).toEqual({
      progress: 'en progrès',
      regress: 'en recul',
      new: 'nouveau',
      dropped: 'plus renseigné',
      other: 'autre changement',
    });
  });
});

describe('answerChanges: what is and is not a change', () => {
  it('takes "non concerné" as an answer: to or from a value is "other", never new', () => {
    expect(only([['dgesco2010.3.3.1.2', na]], [['dgesco2010.3.3.1.2', yes]])).toMatchObject({ direction: 'other', before: 'non concerné', after: 'oui' });
    expect(only([['occitanie.2.1', level(3)]], [['occitanie.2.1', na]]).direction).toBe('other');
    expect(only([['label2023.A.1', band('non')]], [['label2023.A.1', na]]).direction).toBe('other');
    // A blank becoming "non concerné" is an answer given; the reverse, one no longer given.
    expect(only([], [['dgesco2010.3.3.1.2', na]]).direction).toBe('new');
    expect(only([['dgesco2010.3.3.1.2', na]], []).direction).toBe('dropped');
    expect(diff([['dgesco2010.3.3.1.2', na]], [['dgesco2010.3.3.1.2', na]])).toEqual([]);
  });

  it('compares only the documents of both campaigns', () => {
    const before = side([['occitanie.1.1', level(1)], ['dgesco2010.3.3.2.1', no], ['label2023.A.1', band('non')]], ['dgesco-2010', 'occitanie-grille']);
    const after = side([['occitanie.1.1', level(3)], ['dgesco2010.3.3.2.1', yes], ['label2023.A.1', band('oui')]], ['label-lycee-2023', 'dgesco-2010']);
    expect(answerChanges(before, after).map((c) => c.itemId)).toEqual(['dgesco2010.3.3.2.1']);
    const occitanieOnly = side([['occitanie.1.1', level(3)]], ['occitanie-grille']);
    expect(answerChanges(side([['dgesco2010.3.3.2.1', no]], ['dgesco-2010']), occitanieOnly)).toEqual([]);
  });

  it('ignores comments, sources and flags', () => {
    const before: CampaignSide = { answers: answerLookup([record('dgesco2010.3.3.2.1', yes)]), documents: ALL };
    const after: CampaignSide = {
      answers: answerLookup([record('dgesco2010.3.3.2.1', yes, { comment: 'vu en conseil', toCheck: true, source: 'ENT' })]),
      documents: ALL,
    };
    expect(answerChanges(before, after)).toEqual([]);
  });

  it('compares a checklist as a set', () => {
    const id = 'dgesco2010.3.6.4.a6';
    expect(diff([[id, { kind: 'checklist', checked: ['actualite', 'carnet-de-notes'] }]], [[id, { kind: 'checklist', checked: ['carnet-de-notes', 'actualite'] }]])).toEqual([]);
    const change = only([[id, { kind: 'checklist', checked: ['actualite'] }]], [[id, { kind: 'checklist', checked: ['cahier-de-textes', 'actualite'] }]]);
    expect(change.direction).toBe('progress');
    expect(only([[id, { kind: 'checklist', checked: ['actualite'] }]], [[id, { kind: 'checklist', checked: ['carnet-de-notes'] }]]).direction).toBe('other');
  });

  it('compares the services table as a set of cells and of absent services', () => {
    const id = 'dgesco2010.3.3.4.matrix';
    const cells = [
      { service: 'internet', statement: 'regles', value: true },
      { service: 'internet', statement: 'administrateur', value: false },
      { service: 'ent', statement: 'regles', value: true },
    ];
    const m = (c: typeof cells, absent?: string[]): AnswerValue => (absent ? { kind: 'service-matrix', cells: c, absent } : { kind: 'service-matrix', cells: c });
    expect(diff([[id, m(cells, ['notes', 'publication'])]], [[id, m([...cells].reverse(), ['publication', 'notes'])]])).toEqual([]);
    expect(diff([[id, m(cells)]], [[id, m(cells, [])]])).toEqual([]);
    const flipped = cells.map((c, i) => (i === 1 ? { ...c, value: true } : c));
    expect(only([[id, m(cells)]], [[id, m(flipped)]])).toMatchObject({ code: '3.3.4.matrix', direction: 'progress' });
    expect(only([[id, m(cells, ['notes'])]], [[id, m(cells, ['reservation'])]]).direction).toBe('other');
  });

  it('leaves out a follow-up question once its "oui" is gone, as the results do', () => {
    const changes = diff(
      [['dgesco2010.3.6.1.a2', yes], ['dgesco2010.3.6.1.a3', num(4)]],
      [['dgesco2010.3.6.1.a2', no], ['dgesco2010.3.6.1.a3', num(4)]],
    );
    expect(changes.map((c) => [c.code, c.direction])).toEqual([
      ['3.6.1.a2', 'regress'],
      ['3.6.1.a3', 'dropped'],
    ]);
  });

  it('says who stands behind the after answer: carried over, the assigned member, or the pilot group', () => {
    const before = side([['dgesco2010.3.3.1.1', no], ['dgesco2010.3.3.2.1', no], ['dgesco2010.3.4.1.1', no]]);
    const after = side([['dgesco2010.3.3.1.1', yes], ['dgesco2010.3.3.2.1', yes], ['dgesco2010.3.4.1.1', yes]], ALL, {
      carried: ['dgesco2010.3.3.1.1'],
      assignments: [
        { sectionId: 'dgesco2010.s3.3.1', member: 'Mme Martin' },
        { sectionId: 'dgesco2010.s3.3.2', member: 'M. Durand' },
      ],
    });
    expect(answerChanges(before, after).map((c) => [c.code, c.confirmedBy])).toEqual([
      ['3.3.1.1', 'repris, non confirmé'],
      ['3.3.2.1', 'M. Durand'],
      ['3.4.1.1', 'le groupe de pilotage'],
    ]);
    // Carried over in the earlier campaign only: the after answer is the group's own.
    const carriedBefore = side([['dgesco2010.3.3.2.1', no]], ALL, { carried: ['dgesco2010.3.3.2.1'] });
    expect(answerChanges(carriedBefore, side([['dgesco2010.3.3.2.1', yes]]))[0]!.confirmedBy).toBe('le groupe de pilotage');
  });

  it('lists the changes in the documents\' order, whatever order the campaign lists them in', () => {
    const before = side([['label2023.A.1', band('non')], ['occitanie.1.1', level(1)], ['dgesco2010.3.5.1.1', no], ['dgesco2010.3.3.1.1', no]], ['label-lycee-2023', 'occitanie-grille', 'dgesco-2010']);
    const after = side([['label2023.A.1', band('oui')], ['occitanie.1.1', level(2)], ['dgesco2010.3.5.1.1', yes], ['dgesco2010.3.3.1.1', yes]], ['occitanie-grille', 'label-lycee-2023', 'dgesco-2010']);
    expect(answerChanges(before, after).map((c) => c.code)).toEqual(['3.3.1.1', '3.5.1.1', '1.1', 'A.1']);
  });
});

describe('changesBySection', () => {
  it('groups the changes by section in source order, with a count per direction, and leaves out quiet sections', () => {
    const changes = diff(
      [['dgesco2010.3.3.2.1', no], ['dgesco2010.3.3.2.2', yes], ['occitanie.2.1', level(2)], ['label2023.A.1', band('oui')], ['dgesco2010.3.3.1.1', yes]],
      [['dgesco2010.3.3.2.1', yes], ['dgesco2010.3.3.2.2', no], ['dgesco2010.3.3.2.3', na], ['occitanie.2.1', level(3)], ['label2023.A.1', band('non')], ['dgesco2010.3.3.1.1', yes]],
    );
    const groups = changesBySection([...changes].reverse());
    expect(groups.map((g) => [g.documentId, g.sectionId, g.sectionCode])).toEqual([
      ['dgesco-2010', 'dgesco2010.s3.3.2', '3.3.2'],
      ['occitanie-grille', 'occitanie.s2', '2'],
      ['label-lycee-2023', 'label2023.sA', 'A'],
    ]);
    const [first, , label] = groups;
    expect(first!.documentTitle).toBe('Référentiel DGESCO 2010');
    expect(first!.sectionTitle.length).toBeGreaterThan(3);
    expect(first!.counts).toEqual({ progress: 1, regress: 1, new: 1, dropped: 0, other: 0 });
    expect(first!.changes.map((c) => c.code).sort()).toEqual(['3.3.2.1', '3.3.2.2', '3.3.2.3']);
    expect(label!.counts).toEqual({ progress: 0, regress: 1, new: 0, dropped: 0, other: 0 });
    expect(changesBySection([])).toEqual([]);
  });
});

describe('itemsOfAxis', () => {
  it('gives the items of a DGESCO structural part, and of a domain\'s usage and means', () => {
    const steering = itemsOfAxis('dgesco2010.3.3');
    expect(steering).toHaveLength(10);
    expect(steering).toContain('dgesco2010.3.3.1.1');
    expect(steering).toContain('dgesco2010.3.3.4.matrix');
    expect(itemsOfAxis('dgesco2010.3.5')).toEqual([
      'dgesco2010.3.5.1.1', 'dgesco2010.3.5.1.2', 'dgesco2010.3.5.1.3',
      'dgesco2010.3.5.2.1', 'dgesco2010.3.5.2.2', 'dgesco2010.3.5.2.3',
    ]);
    expect(itemsOfAxis('dgesco2010.s3.6.1.usage')).toEqual(['dgesco2010.3.6.1.h1']);
    expect(itemsOfAxis('dgesco2010.s3.6.2.usage')).toEqual(['dgesco2010.3.6.2.h1', 'dgesco2010.3.6.2.h2']);
    const means = itemsOfAxis('dgesco2010.s3.6.1.means');
    expect(means).toHaveLength(11);
    expect(means).not.toContain('dgesco2010.3.6.1.h1');
    expect(means[0]).toBe('dgesco2010.3.6.1.a1');
  });

  it('gives the criteria of an Occitanie area, of a label block, and a label criterion by itself', () => {
    expect(itemsOfAxis('occitanie.3')).toEqual(['occitanie.3.1', 'occitanie.3.2']);
    expect(itemsOfAxis('occitanie.1')).toHaveLength(5);
    expect(itemsOfAxis('label2023.B')).toEqual(['label2023.B.1', 'label2023.B.2']);
    expect(itemsOfAxis('label2023.A')).toHaveLength(13);
    expect(itemsOfAxis('label2023.C.2.3')).toEqual(['label2023.C.2.3']);
  });

  it('knows no other axis, and hands out a copy', () => {
    expect(itemsOfAxis('dgesco2010.3.2')).toEqual([]);
    expect(itemsOfAxis('occitanie.1.1')).toEqual([]);
    expect(itemsOfAxis('inconnu')).toEqual([]);
    itemsOfAxis('occitanie.3').push('x');
    expect(itemsOfAxis('occitanie.3')).toHaveLength(2);
  });

  it('covers every axis the results compute, each with items', () => {
    const profile = dgescoProfile(new Map());
    const ids = [
      ...[...profile.structure, ...profile.usage, ...profile.means].map((a) => a.id),
      ...occitanieLevels(new Map()).areas.map((a) => a.id),
      ...labelCriteria.map((c) => c.id),
    ];
    expect(ids).toHaveLength(3 + 4 + 4 + 5 + 59);
    for (const id of ids) expect(itemsOfAxis(id).length, id).toBeGreaterThan(0);
  });
});

describe('axisChangeSentence', () => {
  const change = (code: string, direction: ChangeDirection, before = 'non', after = 'oui'): AnswerChange => ({
    itemId: `dgesco2010.${code}`,
    documentId: 'dgesco-2010',
    sectionId: 'dgesco2010.s3.3.2',
    code,
    text: 'Texte',
    before,
    after,
    direction,
    confirmedBy: 'le groupe de pilotage',
  });

  it('credits a rise to the answers in progress, with their shared before → after', () => {
    const changes = [change('3.3.2.1', 'progress'), change('3.3.3.1', 'other', 'x', 'y'), change('3.3.3.2', 'progress')];
    expect(axisChangeSentence('Pilotage', 12, 'points', changes)).toBe('Pilotage : +12 points, grâce à 3.3.2.1 et 3.3.3.2 (non → oui)');
    expect(axisChangeSentence('Pilotage', 12.46, 'points', [change('3.3.2.1', 'progress')])).toBe('Pilotage : +12,5 points, grâce à 3.3.2.1 (non → oui)');
    expect(axisChangeSentence('Pilotage', 1234, 'points', [])).toBe(`Pilotage : +${(1234).toLocaleString('fr-FR')} points, aucune réponse changée`);
  });

  it('blames a fall on the answers in recul, each with its own before → after when they differ', () => {
    const changes = [change('3.6.1.a1', 'regress', '12', '8'), change('3.6.1.a2', 'regress', 'oui', 'non'), change('3.6.1.a3', 'progress')];
    expect(axisChangeSentence('1. Pilotage', -0.5, 'niveau', changes)).toBe('1. Pilotage : -0,5 niveau, en raison de 3.6.1.a1 (12 → 8) et 3.6.1.a2 (oui → non)');
  });

  it('cites three answers at most and counts the others', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((c) => change(c, 'progress'));
    expect(axisChangeSentence('Usages', 30, 'points', five)).toBe('Usages : +30 points, grâce à a, b et c (non → oui) et 2 autres');
    const four = [change('a', 'regress', '3', '2'), change('b', 'regress'), change('c', 'regress'), change('d', 'regress')];
    expect(axisChangeSentence('Usages', -4, 'points', four)).toBe('Usages : -4 points, en raison de a (3 → 2), b (non → oui), c (non → oui) et 1 autre');
  });

  it('says when nothing changed, when no comparison is possible, and when the score did not move', () => {
    expect(axisChangeSentence('Pilotage', 0, 'points', [])).toBe('Pilotage : 0 points, aucune réponse changée');
    expect(axisChangeSentence('Pilotage', null, 'points', [change('a', 'progress')])).toBe('Pilotage : pas de comparaison possible');
    expect(axisChangeSentence('Pilotage', 0, 'points', [change('a', 'progress'), change('b', 'regress')])).toBe('Pilotage : 0 points, 2 réponses changées');
    // The rise came from new answers only: they are counted, not credited.
    expect(axisChangeSentence('Pilotage', 5, 'points', [change('a', 'new')])).toBe('Pilotage : +5 points, 1 réponse changée');
  });

  it('cites a long answer (the services table) by its code alone', () => {
    const long = change('3.3.4.matrix', 'progress', 'Internet / Règles : non | '.repeat(4), 'Internet / Règles : oui | '.repeat(4));
    expect(axisChangeSentence('Pilotage', 3, 'points', [long, change('3.3.2.1', 'progress')])).toBe('Pilotage : +3 points, grâce à 3.3.4.matrix et 3.3.2.1 (non → oui)');
  });
});

describe('two full campaigns', () => {
  const descriptive = (i: Item) => i.kind === 'reference-figure' || i.kind === 'date' || i.kind === 'free-text' || (i.kind === 'count' && !i.of);
  /** Every item answered, weakly in the first campaign and strongly in the second. */
  function answer(item: Item, strong: boolean): AnswerValue {
    switch (item.kind) {
      case 'reference-figure':
        return num(strong ? 200 : 100);
      case 'count':
        return num(strong ? 100 : 10);
      case 'date':
        return { kind: 'date', value: strong ? '2025-09-15' : '2024-09-15' };
      case 'yes-no':
        return strong ? yes : no;
      case 'usage-counts':
        return strong ? { kind: 'usage-counts', never: 20, occasionally: 80, regularly: 100 } : { kind: 'usage-counts', never: 80, occasionally: 10, regularly: 10 };
      case 'percentage':
        return { kind: 'percentage', value: strong ? 50 : 10 };
      case 'free-text':
        return { kind: 'text', value: strong ? 'après' : 'avant' };
      case 'checklist':
        return { kind: 'checklist', checked: item.options.slice(0, strong ? 3 : 1).map((o) => o.id) };
      case 'service-matrix':
        return { kind: 'service-matrix', cells: item.services.flatMap((s) => item.statements.map((t) => ({ service: s.id, statement: t.id, value: strong }))) };
      case 'level':
        return level(strong ? 3 : 1);
      case 'label-band':
        return band((strong ? item.bands.at(-1) : item.bands[0])!.id);
    }
  }
  const items = referentiels.flatMap((d) => itemsOf(d));
  const campaign = (strong: boolean) => side(items.map((i): Pair => [i.id, answer(i, strong)]));
  const weak = campaign(false);
  const strong = campaign(true);
  const total = catalog.reduce((n, e) => n + e.items, 0);
  const followUps = catalog.reduce((n, e) => n + e.followUps, 0);
  const count = (changes: AnswerChange[], d: ChangeDirection) => changes.filter((c) => c.direction === d).length;

  it('lists every item, in order, with the follow-ups asked only in the later one as new', () => {
    const changes = answerChanges(weak, strong);
    expect(total).toBe(158);
    expect(changes).toHaveLength(total);
    expect(changes.map((c) => c.itemId)).toEqual(items.map((i) => i.id));
    const other = items.filter(descriptive).length;
    expect(other).toBeGreaterThan(6);
    expect(count(changes, 'new')).toBe(followUps);
    expect(count(changes, 'other')).toBe(other);
    expect(count(changes, 'progress')).toBe(total - followUps - other);
    expect(count(changes, 'regress')).toBe(0);

    const back = answerChanges(strong, weak);
    expect(back).toHaveLength(total);
    expect(count(back, 'dropped')).toBe(followUps);
    expect(count(back, 'regress')).toBe(total - followUps - other);
    expect(changesBySection(back).reduce((n, g) => n + g.changes.length, 0)).toBe(total);
    expect(answerChanges(strong, strong)).toEqual([]);
  });

  it('diffs them well under 20 ms', () => {
    for (let i = 0; i < 5; i++) answerChanges(weak, strong);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const start = performance.now();
      answerChanges(weak, strong);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(20);
  });
});
