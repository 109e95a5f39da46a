import { describe, expect, it } from 'vitest';
import { checkAnswerValue, referenceFiguresFrom } from '../../../src/domain/answers';
import type { Item, ItemOfKind } from '../../../src/referentiels/kinds';

const usage: Item = { id: 't.usage', kind: 'usage-counts', text: 'Nombre d’enseignants', of: 'teachers' };
const rooms: Item = { id: 't.rooms', kind: 'count', text: 'Salles équipées', of: 'rooms', bounded: true };
const groups: Item = { id: 't.groups', kind: 'count', text: 'Divisions ou groupes', of: 'divisions', bounded: false };
const services: Item = {
  id: 't.matrix',
  kind: 'service-matrix',
  text: 'Pour chacun des services',
  services: [{ id: 'ent', label: 'ENT' }],
  statements: [{ id: 'admin', label: 'Un administrateur est désigné' }],
};
const familyServices: Item = {
  id: 't.list',
  kind: 'checklist',
  text: 'Services',
  options: [
    { id: 'news', label: 'Actualité' },
    { id: 'marks', label: 'Carnet de notes' },
  ],
};
const percent: Item = { id: 't.pct', kind: 'percentage', text: 'Proportion' };

describe('checking an answer against its item', () => {
  it('accepts usage counts up to the reference figure, and refuses one more', () => {
    const counts = (n: number) => ({ kind: 'usage-counts', never: 10, occasionally: 10, regularly: n });
    expect(checkAnswerValue(usage, counts(20), { teachers: 40 }).ok).toBe(true);
    expect(checkAnswerValue(usage, counts(21), { teachers: 40 })).toMatchObject({ ok: false });
  });

  it('accepts partial usage counts while the group is typing', () => {
    expect(checkAnswerValue(usage, { kind: 'usage-counts', never: 3, occasionally: null, regularly: null }).ok).toBe(true);
  });

  it('does not check the sum while the reference figure is unknown', () => {
    expect(checkAnswerValue(usage, { kind: 'usage-counts', never: 999, occasionally: 0, regularly: 0 }, {}).ok).toBe(true);
  });

  it('bounds a count by its figure only where the source says it cannot exceed it', () => {
    expect(checkAnswerValue(rooms, { kind: 'number', value: 31 }, { rooms: 30 })).toMatchObject({ ok: false });
    expect(checkAnswerValue(groups, { kind: 'number', value: 31 }, { divisions: 30 }).ok).toBe(true);
  });

  it('refuses percentages outside 0 to 100', () => {
    expect(checkAnswerValue(percent, { kind: 'percentage', value: 100 }).ok).toBe(true);
    expect(checkAnswerValue(percent, { kind: 'percentage', value: 100.5 })).toMatchObject({ ok: false });
    expect(checkAnswerValue(percent, { kind: 'percentage', value: -1 })).toMatchObject({ ok: false });
  });

  it('refuses matrix cells and checklist options the item does not have, or repeated', () => {
    const cell = { service: 'ent', statement: 'admin', value: true };
    expect(checkAnswerValue(services, { kind: 'service-matrix', cells: [cell] }).ok).toBe(true);
    expect(checkAnswerValue(services, { kind: 'service-matrix', cells: [cell, cell] })).toMatchObject({ ok: false });
    expect(checkAnswerValue(services, { kind: 'service-matrix', cells: [{ ...cell, service: 'blog' }] })).toMatchObject({ ok: false });
    expect(checkAnswerValue(familyServices, { kind: 'checklist', checked: ['news', 'marks'] }).ok).toBe(true);
    expect(checkAnswerValue(familyServices, { kind: 'checklist', checked: ['news', 'news'] })).toMatchObject({ ok: false });
    expect(checkAnswerValue(familyServices, { kind: 'checklist', checked: ['__proto__'] })).toMatchObject({ ok: false });
  });

  it('accepts "non concerné" for any item', () => {
    for (const item of [usage, rooms, services, familyServices, percent]) {
      expect(checkAnswerValue(item, { kind: 'not-applicable' }).ok).toBe(true);
    }
  });

  it('refuses extra keys, which a hostile or newer file could carry', () => {
    expect(checkAnswerValue(percent, { kind: 'percentage', value: 5, extra: 1 })).toMatchObject({ ok: false });
  });
});

describe('reading the reference figures of a campaign', () => {
  it('takes the numbers answered in 3.1 and ignores what is unanswered', () => {
    const figureItems: ItemOfKind<'reference-figure'>[] = [
      { id: 't.teachers', kind: 'reference-figure', text: 'Nombre d’enseignants', figure: 'teachers' },
      { id: 't.students', kind: 'reference-figure', text: 'Nombre d’élèves', figure: 'students' },
    ];
    const figures = referenceFiguresFrom(
      [
        { itemId: 't.teachers', value: { kind: 'number', value: 72 } },
        { itemId: 't.students', value: null },
      ],
      figureItems,
    );
    expect(figures).toEqual({ teachers: 72 });
  });
});
