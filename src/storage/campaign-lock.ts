// Whether a campaign takes writes now, checked inside the write's transaction: gone (deleted in
// another tab), unreadable, or closed (validated by the group: read-only).
import { CampaignRecordSchema, type CampaignRecord } from '../domain/campaigns';
import { accepted } from '../domain/result';
import { refused, type Checked } from '../domain/result';
import { fr } from '../text/fr';
import type { DiagnumDB } from './db';

/** A stored campaign row, provided it takes writes now. */
function takesWrites(row: unknown): Checked<CampaignRecord> {
  if (row === undefined) return refused(fr.storage.notFound);
  const campaign = CampaignRecordSchema.safeParse(row).data;
  if (!campaign) return refused(fr.storage.unreadable);
  return campaign.status === 'closed' ? refused(fr.storage.closed) : accepted(campaign);
}

// Each reads the campaign itself: a read awaited two async calls deep lets the transaction commit
// before the write that follows (PrematureCommitError).

/** The campaign, provided it takes writes now. Inside a transaction that includes `campaigns`. */
export async function openCampaign(db: DiagnumDB, campaignId: string): Promise<Checked<CampaignRecord>> {
  return takesWrites(await db.campaigns.get(campaignId));
}

/** Why a campaign row read in a write's transaction may not change now, or null. */
export function campaignRefusal(row: unknown): Checked<never> | null {
  const open = takesWrites(row);
  return open.ok ? null : open;
}

/** Why this campaign may not change now, or null. Inside a transaction that includes `campaigns`. */
export async function campaignLocked(db: DiagnumDB, campaignId: string): Promise<Checked<never> | null> {
  const open = takesWrites(await db.campaigns.get(campaignId));
  return open.ok ? null : open;
}
