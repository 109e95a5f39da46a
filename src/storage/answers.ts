// Answers: one record per campaign and item. Each save reads, checks and writes in one
// transaction and changes only the fields it names, so two tabs editing different fields (or
// different counts of the same item) never overwrite each other.
import {
  AnswerRecordSchema,
  checkAnswerValue,
  emptyAnswer,
  figureConflict,
  referenceFiguresFrom,
  type AnswerRecord,
  type AnswerValue,
} from '../domain/answers';
import { CampaignRecordSchema } from '../domain/campaigns';
import { RECORD_SCHEMA_VERSION } from '../domain/schema-version';
import { accepted, checkWith, refused, type Checked } from '../domain/result';
import { findItem, referenceFigureItems } from '../referentiels';
import { fr } from '../text/fr';
import { commit, database } from './connection';
import { parseAll, watch } from './watch';

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

export async function listAnswers(campaignId: string): Promise<AnswerRecord[]> {
  return parseAll(AnswerRecordSchema, await database().answers.where('campaignId').equals(campaignId).toArray());
}

/** The answers of several campaigns, live, in the order of the ids given. */
export const watchAnswersOf = (campaignIds: readonly string[]) =>
  watch(() => Promise.all(campaignIds.map((id) => listAnswers(id))));

export async function saveAnswer(campaignId: string, itemId: string, patch: AnswerPatch): Promise<Checked<SavedAnswer>> {
  const started = performance.now();
  const place = findItem(itemId);
  if (!place) return refused('Question inconnue.');
  let outcome: Checked<SavedAnswer> = refused(fr.storage.failed);
  const { value: change, ...fields } = patch;
  const figureKeys = referenceFigureItems.map((i) => [campaignId, i.id] as [string, string]);
  const done = await commit(['campaigns', 'answers'], async (db) => {
    // The reads go out together: each round trip to the database counts on a slow laptop.
    const [campaignRow, storedRow, figureRows] = await Promise.all([
      db.campaigns.get(campaignId),
      db.answers.get([campaignId, itemId]),
      change === undefined ? Promise.resolve([]) : db.answers.bulkGet(figureKeys),
    ]);
    const campaign = campaignRow && CampaignRecordSchema.safeParse(campaignRow).data;
    if (!campaign) return void (outcome = refused(fr.storage.notFound));
    if (campaign.status === 'closed') return void (outcome = refused(fr.storage.closed));
    if (!campaign.documents.includes(place.document.id)) {
      return void (outcome = refused('Ce référentiel ne fait pas partie de la campagne.'));
    }
    const stored = storedRow === undefined ? undefined : AnswerRecordSchema.safeParse(storedRow).data;
    if (storedRow !== undefined && !stored) return void (outcome = refused(fr.storage.unreadable));
    const base = stored ?? emptyAnswer(campaignId, itemId);

    const next: AnswerRecord = { ...base, ...fields, updatedAt: Date.now(), schemaVersion: RECORD_SCHEMA_VERSION };
    if (change !== undefined) {
      const value = typeof change === 'function' ? change(base.value) : change;
      if (value !== null) {
        // A value is checked against the reference figures; all answers are read only when a figure changes.
        const figureAnswers = parseAll(AnswerRecordSchema, figureRows.filter((r) => r !== undefined));
        const checked = checkAnswerValue(place.item, value, referenceFiguresFrom(figureAnswers, referenceFigureItems));
        if (!checked.ok) return void (outcome = checked);
        if (place.item.kind === 'reference-figure' && value.kind === 'number') {
          const answers = parseAll(AnswerRecordSchema, await db.answers.where('campaignId').equals(campaignId).toArray());
          const conflict = figureConflict(place.item.figure, value.value, answers, (id) => findItem(id)?.item);
          if (conflict) return void (outcome = refused(conflict));
        }
      }
      next.value = value;
      if (patch.carriedOver === undefined) next.carriedOver = false;
    }
    const checked = checkWith(AnswerRecordSchema, next, 'Réponse non valide.');
    if (!checked.ok) return void (outcome = checked);
    await db.answers.put(checked.value);
    outcome = accepted({ before: stored, after: checked.value });
  });
  // For `npm run bench`: from the change to its committed transaction.
  performance.measure('diagnum:save-answer', { start: started });
  return done.ok ? outcome : done;
}

/**
 * "Je confirme": carried-over answers become this campaign's own. The campaign is read in the
 * same transaction, so a closing in another tab cannot slip in between the check and the write.
 * An item with no stored answer is left as it is (nothing to confirm).
 */
export async function confirmCarriedOver(campaignId: string, itemIds: readonly string[]): Promise<Checked<true>> {
  let outcome: Checked<true> = accepted(true);
  const done = await commit(['campaigns', 'answers'], async (db) => {
    const [campaignRow, rows] = await Promise.all([
      db.campaigns.get(campaignId),
      db.answers.bulkGet(itemIds.map((itemId) => [campaignId, itemId] as [string, string])),
    ]);
    if (campaignRow === undefined) return void (outcome = refused(fr.storage.notFound));
    const campaign = CampaignRecordSchema.safeParse(campaignRow).data;
    if (!campaign) return void (outcome = refused(fr.storage.unreadable));
    if (campaign.status === 'closed') return void (outcome = refused(fr.storage.closed));
    const now = Date.now();
    const confirmed: AnswerRecord[] = [];
    for (const row of rows) {
      if (row === undefined) continue;
      const stored = AnswerRecordSchema.safeParse(row).data;
      if (!stored) return void (outcome = refused(fr.storage.unreadable));
      const checked = checkWith(AnswerRecordSchema, { ...stored, carriedOver: false, updatedAt: now }, 'Réponse non valide.');
      if (!checked.ok) return void (outcome = checked);
      confirmed.push(checked.value);
    }
    await db.answers.bulkPut(confirmed);
  });
  return done.ok ? outcome : done;
}
