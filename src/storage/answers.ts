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
} from '../domain/answers';
import { CampaignRecordSchema } from '../domain/campaigns';
import { RECORD_SCHEMA_VERSION } from '../domain/schema-version';
import { accepted, checkWith, refused, type Checked } from '../domain/result';
import { findItem, itemsOf, referenceFigureItems, referentiels, type ItemPlace } from '../referentiels';
import type { Item } from '../referentiels/kinds';
import { fr } from '../text/fr';
import { dequal } from 'dequal/lite';
import { commitDecided, database, RollBack } from './connection';
import type { DiagnumDB } from './db';
import { parseAll } from './watch';
import type { AnswerPatch, SavedAnswer } from '../domain/answer-patch';

export async function listAnswers(campaignId: string): Promise<AnswerRecord[]> {
  return parseAll(AnswerRecordSchema, await database().answers.where('campaignId').equals(campaignId).toArray());
}

/**
 * The items whose answers a new value of this item is checked against: the reference figure a
 * count is part of, or, for a figure, the counts that must not exceed it (DGESCO 3.6 is read
 * against 3.1). Computed once per item.
 */
const relatedCache = new Map<string, string[]>();
function relatedItems(item: Item): string[] {
  let found = relatedCache.get(item.id);
  if (!found) {
    if (item.kind === 'reference-figure') {
      found = referentiels
        .flatMap(itemsOf)
        .filter((i) => (i.kind === 'usage-counts' || (i.kind === 'count' && i.bounded)) && i.of === item.figure)
        .map((i) => i.id);
    } else {
      const of = item.kind === 'usage-counts' || (item.kind === 'count' && item.bounded) ? item.of : undefined;
      found = of ? referenceFigureItems.filter((f) => f.figure === of).map((f) => f.id) : [];
    }
    relatedCache.set(item.id, found);
  }
  return found;
}

/** What a save reads in its transaction: the campaign, the stored answer, and the answers its checks read. */
interface SaveReads {
  campaignRow: unknown;
  storedRow: unknown;
  relatedRows: readonly unknown[];
}

/**
 * The record `patch` makes of the stored one (undefined: none yet), its new value checked against
 * the figures read with it (`relatedRows`; null: not read, left to the checks of the transaction).
 */
function applyPatch(
  place: ItemPlace,
  campaignId: string,
  itemId: string,
  patch: AnswerPatch,
  now: number,
  stored: AnswerRecord | undefined,
  relatedRows: readonly unknown[] | null,
): Checked<AnswerRecord> {
  const { value: change, ...fields } = patch;
  const base = stored ?? emptyAnswer(campaignId, itemId);
  const next: AnswerRecord = { ...base, ...fields, updatedAt: now, schemaVersion: RECORD_SCHEMA_VERSION };
  if (change !== undefined) {
    const value = typeof change === 'function' ? change(base.value) : change;
    if (value !== null && relatedRows !== null) {
      // A count is checked against its figure; a figure against the counts already given.
      const relatedAnswers = parseAll(AnswerRecordSchema, relatedRows.filter((r) => r !== undefined));
      const checked = checkAnswerValue(place.item, value, referenceFiguresFrom(relatedAnswers, referenceFigureItems));
      if (!checked.ok) return checked;
      if (place.item.kind === 'reference-figure' && value.kind === 'number') {
        const conflict = figureConflict(place.item.figure, value.value, relatedAnswers, (id) => findItem(id)?.item);
        if (conflict) return refused(conflict);
      }
    }
    next.value = value;
    if (patch.carriedOver === undefined) next.carriedOver = false;
  }
  return checkWith(AnswerRecordSchema, next, 'Réponse non valide.');
}

/** What saving `patch` would store, judged on what its transaction read: the campaign open and covering the item, the stored answer readable, the value checked. */
function judge(place: ItemPlace, campaignId: string, itemId: string, patch: AnswerPatch, now: number, reads: SaveReads): Checked<SavedAnswer> {
  const campaign = reads.campaignRow === undefined ? undefined : CampaignRecordSchema.safeParse(reads.campaignRow).data;
  if (!campaign) return refused(fr.storage.notFound);
  if (campaign.status === 'closed') return refused(fr.storage.closed);
  if (!campaign.documents.includes(place.document.id)) return refused('Ce référentiel ne fait pas partie de la campagne.');
  const stored = reads.storedRow === undefined ? undefined : AnswerRecordSchema.safeParse(reads.storedRow).data;
  if (reads.storedRow !== undefined && !stored) return refused(fr.storage.unreadable);
  const next = applyPatch(place, campaignId, itemId, patch, now, stored, reads.relatedRows);
  return next.ok ? accepted({ before: stored, after: next.value }) : next;
}

/**
 * Saves one field (or several) of one answer. Checked and written in one transaction, which also
 * reads the campaign, so a closing in another tab cannot slip in between the check and the write.
 *
 * `believed` is what the caller last saw stored for this answer (null: nothing). With it, the
 * record is written in the same round trip as the reads, which then check it: it stands only if
 * it is exactly what judging the stored answer gives; otherwise the transaction is rolled back and
 * the save starts again, reading first. On a slow laptop the frame that paints the typed figure
 * falls between the reads and their answer; the write no longer waits behind it.
 */
export async function saveAnswer(
  campaignId: string,
  itemId: string,
  patch: AnswerPatch,
  believed?: AnswerRecord | null,
): Promise<Checked<SavedAnswer>> {
  const started = performance.now();
  const place = findItem(itemId);
  if (!place) return refused('Question inconnue.');
  // Only the answers its checks read, in the same round trip as the campaign and the stored answer.
  const relatedKeys = patch.value === undefined ? [] : relatedItems(place.item).map((id) => [campaignId, id] as [string, string]);
  const read = (db: DiagnumDB) =>
    Promise.all([
      db.campaigns.get(campaignId),
      db.answers.get([campaignId, itemId]),
      relatedKeys.length === 0 ? Promise.resolve([]) : db.answers.bulkGet(relatedKeys),
    ]).then(([campaignRow, storedRow, relatedRows]) => ({ campaignRow, storedRow, relatedRows }));

  const now = Date.now();
  const guess = believed === undefined ? undefined : applyPatch(place, campaignId, itemId, patch, now, believed ?? undefined, null);
  const guessed = guess?.ok
    ? await commitDecided(['campaigns', 'answers'], async (db) => {
        const [reads] = await Promise.all([read(db), db.answers.put(guess.value)]);
        const judged = judge(place, campaignId, itemId, patch, now, reads);
        // Anything else (another tab's change, a closed campaign, a figure refused): rolled back.
        if (!judged.ok || !dequal(judged.value.after, guess.value)) throw new RollBack(fr.storage.failed);
        return judged;
      })
    : undefined;
  // Not written: the save starts again, reading first, and answers as it always has.
  const result = guessed?.ok
    ? guessed
    : await commitDecided(['campaigns', 'answers'], async (db) => {
        // The reads go out together: each round trip to the database counts on a slow laptop.
        const judged = judge(place, campaignId, itemId, patch, Date.now(), await read(db));
        if (judged.ok) await db.answers.put(judged.value.after);
        return judged;
      });
  // For `npm run bench`: from the change to its committed transaction.
  performance.measure('diagnum:save-answer', { start: started });
  return result;
}

/**
 * "Je confirme": carried-over answers become this campaign's own. The campaign is read in the
 * same transaction, so a closing in another tab cannot slip in between the check and the write.
 * An item with no stored answer is left as it is (nothing to confirm).
 */
export async function confirmCarriedOver(campaignId: string, itemIds: readonly string[]): Promise<Checked<true>> {
  return commitDecided(['campaigns', 'answers'], async (db) => {
    const [campaignRow, rows] = await Promise.all([
      db.campaigns.get(campaignId),
      db.answers.bulkGet(itemIds.map((itemId) => [campaignId, itemId] as [string, string])),
    ]);
    if (campaignRow === undefined) return refused(fr.storage.notFound);
    const campaign = CampaignRecordSchema.safeParse(campaignRow).data;
    if (!campaign) return refused(fr.storage.unreadable);
    if (campaign.status === 'closed') return refused(fr.storage.closed);
    const now = Date.now();
    const confirmed: AnswerRecord[] = [];
    for (const row of rows) {
      if (row === undefined) continue;
      const stored = AnswerRecordSchema.safeParse(row).data;
      if (!stored) return refused(fr.storage.unreadable);
      const checked = checkWith(AnswerRecordSchema, { ...stored, carriedOver: false, updatedAt: now }, 'Réponse non valide.');
      if (!checked.ok) return checked;
      confirmed.push(checked.value);
    }
    await db.answers.bulkPut(confirmed);
    return accepted(true);
  });
}
