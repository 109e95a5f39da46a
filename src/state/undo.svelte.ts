// "Annuler la dernière modification": the answers changed in this tab, newest last. Typing in one
// field is one change, not one per keystroke.
import { saveAnswer, type AnswerPatch, type SavedAnswer } from '../storage/answers';
import type { AnswerRecord } from '../domain/answers';
import type { Checked } from '../domain/result';

interface Change {
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
  changes = $state<Change[]>([]);

  get last(): Change | undefined {
    return this.changes.at(-1);
  }

  /** `typing`: a keystroke, merged into the change it continues (same item and fields, a few seconds apart). */
  record(campaignId: string, itemId: string, patch: AnswerPatch, saved: SavedAnswer, label: string, typing: boolean) {
    const fields = Object.keys(patch) as (keyof AnswerPatch)[];
    if (fields.includes('value') && saved.before?.carriedOver) fields.push('carriedOver');
    const last = this.last;
    const now = Date.now();
    const sameEdit =
      typing &&
      last?.typing &&
      last.campaignId === campaignId &&
      last.itemId === itemId &&
      now - last.at < COALESCE_MS &&
      fields.every((f) => last.fields.includes(f));
    if (sameEdit) {
      last.at = now;
      return;
    }
    this.changes.push({ campaignId, itemId, fields, before: restorePatch(saved.before, fields), label, at: now, typing });
    if (this.changes.length > LIMIT) this.changes.shift();
  }

  /** Undoes the newest change of this campaign; the change stays on the stack if the save is refused. */
  async undo(campaignId: string): Promise<Checked<SavedAnswer> | undefined> {
    const index = this.changes.findLastIndex((c) => c.campaignId === campaignId);
    const change = this.changes[index];
    if (!change) return undefined;
    const result = await saveAnswer(change.campaignId, change.itemId, change.before);
    if (result.ok) this.changes.splice(index, 1);
    return result;
  }

  lastOf(campaignId: string): Change | undefined {
    return this.changes.findLast((c) => c.campaignId === campaignId);
  }
}

export const undoStack = new UndoStack();
