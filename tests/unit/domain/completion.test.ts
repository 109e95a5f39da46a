import { describe, expect, it } from 'vitest';
import {
  answerLookup,
  carriedOverItems,
  documentItems,
  isAnswered,
  itemsToCheck,
  nextUnanswered,
  percentOf,
  progressOf,
  unansweredItems,
} from '../../../src/domain/completion';
import { emptyAnswer, type AnswerRecord, type AnswerValue } from '../../../src/domain/answers';
import { dgesco2010 } from '../../../src/referentiels/dgesco-2010';
import { grilleOccitanie } from '../../../src/referentiels/grille-occitanie';
import { findItem, findSection } from '../../../src/referentiels';

const answer = (itemId: string, value: AnswerValue | null, extra: Partial<AnswerRecord> = {}): AnswerRecord => ({
  ...emptyAnswer('campaign-0001', itemId),
  value,
  ...extra,
});
const item = (id: string) => findItem(id)!.item;

describe('completion', () => {
  it('counts usage counts as answered only once all three numbers are typed, and 0 as an answer', () => {
    const usage = item('dgesco2010.3.6.1.h1');
    expect(isAnswered(usage, { kind: 'usage-counts', never: 3, occasionally: null, regularly: 4 })).toBe(false);
    expect(isAnswered(usage, { kind: 'usage-counts', never: 0, occasionally: 0, regularly: 0 })).toBe(true);
    expect(isAnswered(usage, null)).toBe(false);
    expect(isAnswered(usage, { kind: 'not-applicable' })).toBe(true);
  });

  it('counts the service matrix as answered once each of its 30 cells has a yes or a no', () => {
    const matrix = item('dgesco2010.3.3.4.matrix');
    if (matrix.kind !== 'service-matrix') throw new Error('matrix expected');
    const cells = matrix.services.flatMap((s) => matrix.statements.map((t) => ({ service: s.id, statement: t.id, value: false })));
    expect(cells).toHaveLength(30);
    expect(isAnswered(matrix, { kind: 'service-matrix', cells: cells.slice(1) })).toBe(false);
    expect(isAnswered(matrix, { kind: 'service-matrix', cells })).toBe(true);
  });

  it('asks a "Si oui" question only once the question before it is answered "oui"', () => {
    const section = findSection('dgesco2010.s3.6.1')!.section;
    const none = progressOf(section.items, answerLookup([]));
    const no = progressOf(section.items, answerLookup([answer('dgesco2010.3.6.1.a2', { kind: 'yes-no', value: false })]));
    const yes = progressOf(section.items, answerLookup([answer('dgesco2010.3.6.1.a2', { kind: 'yes-no', value: true })]));
    expect(no).toEqual({ answered: 1, total: none.total, carried: 0 });
    expect(yes).toEqual({ answered: 1, total: none.total + 1, carried: 0 });
  });

  it('counts carried-over answers apart: the bar fills with confirmed answers only', () => {
    const items = documentItems(grilleOccitanie);
    const carried = items.map((i) => ({ ...answer(i.id, { kind: 'level', value: 2 }), carriedOver: true }));
    const progress = progressOf(items, answerLookup(carried));
    expect(progress).toEqual({ answered: 19, total: 19, carried: 19 });
    expect(percentOf(progress)).toBe(0);
    const confirmed = carried.map((a, n) => (n < 10 ? { ...a, carriedOver: false } : a));
    expect(percentOf(progressOf(items, answerLookup(confirmed)))).toBe(52);
  });

  it('lists unanswered, to-check and carried-over items in document order, and finds the next unanswered one', () => {
    const items = documentItems(grilleOccitanie);
    const answers = answerLookup([
      answer(items[0]!.id, { kind: 'level', value: 2 }),
      answer(items[1]!.id, { kind: 'level', value: 0 }, { toCheck: true }),
      answer(items[3]!.id, { kind: 'level', value: 1 }, { carriedOver: true }),
    ]);
    const unanswered = unansweredItems([grilleOccitanie], answers).map((p) => p.item.id);
    expect(unanswered).toHaveLength(16);
    expect(unanswered[0]).toBe(items[2]!.id);
    expect(itemsToCheck([grilleOccitanie], answers).map((p) => p.item.id)).toEqual([items[1]!.id]);
    expect(carriedOverItems([grilleOccitanie], answers).map((p) => p.item.id)).toEqual([items[3]!.id]);
    expect(nextUnanswered([grilleOccitanie], answers)?.item.id).toBe(items[2]!.id);
    expect(nextUnanswered([grilleOccitanie], answers, items[2]!.id)?.item.id).toBe(items[4]!.id);
    // Wraps round to the first unanswered item after the last one.
    expect(nextUnanswered([grilleOccitanie], answers, items.at(-1)!.id)?.item.id).toBe(items[2]!.id);
    expect(percentOf(progressOf(items, answers))).toBe(10); // 2 of 19: the carried-over answer waits for confirmation
  });

  it('has no next unanswered item once everything is answered, "non concerné" included', () => {
    const all = documentItems(grilleOccitanie).map((i, n) =>
      answer(i.id, n % 2 ? { kind: 'not-applicable' } : { kind: 'level', value: 3 }),
    );
    expect(nextUnanswered([grilleOccitanie], answerLookup(all))).toBeUndefined();
    expect(percentOf(progressOf(documentItems(grilleOccitanie), answerLookup(all)))).toBe(100);
  });

  it('gives every DGESCO item a place in the completion of a campaign', () => {
    expect(unansweredItems([dgesco2010], answerLookup([])).length).toBe(
      documentItems(dgesco2010).filter((i) => !i.askedIf).length,
    );
  });
});
