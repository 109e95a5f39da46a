// The list of campaigns, read alone: what the home page needs at once. The writes, and the
// records that belong to a campaign (answers, actions, evidence...), are in campaigns.ts, which
// the first page loads only when one is created, renamed or removed.
import { CampaignRecordSchema, sortCampaigns, type CampaignRecord } from '../domain/campaigns';
import { database } from './connection';
import { parseAll, watchShared } from './watch';

export async function listCampaigns(): Promise<CampaignRecord[]> {
  return sortCampaigns(parseAll(CampaignRecordSchema, await database().campaigns.toArray()));
}

/** One live query for every screen and form that lists the campaigns. */
export const watchCampaigns = () => watchShared('campaigns', listCampaigns);

/** Whether the database holds anything a person typed (the school or a campaign). */
export async function holdsData(): Promise<boolean> {
  const db = database();
  return (await db.school.count()) + (await db.campaigns.count()) > 0;
}

export async function readCampaign(id: string): Promise<CampaignRecord | undefined> {
  const row = await database().campaigns.get(id);
  return row ? parseAll(CampaignRecordSchema, [row])[0] : undefined;
}
