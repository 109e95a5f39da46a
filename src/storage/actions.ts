// The action plan of a campaign: add, change, delete; live list. The plan of a closed campaign
// is read-only, checked in the same transaction as the write.
import { ActionRecordSchema, checkActionInput, inPlanOrder, type ActionInput, type ActionRecord } from '../domain/actions';
import { RECORD_SCHEMA_VERSION } from '../domain/schema-version';
import { accepted, checkWith, refused, type Checked } from '../domain/result';
import { fr } from '../text/fr';
import { commitDecided, database } from './connection';
import type { DiagnumDB } from './db';
import { campaignLocked } from './campaign-lock';
import { parseAll, watch } from './watch';

const ACTION_GONE = 'Cette action n’existe plus.';

export async function listActions(campaignId: string): Promise<ActionRecord[]> {
  const rows = await database().actions.where('campaignId').equals(campaignId).toArray();
  return inPlanOrder(parseAll(ActionRecordSchema, rows));
}

export const watchActions = (campaignId: string) => watch(() => listActions(campaignId));

/** The stored action, or why there is none to change. Inside a transaction. */
async function storedAction(db: DiagnumDB, id: string): Promise<Checked<ActionRecord>> {
  const row = await db.actions.get(id);
  if (row === undefined) return refused(ACTION_GONE);
  const stored = ActionRecordSchema.safeParse(row).data;
  return stored ? accepted(stored) : refused(fr.storage.unreadable);
}

export async function addAction(campaignId: string, input: ActionInput): Promise<Checked<ActionRecord>> {
  const checked = checkActionInput(input);
  if (!checked.ok) return checked;
  const now = Date.now();
  const id = crypto.randomUUID();
  const record = checkWith(
    ActionRecordSchema,
    { ...checked.value, id, campaignId, lineage: id, history: [], createdAt: now, updatedAt: now, schemaVersion: RECORD_SCHEMA_VERSION },
    'Action non valide.',
  );
  if (!record.ok) return record;
  return commitDecided<ActionRecord>(['campaigns', 'actions'], async (db) => {
    const locked = await campaignLocked(db, campaignId);
    if (locked) return locked;
    await db.actions.add(record.value);
    return record;
  });
}

/** Changes the fields given (the status, typically), in one transaction. */
export async function updateAction(id: string, changes: Partial<ActionInput>): Promise<Checked<true>> {
  return commitDecided<true>(['campaigns', 'actions'], async (db) => {
    const stored = await storedAction(db, id);
    if (!stored.ok) return stored;
    const locked = await campaignLocked(db, stored.value.campaignId);
    if (locked) return locked;
    const { id: _id, campaignId: _c, lineage: _l, history: _h, createdAt: _a, updatedAt: _u, schemaVersion: _s, ...input } = stored.value;
    const checked = checkActionInput({ ...input, ...changes });
    if (!checked.ok) return checked;
    const record = checkWith(ActionRecordSchema, { ...stored.value, ...checked.value, updatedAt: Date.now() }, 'Action non valide.');
    if (!record.ok) return record;
    await db.actions.put(record.value);
    return accepted(true);
  });
}

export async function deleteAction(id: string): Promise<Checked<true>> {
  return commitDecided<true>(['campaigns', 'actions'], async (db) => {
    const stored = await storedAction(db, id);
    if (!stored.ok) return stored;
    const locked = await campaignLocked(db, stored.value.campaignId);
    if (locked) return locked;
    await db.actions.delete(id);
    return accepted(true);
  });
}
