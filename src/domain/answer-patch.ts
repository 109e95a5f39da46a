// A change to one answer: which fields it sets, and how patches typed in a burst combine.
import type { AnswerRecord, AnswerValue } from './answers';

/** A new value, or a change computed from the stored one (one count of three, one cell of the matrix). */
export type ValueChange = AnswerValue | null | ((stored: AnswerValue | null) => AnswerValue | null);

export interface AnswerPatch {
  value?: ValueChange;
  comment?: string;
  toCheck?: boolean;
  source?: string;
  /** Set by undo only: a change of value always clears it. */
  carriedOver?: boolean;
}

export interface SavedAnswer {
  /** The record before the save (undefined: there was none), for undo. */
  before: AnswerRecord | undefined;
  after: AnswerRecord;
}

/**
 * Two patches of one answer as one: the newer field wins, except that two value changes computed
 * from the stored value (two counts of three typed in a row) both apply, the newer last.
 */
export function combinePatches(older: AnswerPatch, newer: AnswerPatch): AnswerPatch {
  const combined: AnswerPatch = { ...older, ...newer };
  const first = older.value;
  const second = newer.value;
  if (typeof second === 'function' && first !== undefined) {
    combined.value = (stored) => second(typeof first === 'function' ? first(stored) : first);
  }
  return combined;
}
