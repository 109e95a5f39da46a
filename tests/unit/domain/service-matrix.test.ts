// DGESCO 3.3.4, the services table: a service the school does not have ("service absent") is not
// evaluated — out of completeness and of the score — and a row or a column is filled in one change.
import { describe, expect, it } from 'vitest';
import { ABSENT_WITH_CELLS, AnswerRecordSchema, AnswerValueSchema, checkAnswerValue, emptyAnswer, matrixChanges, type AnswerValue } from '../../../src/domain/answers';
import { answerLookup, isAnswered, progressOf } from '../../../src/domain/completion';
import { scoreItem } from '../../../src/domain/scoring/item-score';
import { dgescoProfile } from '../../../src/domain/scoring/dgesco';
import { valueText } from '../../../src/domain/answer-text';
import { combinePatches } from '../../../src/domain/answer-patch';
import { findItem, findSection } from '../../../src/referentiels';
import type { ItemOfKind } from '../../../src/referentiels/kinds';
import { serializeFile } from '../../../src/domain/transfer/build';
import { parseFileBytes } from '../../../src/domain/transfer/read-file';
import { backupOf, buildHistory } from '../../fixtures/history';

const found = findItem('dgesco2010.3.3.4.matrix')!.item;
if (found.kind !== 'service-matrix') throw new Error('3.3.4 is not a service matrix');
const matrix: ItemOfKind<'service-matrix'> = found;
const services = matrix.services.map((s) => s.id);
const statements = matrix.statements.map((s) => s.id);
type Matrix = Extract<AnswerValue, { kind: 'service-matrix' }>;
type Cell = Matrix['cells'][number];

const row = (service: string, value: boolean): Cell[] => statements.map((statement) => ({ service, statement, value }));
/** Six services "oui" everywhere, three "non" everywhere: 18 "oui" out of 27 cells. */
const nineRows: Cell[] = services.slice(0, 9).flatMap((s, i) => row(s, i < 6));
const last = services[9]!;

describe('the 3.3.4 table with absent services', () => {
  it('is answered only once every row is answered (all three cells) or absent', () => {
    expect(isAnswered(matrix, { kind: 'service-matrix', cells: nineRows })).toBe(false);
    expect(isAnswered(matrix, { kind: 'service-matrix', cells: nineRows, absent: [last] })).toBe(true);
    // A row with two cells of three is neither answered nor absent.
    const partial = [...nineRows.filter((c) => !(c.service === services[0] && c.statement === statements[0]))];
    expect(isAnswered(matrix, { kind: 'service-matrix', cells: partial, absent: [last] })).toBe(false);
    expect(isAnswered(matrix, { kind: 'service-matrix', cells: [], absent: services })).toBe(true);
    expect(isAnswered(matrix, { kind: 'service-matrix', cells: [...nineRows, ...row(last, false)] })).toBe(true);
    // An older record, with no `absent`, reads as before.
    expect(isAnswered(matrix, { kind: 'service-matrix', cells: nineRows })).toBe(false);
    const section = findSection('dgesco2010.s3.3.4')!.section;
    const progress = (value: AnswerValue) => progressOf(section.items, answerLookup([{ ...emptyAnswer('campaign-0001', matrix.id), value }]));
    expect(progress({ kind: 'service-matrix', cells: nineRows })).toMatchObject({ answered: 0, total: 1 });
    expect(progress({ kind: 'service-matrix', cells: nineRows, absent: [last] })).toMatchObject({ answered: 1, total: 1 });
  });

  it('leaves an absent service out of the score: 18 "oui" of 27 stays 18 / 27, where "non" would make it 18 / 30', () => {
    expect(scoreItem(matrix, { kind: 'service-matrix', cells: nineRows, absent: [last] }, {})).toEqual({ scored: true, value: 18 / 27 });
    expect(scoreItem(matrix, { kind: 'service-matrix', cells: [...nineRows, ...row(last, false)] }, {})).toEqual({ scored: true, value: 18 / 30 });
    // Every service absent: nothing to evaluate, left out like "non concerné".
    expect(scoreItem(matrix, { kind: 'service-matrix', cells: [], absent: services }, {})).toEqual({ scored: false, why: 'not-applicable' });
    expect(scoreItem(matrix, { kind: 'service-matrix', cells: [], absent: [last] }, {})).toEqual({ scored: false, why: 'unanswered' });
    // The 3.3 axis: the table alone, 66.7 with the absent service as without it.
    const steering = (value: AnswerValue) => dgescoProfile(answerLookup([{ ...emptyAnswer('campaign-0001', matrix.id), value }])).structure[0]!;
    expect(steering({ kind: 'service-matrix', cells: nineRows, absent: [last] })).toMatchObject({ value: 66.7, answered: 1 });
    expect(steering({ kind: 'service-matrix', cells: nineRows })).toMatchObject({ value: 66.7, answered: 1 });
    expect(steering({ kind: 'service-matrix', cells: [...nineRows, ...row(last, false)] })).toMatchObject({ value: 60, answered: 1 });
  });

  it('refuses a service both absent and with cells, in French, in the value and in the stored record', () => {
    const both = { kind: 'service-matrix', cells: row(last, true), absent: [last] };
    const parsed = AnswerValueSchema.safeParse(both);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ message: ABSENT_WITH_CELLS, path: ['absent'] })]);
    expect(ABSENT_WITH_CELLS).toBe('Un service absent ne peut pas avoir de case renseignée : videz sa ligne ou décochez « Service absent ».');
    expect(checkAnswerValue(matrix, both)).toMatchObject({ ok: false, message: ABSENT_WITH_CELLS });
    const record = { ...emptyAnswer('campaign-0001', matrix.id), value: both, updatedAt: Date.UTC(2026, 9, 5) };
    expect(AnswerRecordSchema.safeParse(record).success).toBe(false);
    // Absent and answered services apart: accepted; `absent` is optional (records of shape 3 have none).
    expect(checkAnswerValue(matrix, { kind: 'service-matrix', cells: nineRows, absent: [last] }).ok).toBe(true);
    expect(checkAnswerValue(matrix, { kind: 'service-matrix', cells: nineRows }).ok).toBe(true);
    // An absent service the item does not have, or named twice: refused.
    expect(checkAnswerValue(matrix, { kind: 'service-matrix', cells: [], absent: ['minitel'] })).toMatchObject({ ok: false });
    expect(checkAnswerValue(matrix, { kind: 'service-matrix', cells: [], absent: [last, last] })).toMatchObject({ ok: false });
    // In a file: refused before anything is written, with the same sentence.
    const json = JSON.parse(serializeFile(backupOf(buildHistory({ campaigns: 1 }), 1))) as { data: { answers: Array<{ itemId: string; value: unknown }> } };
    const index = json.data.answers.findIndex((a) => a.itemId === matrix.id);
    json.data.answers[index]!.value = both;
    const read = parseFileBytes(new TextEncoder().encode(JSON.stringify(json)));
    expect(read).toEqual({ ok: false, message: `Ce fichier est refusé : la réponse n° ${index + 1} (value.absent) n’est pas valide (${ABSENT_WITH_CELLS}).` });
    json.data.answers[index]!.value = { kind: 'service-matrix', cells: nineRows, absent: [last] };
    expect(parseFileBytes(new TextEncoder().encode(JSON.stringify(json))).ok).toBe(true);
  });

  it('fills a whole row or a whole column from a partial value, in one change', () => {
    const [first, second, third] = services as [string, string, string];
    const partial: Matrix = {
      kind: 'service-matrix',
      cells: [
        { service: first, statement: 'regles', value: false },
        { service: second, statement: 'administrateur', value: true },
      ],
      absent: [third],
    };
    const cellsOf = (value: AnswerValue | null) =>
      value?.kind === 'service-matrix' ? [...value.cells].sort((a, b) => `${a.service}/${a.statement}`.localeCompare(`${b.service}/${b.statement}`)) : [];
    const sorted = (cells: Cell[]) => [...cells].sort((a, b) => `${a.service}/${a.statement}`.localeCompare(`${b.service}/${b.statement}`));

    // A row: its three cells set, the other rows and the absent service kept.
    const rowFilled = matrixChanges.row(matrix, first, true)(partial);
    expect(cellsOf(rowFilled)).toEqual(sorted([...row(first, true), partial.cells[1]!]));
    expect(rowFilled).toMatchObject({ absent: [third] });
    // Filling the row of an absent service says the school has it.
    const present = matrixChanges.row(matrix, third, false)(partial);
    expect(cellsOf(present)).toEqual(sorted([...partial.cells, ...row(third, false)]));
    expect(present).not.toHaveProperty('absent');

    // A column: the statement set for every service the school has, none for the absent one.
    const columnFilled = matrixChanges.column(matrix, 'administrateur', false)(partial);
    expect(cellsOf(columnFilled)).toEqual(
      sorted([partial.cells[0]!, ...services.filter((s) => s !== third).map((service) => ({ service, statement: 'administrateur', value: false }))]),
    );
    expect(columnFilled).toMatchObject({ absent: [third] });
    // From nothing stored (or "non concerné" cleared), a column is ten cells.
    expect(cellsOf(matrixChanges.column(matrix, 'regles', true)(null))).toHaveLength(10);

    // "Service absent" clears the row; unticked, the row is blank again; nothing left: unanswered.
    const absentFirst = matrixChanges.absent(first, true)(partial);
    expect(absentFirst).toEqual({ kind: 'service-matrix', cells: [partial.cells[1]], absent: [third, first] });
    expect(matrixChanges.absent(third, false)(partial)).toEqual({ kind: 'service-matrix', cells: partial.cells });
    expect(matrixChanges.absent(third, false)({ kind: 'service-matrix', cells: [], absent: [third] })).toBeNull();
    // A single cell, set then cleared.
    expect(cellsOf(matrixChanges.cell(second, 'regles', false)(partial))).toHaveLength(3);
    expect(matrixChanges.cell(first, 'regles', null)({ kind: 'service-matrix', cells: [partial.cells[0]!] })).toBeNull();

    // Each is a change computed from the stored value: two in a row (before the first is saved) both apply.
    const both = combinePatches({ value: matrixChanges.row(matrix, first, true) }, { value: matrixChanges.column(matrix, 'information', false) });
    const combined = typeof both.value === 'function' ? both.value(partial) : undefined;
    expect(cellsOf(combined ?? null)).toContainEqual({ service: first, statement: 'regles', value: true });
    expect(cellsOf(combined ?? null)).toContainEqual({ service: first, statement: 'information', value: false });
    expect(checkAnswerValue(matrix, combined).ok).toBe(true);
  });

  it('says which services are absent in the answer as text (report, spreadsheet, import conflicts)', () => {
    const [first, second] = matrix.services as [(typeof matrix.services)[number], (typeof matrix.services)[number]];
    const text = valueText(matrix, {
      kind: 'service-matrix',
      cells: [{ service: second.id, statement: 'regles', value: true }, { service: second.id, statement: 'administrateur', value: false }],
      absent: [first.id],
    });
    expect(text).toBe(
      `${first.label} : service absent | ${second.label} / ${matrix.statements[0]!.label} : oui | ${second.label} / ${matrix.statements[1]!.label} : non`,
    );
    expect(valueText(matrix, { kind: 'service-matrix', cells: [], absent: services })).toBe(matrix.services.map((s) => `${s.label} : service absent`).join(' | '));
  });
});

describe('an answer as a person reads it', () => {
  it('writes a date the French way, never as the stored ISO form', async () => {
    const { valueText } = await import('../../../src/domain/answer-text');
    const { findItem } = await import('../../../src/referentiels');
    const dateItem = (await import('../../../src/referentiels')).referentiels
      .flatMap((r) => r.parts.flatMap((p) => p.sections.flatMap((s) => s.items)))
      .find((i) => i.kind === 'date')!;
    expect(valueText(findItem(dateItem.id)!.item, { kind: 'date', value: '2026-03-15' })).toBe('15/03/2026');
  });
});
