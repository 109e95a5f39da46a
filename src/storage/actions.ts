// The action plan of a campaign: add, change, delete; live list.
import { ActionRecordSchema, checkActionInput, type ActionInput, type ActionRecord } from '../domain/actions';
import { RECORD_SCHEMA_VERSION } from '../domain/schema-version';
import { accepted, refused, type Checked } from '../domain/result';
import { fr } from '../text/fr';
import { commit, database } from './connection';
import { parseAll, watch } from './watch';

export async function listActions(campaignId: string): Promise<ActionRecord[]> {
  const rows = await database().actions.where('campaignId').equals(campaignId).toArray();
  return parseAll(ActionRecordSchema, rows).sort((a, b) => a.createdAt - b.createdAt);
}

export const watchActions = (campaignId: string) => watch(() => listActions(campaignId));

export async function addAction(campaignId: string, input: ActionInput): Promise<Checked<ActionRecord>> {
  const checked = checkActionInput(input);
  if (!checked.ok) return checked;
  const now = Date.now();
  const record: ActionRecord = {
    ...checked.value,
    id: crypto.randomUUID(),
    campaignId,
    createdAt: now,
    updatedAt: now,
    schemaVersion: RECORD_SCHEMA_VERSION,
  };
  let missing = false;
  const done = await commit(['campaigns', 'actions'], async (db) => {
    if (!(await db.campaigns.get(campaignId))) return void (missing = true);
    await db.actions.add(record);
  });
  if (done.ok && missing) return refused(fr.storage.notFound);
  return done.ok ? accepted(record) : done;
}

/** Changes the fields given (the status, typically), in one transaction. */
export async function updateAction(id: string, changes: Partial<ActionInput>): Promise<Checked<true>> {
  let outcome: Checked<true> = accepted(true);
  const done = await commit(['actions'], async (db) => {
    const row = await db.actions.get(id);
    const stored = row && ActionRecordSchema.safeParse(row).data;
    if (!stored) return void (outcome = refused('Cette action n’existe plus.'));
    const { id: _id, campaignId: _c, createdAt: _a, updatedAt: _u, schemaVersion: _s, ...input } = stored;
    const checked = checkActionInput({ ...input, ...changes });
    if (!checked.ok) return void (outcome = checked);
    await db.actions.put({ ...stored, ...checked.value, updatedAt: Date.now() });
  });
  return done.ok ? outcome : done;
}

export async function deleteAction(id: string): Promise<Checked<true>> {
  return commit(['actions'], (db) => db.actions.delete(id));
}
