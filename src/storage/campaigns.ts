// Campaigns: create, rename, delete (with everything that belongs to them), list.
import {
  CampaignRecordSchema,
  checkCampaignInput,
  checkCampaignName,
  sortCampaigns,
  type CampaignInput,
  type CampaignRecord,
} from '../domain/campaigns';
import { RECORD_SCHEMA_VERSION } from '../domain/schema-version';
import { accepted, refused, type Checked } from '../domain/result';
import { fr } from '../text/fr';
import { commit, database } from './connection';
import { parseAll, watch } from './watch';

export async function listCampaigns(): Promise<CampaignRecord[]> {
  return sortCampaigns(parseAll(CampaignRecordSchema, await database().campaigns.toArray()));
}

export const watchCampaigns = () => watch(listCampaigns);

export async function readCampaign(id: string): Promise<CampaignRecord | undefined> {
  const row = await database().campaigns.get(id);
  return row ? parseAll(CampaignRecordSchema, [row])[0] : undefined;
}

export async function createCampaign(input: CampaignInput): Promise<Checked<CampaignRecord>> {
  const checked = checkCampaignInput(input);
  if (!checked.ok) return checked;
  const now = Date.now();
  const record: CampaignRecord = {
    ...checked.value,
    id: crypto.randomUUID(),
    status: 'open',
    createdAt: now,
    updatedAt: now,
    schemaVersion: RECORD_SCHEMA_VERSION,
  };
  const done = await commit(['campaigns'], (db) => db.campaigns.add(record));
  return done.ok ? accepted(record) : done;
}

export async function renameCampaign(id: string, name: string): Promise<Checked<true>> {
  const checked = checkCampaignName(name);
  if (!checked.ok) return checked;
  let found = true;
  const done = await commit(['campaigns'], async (db) => {
    found = (await db.campaigns.update(id, { name: checked.value, updatedAt: Date.now() })) === 1;
  });
  if (done.ok && !found) return refused(fr.storage.notFound);
  return done;
}

/** Deletes a campaign with its answers and notes, in one transaction. */
export async function deleteCampaign(id: string): Promise<Checked<true>> {
  return commit(['campaigns', 'answers', 'sectionNotes'], async (db) => {
    await db.answers.where('campaignId').equals(id).delete();
    await db.sectionNotes.where('campaignId').equals(id).delete();
    await db.campaigns.delete(id);
  });
}
