// Each member's position on an item before the group agrees: one record per campaign and item,
// written whole (the round's form sends every position at once).
import {
  applyPositionChange,
  checkPositions,
  PositionsRecordSchema,
  takesPositions,
  withMemberPosition,
  type Position,
  type PositionChange,
} from '../domain/positions';
import { RECORD_SCHEMA_VERSION } from '../domain/schema-version';
import { accepted, checkWith, refused, type Checked } from '../domain/result';
import { documentOfItem } from '../referentiels/catalog';
import { findItem } from '../referentiels';
import type { AnswerValue } from '../domain/answers';
import { commitDecided } from './connection';
import { campaignRefusal, openCampaign } from './campaign-lock';
import { fr } from '../text/fr';

const NOT_IN_CAMPAIGN = 'Cette question n’appartient à aucun document de la campagne.';

/**
 * One change to the positions on an item, applied to what is stored in the same transaction: two
 * changes typed in a burst (a member's level, Tab, the next one's) never overwrite each other.
 * None left deletes the record. Returns the positions now stored.
 */
export function changePositions(campaignId: string, itemId: string, change: PositionChange): Promise<Checked<Position[]>> {
  return writePositions(campaignId, itemId, (before) => applyPositionChange(before, change));
}

/** The positions on one item replaced whole (a file's, a test's set-up). */
export function savePositions(campaignId: string, itemId: string, positions: readonly Position[]): Promise<Checked<Position[]>> {
  return writePositions(campaignId, itemId, () => [...positions]);
}

async function writePositions(campaignId: string, itemId: string, next: (before: Position[]) => Position[]): Promise<Checked<Position[]>> {
  const place = findItem(itemId);
  if (!place) return refused('Question inconnue.');
  return commitDecided<Position[]>(['campaigns', 'positions'], async (db) => {
    const [campaignRow, storedRow] = await Promise.all([db.campaigns.get(campaignId), db.positions.get([campaignId, itemId])]);
    const locked = campaignRefusal(campaignRow);
    if (locked) return locked;
    if (!campaignRow!.documents.includes(documentOfItem(itemId)!)) return refused(NOT_IN_CAMPAIGN);
    const before = storedRow ? (PositionsRecordSchema.safeParse(storedRow).data?.positions ?? null) : [];
    if (before === null) return refused(fr.storage.unreadable);
    const checked = checkPositions(place.item, next(before));
    if (!checked.ok) return checked;
    const record = checkWith(
      PositionsRecordSchema,
      { campaignId, itemId, positions: checked.value, updatedAt: Date.now(), schemaVersion: RECORD_SCHEMA_VERSION },
      'Avis non valides.',
    );
    if (!record.ok) return record;
    if (record.value.positions.length === 0) await db.positions.delete([campaignId, itemId]);
    else await db.positions.put(record.value);
    return accepted(record.value.positions);
  });
}

/**
 * A member's contribution taken as their own positions, not as the group's answers: each value on
 * an item that takes positions becomes (or replaces) that member's position. The stored answers do
 * not change. Returns how many positions were written, and how many values were left aside.
 */
export async function contributeAsPositions(
  campaignId: string,
  member: string,
  answers: ReadonlyArray<{ itemId: string; value: AnswerValue | null }>,
): Promise<Checked<{ written: number; leftAside: number }>> {
  const taken = answers.flatMap(({ itemId, value }) => {
    const item = findItem(itemId)?.item;
    return item && value !== null && takesPositions(item) ? [{ item, value }] : [];
  });
  const leftAside = answers.filter((a) => a.value !== null).length - taken.length;
  return commitDecided<{ written: number; leftAside: number }>(['campaigns', 'positions'], async (db) => {
    const campaign = await openCampaign(db, campaignId);
    if (!campaign.ok) return campaign;
    const stored = await db.positions.where('campaignId').equals(campaignId).toArray();
    const now = Date.now();
    const records = [];
    for (const { item, value } of taken) {
      if (!campaign.value.documents.includes(documentOfItem(item.id)!)) continue;
      const before = stored.find((r) => r.itemId === item.id)?.positions ?? [];
      const checked = checkPositions(item, withMemberPosition(before, member, value));
      if (!checked.ok) return refused(`${item.id} : ${checked.message}`);
      records.push({ campaignId, itemId: item.id, positions: checked.value, updatedAt: now, schemaVersion: RECORD_SCHEMA_VERSION });
    }
    const valid = records.map((r) => checkWith(PositionsRecordSchema, r, 'Avis non valides.'));
    const bad = valid.find((v) => !v.ok);
    if (bad && !bad.ok) return bad;
    await db.positions.bulkPut(valid.flatMap((v) => (v.ok ? [v.value] : [])));
    return accepted({ written: taken.length, leftAside });
  });
}
