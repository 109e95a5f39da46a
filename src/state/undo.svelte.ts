// "Annuler la dernière modification": the answers changed in this tab, newest last. Typing in one
// field is one change, not one per keystroke. The campaign session records and replays them.
import type { AnswerPatch, SavedAnswer } from '../domain/answer-patch';
import type { AnswerRecord } from '../domain/answers';

export interface Change {
  campaignId: string;
  itemId: string;
  /** Which fields the change touched: undo restores only those. */
  fields: ReadonlyArray<keyof AnswerPatch>;
  before: AnswerPatch;
  label: string;
  at: number;
  typing: boolean;
}

const COALESCE_MS = 4000;
const LIMIT = 50;

function restorePatch(before: AnswerRecord | undefined, fields: ReadonlyArray<keyof AnswerPatch>): AnswerPatch {
  const patch: AnswerPatch = {};
  for (const field of fields) {
    if (field === 'value') patch.value = before?.value ?? null;
    if (field === 'comment') patch.comment = before?.comment ?? '';
    if (field === 'source') patch.source = before?.source ?? '';
    if (field === 'toCheck') patch.toCheck = before?.toCheck ?? false;
    if (field === 'carriedOver') patch.carriedOver = before?.carriedOver ?? false;
  }
  return patch;
}

class UndoStack {
  #changes = $state.raw<Change[]>([]);

  /** `typing`: a keystroke, merged into the change it continues (same item and fields, a few seconds apart). */
  record(campaignId: string, itemId: string, patch: AnswerPatch, saved: SavedAnswer, label: string, typing: boolean) {
    const fields = Object.keys(patch) as (keyof AnswerPatch)[];
    if (fields.includes('value') && saved.before?.carriedOver) fields.push('carriedOver');
    const last = this.#changes.at(-1);
    const now = Date.now();
    const sameEdit =
      typing &&
      last?.typing &&
      last.campaignId === campaignId &&
      last.itemId === itemId &&
      now - last.at < COALESCE_MS &&
      fields.every((f) => last.fields.includes(f));
    if (sameEdit) {
      this.#changes = [...this.#changes.slice(0, -1), { ...last, at: now }];
      return;
    }
    const change = { campaignId, itemId, fields, before: restorePatch(saved.before, fields), label, at: now, typing };
    this.#changes = [...this.#changes, change].slice(-LIMIT);
  }

  lastOf(campaignId: string): Change | undefined {
    return this.#changes.findLast((c) => c.campaignId === campaignId);
  }

  /** Once undone: the change leaves the stack (a refused undo leaves it there). */
  forget(change: Change) {
    this.#changes = this.#changes.filter((c) => c !== change);
  }

  reset() {
    this.#changes = [];
  }
}

export const undoStack = new UndoStack();
