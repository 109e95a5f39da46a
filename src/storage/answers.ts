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
import { findItem, itemsOf, referenceFigureItems, referentiels } from '../referentiels';
import type { Item } from '../referentiels/kinds';
import { fr } from '../text/fr';
import { commit, database } from './connection';
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

export async function saveAnswer(campaignId: string, itemId: string, patch: AnswerPatch): Promise<Checked<SavedAnswer>> {
  const started = performance.now();
  const place = findItem(itemId);
  if (!place) return refused('Question inconnue.');
  let outcome: Checked<SavedAnswer> = refused(fr.storage.failed);
  const { value: change, ...fields } = patch;
  // Only the answers its checks read, in the same round trip as the campaign and the stored answer.
  const relatedKeys = change === undefined ? [] : relatedItems(place.item).map((id) => [campaignId, id] as [string, string]);
  const done = await commit(['campaigns', 'answers'], async (db) => {
    // The reads go out together: each round trip to the database counts on a slow laptop.
    const [campaignRow, storedRow, relatedRows] = await Promise.all([
      db.campaigns.get(campaignId),
      db.answers.get([campaignId, itemId]),
      relatedKeys.length === 0 ? Promise.resolve([]) : db.answers.bulkGet(relatedKeys),
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
        // A count is checked against its figure; a figure against the counts already given.
        const relatedAnswers = parseAll(AnswerRecordSchema, relatedRows.filter((r) => r !== undefined));
        const checked = checkAnswerValue(place.item, value, referenceFiguresFrom(relatedAnswers, referenceFigureItems));
        if (!checked.ok) return void (outcome = checked);
        if (place.item.kind === 'reference-figure' && value.kind === 'number') {
          const conflict = figureConflict(place.item.figure, value.value, relatedAnswers, (id) => findItem(id)?.item);
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
