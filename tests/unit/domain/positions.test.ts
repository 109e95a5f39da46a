// Positions before consensus: each member's position (or anonymous votes) on an item, their
// spread, how far apart they lie, and which items the group should discuss first.
import { describe, expect, it } from 'vitest';
import {
  checkPositions,
  DIVERGENCE_RULE,
  divergenceOf,
  levelSpread,
  MAX_POSITIONS,
  mostFrequent,
  PositionsRecordSchema,
  spreadOf,
  spreadText,
  takesPositions,
  toDiscuss,
  TO_DISCUSS_FROM,
  withAnonymousVote,
  withContributedAnswer,
  withMemberPosition,
  withoutAnonymousVote,
  withoutMember,
  type Position,
} from '../../../src/domain/positions';
import type { AnswerValue } from '../../../src/domain/answers';
import { RECORD_SCHEMA_VERSION } from '../../../src/domain/schema-version';
import { findItem } from '../../../src/referentiels';
import type { ItemKind, ItemOfKind } from '../../../src/referentiels/kinds';

function itemOf<K extends ItemKind>(id: string, kind: K): ItemOfKind<K> {
  const item = findItem(id)?.item;
  if (item?.kind !== kind) throw new Error(`${id} is not a ${kind} item`);
  return item as ItemOfKind<K>;
}

const level = itemOf('occitanie.1.1', 'level'); // Instance numérique
const level2 = itemOf('occitanie.1.2', 'level'); // Charte d'usage
const band = itemOf('label2023.A.9', 'label-band'); // aucun / limites / generalises
const yesNo = itemOf('dgesco2010.3.3.1.1', 'yes-no');
const count = itemOf('dgesco2010.3.6.1.a1', 'count'); // teachers using the ENT, bounded by the number of teachers
const figure = itemOf('dgesco2010.3.1.students', 'reference-figure');
const percentage = itemOf('dgesco2010.3.6.3.a13', 'percentage');
const checklist = itemOf('dgesco2010.3.6.4.a6', 'checklist');

const lv = (value: 0 | 1 | 2 | 3): AnswerValue => ({ kind: 'level', value });
const num = (value: number): AnswerValue => ({ kind: 'number', value });
const pc = (value: number): AnswerValue => ({ kind: 'percentage', value });
const bandOf = (id: string): AnswerValue => ({ kind: 'band', band: id });
const na: AnswerValue = { kind: 'not-applicable' };
const yes: AnswerValue = { kind: 'yes-no', value: true };
const no: AnswerValue = { kind: 'yes-no', value: false };
/** Anonymous votes, the simplest positions to write. */
const votes = (...values: AnswerValue[]): Position[] => values.map((value) => ({ member: null, value }));

const record = (positions: unknown) => ({
  campaignId: 'campagne-2025-0001',
  itemId: level.id,
  positions,
  updatedAt: Date.UTC(2025, 5, 20),
  schemaVersion: RECORD_SCHEMA_VERSION,
});
const firstMessage = (input: unknown) => PositionsRecordSchema.safeParse(input).error?.issues[0]?.message;

describe('the items a group takes positions on', () => {
  it('are those answered with one choice or one figure', () => {
    expect([level, band, yesNo, count, figure, percentage].map(takesPositions)).toEqual([true, true, true, true, true, true]);
    expect(takesPositions(checklist)).toBe(false);
    expect(takesPositions(itemOf('dgesco2010.3.1.date', 'date'))).toBe(false);
  });
});

describe('the stored positions of an item', () => {
  it('accepts named positions, anonymous votes and "non concerné"', () => {
    const positions: Position[] = [
      { member: 'Mme Durand', value: lv(2) },
      { member: 'M. Martin', value: na },
      { member: null, value: lv(1) },
    ];
    expect(PositionsRecordSchema.safeParse(record(positions))).toEqual({ success: true, data: record(positions) });
  });

  it('refuses a member named twice, whatever the case or the spaces', () => {
    const positions = [
      { member: 'Mme Durand', value: lv(2) },
      { member: '  mme  DURAND ', value: lv(1) },
    ];
    expect(firstMessage(record(positions))).toBe('Un membre ne peut donner qu’un avis par question.');
    // Two anonymous votes of the same value are two people.
    expect(PositionsRecordSchema.safeParse(record(votes(lv(2), lv(2)))).success).toBe(true);
  });

  it('refuses an extra field, a level of 4, a blank name and more than the maximum', () => {
    expect(PositionsRecordSchema.safeParse(record([{ member: 'Mme Durand', value: lv(2), note: 'x' }])).success).toBe(false);
    expect(PositionsRecordSchema.safeParse({ ...record([]), extra: true }).success).toBe(false);
    expect(PositionsRecordSchema.safeParse(record([{ member: 'Mme Durand', value: { kind: 'level', value: 4 } }])).success).toBe(false);
    expect(firstMessage(record([{ member: '  ', value: lv(2) }]))).toBe('Nom du membre : ce champ est obligatoire.');
    expect(PositionsRecordSchema.safeParse(record(votes(...Array.from({ length: MAX_POSITIONS }, () => lv(1))))).success).toBe(true);
    expect(firstMessage(record(votes(...Array.from({ length: MAX_POSITIONS + 1 }, () => lv(1)))))).toBe(
      'Pas plus de 100 avis par question.',
    );
  });
});

describe('checking the positions given on an item', () => {
  it('trims names and puts named positions first, in their order, anonymous votes after', () => {
    const checked = checkPositions(level, [
      { member: null, value: lv(3) },
      { member: ' M. Martin ', value: lv(1) },
      { member: null, value: na },
      { member: 'Mme Durand', value: lv(2) },
    ]);
    expect(checked).toEqual({
      ok: true,
      value: [
        { member: 'M. Martin', value: lv(1) },
        { member: 'Mme Durand', value: lv(2) },
        { member: null, value: lv(3) },
        { member: null, value: na },
      ],
    });
  });

  it('refuses an item that is not one choice or one figure', () => {
    expect(checkPositions(checklist, [])).toEqual({ ok: false, message: 'Cette question ne se prête pas à un tour de table.' });
  });

  it('refuses a value the item does not take, naming the member', () => {
    expect(checkPositions(level, [{ member: 'Mme Durand', value: { kind: 'level', value: 4 } }])).toEqual({
      ok: false,
      message: 'Avis de Mme Durand : Réponse non valide.',
    });
    expect(checkPositions(band, [{ member: 'M. Martin', value: bandOf('oui') }])).toEqual({
      ok: false,
      message: 'Avis de M. Martin : Réponse non valide : choix inconnu.',
    });
    expect(checkPositions(level, [{ member: 'Mme Durand', value: yes }])).toEqual({
      ok: false,
      message: 'Avis de Mme Durand : Cette réponse ne correspond pas à la question.',
    });
    expect(checkPositions(yesNo, votes(lv(1)))).toEqual({
      ok: false,
      message: 'Vote anonyme : Cette réponse ne correspond pas à la question.',
    });
  });

  it('refuses a count above its reference figure', () => {
    expect(checkPositions(count, [{ member: 'Mme Durand', value: num(60) }], { teachers: 50 })).toEqual({
      ok: false,
      message: 'Avis de Mme Durand : 60 dépasse le nombre d’enseignants (50) indiqué dans les éléments de référence.',
    });
    expect(checkPositions(count, [{ member: 'Mme Durand', value: num(50) }], { teachers: 50 }).ok).toBe(true);
  });

  it('refuses a member named twice, and a list that is no list', () => {
    expect(
      checkPositions(level, [
        { member: 'Mme Durand', value: lv(2) },
        { member: 'MME DURAND', value: lv(1) },
      ]),
    ).toEqual({ ok: false, message: 'Avis de MME DURAND : un membre ne peut donner qu’un avis par question.' });
    expect(checkPositions(level, 'niveau 2')).toEqual({ ok: false, message: 'Avis non valides.' });
    expect(checkPositions(level, [{ member: 'Mme Durand', value: lv(2), extra: 1 }])).toEqual({ ok: false, message: 'Avis non valide.' });
  });
});

describe('the spread of the positions', () => {
  it('counts each value, the most given first', () => {
    const positions = votes(lv(1), lv(2), lv(3), lv(2), lv(1), lv(2));
    expect(spreadText(level, positions)).toBe('3 × niveau 2, 2 × niveau 1, 1 × niveau 3');
    expect(spreadOf(level, positions)).toEqual([
      { key: 'level:2', label: 'niveau 2', count: 3, value: lv(2) },
      { key: 'level:1', label: 'niveau 1', count: 2, value: lv(1) },
      { key: 'level:3', label: 'niveau 3', count: 1, value: lv(3) },
    ]);
    expect(spreadText(level, [])).toBe('');
  });

  it('breaks ties in the item’s order, "non concerné" last', () => {
    expect(spreadText(level, votes(na, lv(3), lv(0), lv(1)))).toBe('1 × non atteint, 1 × niveau 1, 1 × niveau 3, 1 × non concerné');
    expect(spreadText(band, votes(bandOf('generalises'), na, bandOf('aucun')))).toBe('1 × Aucun, 1 × Généralisés, 1 × non concerné');
    expect(spreadText(yesNo, votes(no, na, yes))).toBe('1 × oui, 1 × non, 1 × non concerné');
    expect(spreadText(count, votes(num(13), num(12), na))).toBe('1 × 12, 1 × 13, 1 × non concerné');
    expect(spreadText(percentage, votes(pc(45), pc(45), pc(12.5)))).toBe('2 × 45 %, 1 × 12,5 %');
  });

  it('sees one value whatever the order of its keys', () => {
    const reordered = { value: 2, kind: 'level' } as unknown as AnswerValue;
    expect(spreadText(level, votes(lv(2), reordered))).toBe('2 × niveau 2');
  });
});

describe('the divergence of the positions', () => {
  it('is the share of positions apart from the most frequent one', () => {
    expect(divergenceOf(level, votes(lv(2), lv(2), lv(2)))).toBe(0);
    expect(divergenceOf(level, votes(lv(2), lv(2), lv(2), lv(2), lv(1), lv(1)))).toBe(1 / 3);
    expect(divergenceOf(band, votes(bandOf('aucun'), bandOf('limites'), bandOf('limites'), bandOf('limites')))).toBe(0.25);
    expect(divergenceOf(yesNo, votes(yes, no))).toBe(0.5);
    // "Non concerné" is an option of its own.
    expect(divergenceOf(yesNo, votes(yes, yes, na))).toBe(1 / 3);
  });

  it('is nothing under two positions', () => {
    expect(divergenceOf(level, [])).toBe(0);
    expect(divergenceOf(level, votes(lv(3)))).toBe(0);
    expect(divergenceOf(count, votes(num(40)))).toBe(0);
  });

  it('is at least one half when levels lie two apart, even for one person', () => {
    expect(divergenceOf(level, votes(lv(1), lv(3)))).toBe(1 / 2);
    expect(divergenceOf(level, votes(lv(3), lv(3), lv(3), lv(3), lv(1)))).toBe(0.5);
    expect(divergenceOf(level, votes(lv(0), lv(2), lv(1), lv(1)))).toBe(0.5);
    // One level apart only: the plain share.
    expect(divergenceOf(level, votes(lv(3), lv(3), lv(3), lv(2)))).toBe(0.25);
    // "Non concerné" is no level: no gap with it.
    expect(divergenceOf(level, votes(lv(0), lv(0), lv(0), na))).toBe(0.25);
  });

  it('counts numbers close to the median as agreeing (10 %, at least 1)', () => {
    expect(divergenceOf(count, votes(num(12), num(12), num(13)))).toBe(0);
    expect(divergenceOf(count, votes(num(11), num(12), num(40)))).toBe(1 / 3);
    // 10 is 2 from the median 12, beyond its band of 1.2: only 12 agrees with itself.
    expect(divergenceOf(count, votes(num(10), num(12), num(40)))).toBe(2 / 3);
    // Around 200, 10 % is 20: 185 and 220 agree, 150 does not.
    expect(divergenceOf(figure, votes(num(185), num(200), num(220), num(150), num(200)))).toBe(1 / 5);
    // An even number of positions: the median lies halfway (192.5, a band of 19.25), so 220 is out too.
    expect(divergenceOf(figure, votes(num(185), num(200), num(220), num(150)))).toBe(1 / 2);
    // Small counts: at least 1 apart still agree.
    expect(divergenceOf(count, votes(num(0), num(1)))).toBe(0);
    expect(divergenceOf(count, votes(num(0), num(3)))).toBe(1);
  });

  it('counts percentages within 5 points (or 10 %) of the median as agreeing', () => {
    expect(divergenceOf(percentage, votes(pc(40), pc(45), pc(50)))).toBe(0);
    expect(divergenceOf(percentage, votes(pc(40), pc(45), pc(80)))).toBe(1 / 3);
    // Around 70, 10 % is 7: 60 and 80 lie outside.
    expect(divergenceOf(percentage, votes(pc(60), pc(70), pc(80)))).toBe(2 / 3);
    expect(divergenceOf(percentage, votes(pc(60), pc(70), pc(77)))).toBe(1 / 3);
  });

  it('puts "non concerné" outside the median’s band, unless it is the larger group', () => {
    expect(divergenceOf(count, votes(num(12), num(12), num(12), na))).toBe(0.25);
    expect(divergenceOf(count, votes(na, na, na, num(12)))).toBe(0.25);
    expect(divergenceOf(percentage, votes(na, na))).toBe(0);
  });

  it('is explained on screen', () => {
    expect(DIVERGENCE_RULE).toContain('10 %');
    expect(DIVERGENCE_RULE).toContain('5 points');
    expect(DIVERGENCE_RULE).toContain('50 %');
    expect(DIVERGENCE_RULE).toContain('non concerné');
  });
});

describe('the items to discuss', () => {
  it('are those from one third of divergence, the most divided first, then in the given order', () => {
    const entries = [
      { item: level, positions: votes(lv(2), lv(2), lv(2), lv(2), lv(1), lv(1)), agreed: null, section: 'a' }, // 1/3: kept
      { item: level2, positions: votes(lv(3), lv(3), lv(3), lv(2)), agreed: lv(3), section: 'b' }, // 1/4: left out
      { item: yesNo, positions: votes(yes, no), agreed: null, section: 'c' }, // 1/2
      { item: count, positions: votes(num(10), num(12), num(40)), agreed: num(12), section: 'd' }, // 2/3
      { item: band, positions: votes(bandOf('aucun'), bandOf('generalises')), agreed: null, section: 'e' }, // 1/2
      { item: percentage, positions: votes(pc(10)), agreed: null, section: 'f' }, // one position: left out
    ];
    const found = toDiscuss(entries);
    expect(TO_DISCUSS_FROM).toBe(1 / 3);
    expect(found.map((e) => [e.section, e.divergence])).toEqual([
      ['d', 2 / 3],
      ['c', 1 / 2],
      ['e', 1 / 2],
      ['a', 1 / 3],
    ]);
    expect(found[0]).toEqual({ ...entries[3], divergence: 2 / 3, spread: '1 × 10, 1 × 12, 1 × 40' });
    expect(found[3]?.spread).toBe('4 × niveau 2, 2 × niveau 1');
    expect(toDiscuss([])).toEqual([]);
  });
});

describe('the most frequent position', () => {
  it('is suggested when one value leads', () => {
    expect(mostFrequent(level, votes(lv(1), lv(2), lv(2)))).toEqual({ value: lv(2), count: 2 });
    expect(mostFrequent(yesNo, votes(na, na, yes))).toEqual({ value: na, count: 2 });
  });

  it('is none when nobody gave one or when the top is tied', () => {
    expect(mostFrequent(level, [])).toBeNull();
    expect(mostFrequent(level, votes(lv(1), lv(2), lv(2), lv(1), lv(3)))).toBeNull();
    expect(mostFrequent(count, votes(num(12), num(13)))).toBeNull();
  });
});

describe('the spread per level', () => {
  it('counts levels 0 to 3 and "non concerné"', () => {
    expect(levelSpread(votes(lv(0), lv(2), lv(2), na, lv(3), lv(2)))).toEqual({ byLevel: [1, 0, 3, 1], notApplicable: 1 });
    expect(levelSpread([])).toEqual({ byLevel: [0, 0, 0, 0], notApplicable: 0 });
  });
});

describe('changing the positions', () => {
  const start: Position[] = [
    { member: 'Mme Durand', value: lv(2) },
    { member: 'M. Martin', value: lv(1) },
    { member: null, value: lv(3) },
  ];

  it('replaces a member’s position in place, whatever the case of their name', () => {
    expect(withMemberPosition(start, '  MME durand ', lv(3))).toEqual([
      { member: 'MME durand', value: lv(3) },
      { member: 'M. Martin', value: lv(1) },
      { member: null, value: lv(3) },
    ]);
    expect(start[0]).toEqual({ member: 'Mme Durand', value: lv(2) });
  });

  it('adds a new member after the named ones, before the anonymous votes', () => {
    expect(withMemberPosition(start, 'Mme Petit', na)).toEqual([
      { member: 'Mme Durand', value: lv(2) },
      { member: 'M. Martin', value: lv(1) },
      { member: 'Mme Petit', value: na },
      { member: null, value: lv(3) },
    ]);
  });

  it('removes a member, whatever the case of their name, and keeps the votes', () => {
    expect(withoutMember(start, 'm. martin')).toEqual([
      { member: 'Mme Durand', value: lv(2) },
      { member: null, value: lv(3) },
    ]);
    expect(withoutMember(start, 'Mme Petit')).toEqual(start);
  });

  it('adds and takes back one anonymous vote of a value', () => {
    const more = withAnonymousVote(withAnonymousVote(start, lv(2)), lv(3));
    expect(more.slice(3)).toEqual([
      { member: null, value: lv(2) },
      { member: null, value: lv(3) },
    ]);
    expect(withoutAnonymousVote(more, lv(3))).toEqual([...start, { member: null, value: lv(2) }]);
    // Mme Durand's named level 2 is no vote: only the anonymous one goes.
    expect(withoutAnonymousVote(more, lv(2))).toEqual([...start, { member: null, value: lv(3) }]);
    expect(withoutAnonymousVote(start, lv(0))).toEqual(start);
  });

  it('takes a contributor’s answer as their position, on the items that take positions only', () => {
    expect(withContributedAnswer(level, start, 'mme durand', lv(0))[0]).toEqual({ member: 'mme durand', value: lv(0) });
    expect(withContributedAnswer(level, start, 'Mme Durand', null)).toEqual(start);
    expect(withContributedAnswer(checklist, [], 'Mme Durand', { kind: 'checklist', checked: [] })).toEqual([]);
  });
});
