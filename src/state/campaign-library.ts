// The school's campaigns as a whole: the list, and the writes that create or remove a campaign
// (the writes inside one campaign are its session's verbs).
import * as campaigns from '../storage/campaigns';
import { deleteCampaign, restoreCampaign, type CampaignBundle, type ProposeTargets } from '../storage/campaigns';
import type { CampaignInput, CampaignRecord } from '../domain/campaigns';
import type { Checked } from '../domain/result';
import { toasts } from './toast.svelte';

// Renaming from the home page's list goes straight to storage (which holds every rule, the
// closed campaign's included): opening the campaign's session there would load the three
// documents and the scoring with the first page.
export { watchCampaigns, duplicateCampaign, renameCampaign } from '../storage/campaigns';

/** The next level up from the previous campaign; scoring is loaded only when a campaign is created. */
async function proposer(): Promise<ProposeTargets> {
  const { proposeTargetsAfter } = await import('../domain/scoring/target-proposals');
  return (previous: CampaignBundle, documents) => proposeTargetsAfter(previous.answers, documents);
}

/** A fresh campaign: it takes over the open actions of the one before and proposes its targets. */
export async function createCampaign(input: CampaignInput): Promise<Checked<CampaignRecord>> {
  return campaigns.createCampaign(input, await proposer());
}

/** The yearly re-assessment from a previous campaign: its answers to confirm, its open actions, proposed targets. */
export async function startFromPrevious(previousId: string, input: CampaignInput): Promise<Checked<CampaignRecord>> {
  return campaigns.startFromPrevious(previousId, input, await proposer());
}

/** Deleting a campaign: done at once, with "Annuler la suppression" offered for a few seconds. */
export async function deleteWithUndo(campaignId: string): Promise<Checked<true>> {
  const result = await deleteCampaign(campaignId);
  if (!result.ok) return result;
  const bundle = result.value;
  const name = bundle.campaign.name;
  toasts.show({
    message: `Campagne « ${name} » supprimée.`,
    action: {
      label: 'Annuler la suppression',
      run: async () => {
        const restored = await restoreCampaign(bundle);
        toasts.show({ message: restored.ok ? `Campagne « ${name} » rétablie.` : restored.message });
      },
    },
  });
  return { ok: true, value: true };
}
