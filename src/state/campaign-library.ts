// The school's campaigns as a whole: the list, and the writes that create or remove a campaign
// (the writes inside one campaign are its session's verbs). The list is read at once; the writes'
// module (with the schemas of every record of a campaign) is loaded when one is first asked for,
// so that the home page's first display does not build them.
import type { CampaignBundle, ProposeTargets } from '../storage/campaigns';
import type { CampaignInput, CampaignRecord } from '../domain/campaigns';
import { accepted, refused, type Checked } from '../domain/result';
import { fr } from '../text/fr';
import { toasts } from './toast.svelte';

export { watchCampaigns } from '../storage/campaign-list';

type Writes = typeof import('../storage/campaigns');
/**
 * Runs `write` with the writes' module. When its chunk cannot be loaded (a newer version was
 * published: pwa/missing-chunks reloads or asks to), nothing is written and the user is told so.
 */
async function withWrites<T>(write: (campaigns: Writes) => Promise<Checked<T>>): Promise<Checked<T>> {
  const campaigns = (await import('../storage/campaigns')) as Writes | undefined;
  return campaigns ? write(campaigns) : refused(fr.storage.reloadNeeded);
}

/** The next level up from the previous campaign; scoring is loaded only when a campaign is created. */
async function proposer(): Promise<ProposeTargets> {
  const { proposeTargetsAfter } = await import('../domain/scoring/target-proposals');
  return (previous: CampaignBundle, documents) => proposeTargetsAfter(previous.answers, documents);
}

/** A fresh campaign: it takes over the open actions of the one before and proposes its targets. */
export async function createCampaign(input: CampaignInput): Promise<Checked<CampaignRecord>> {
  const propose = await proposer();
  return withWrites((campaigns) => campaigns.createCampaign(input, propose));
}

/** The yearly re-assessment from a previous campaign: its answers to confirm, its open actions, proposed targets. */
export async function startFromPrevious(previousId: string, input: CampaignInput): Promise<Checked<CampaignRecord>> {
  const propose = await proposer();
  return withWrites((campaigns) => campaigns.startFromPrevious(previousId, input, propose));
}

// Renaming from the home page's list goes straight to storage (which holds every rule, the
// closed campaign's included): opening the campaign's session there would load the three
// documents and the scoring with the first page.
export async function renameCampaign(id: string, name: string): Promise<Checked<true>> {
  return withWrites((campaigns) => campaigns.renameCampaign(id, name));
}

export async function duplicateCampaign(id: string, name: string): Promise<Checked<CampaignRecord>> {
  return withWrites((campaigns) => campaigns.duplicateCampaign(id, name));
}

/** Deleting a campaign: done at once, with "Annuler la suppression" offered for a few seconds. */
export async function deleteWithUndo(campaignId: string): Promise<Checked<true>> {
  return withWrites(async ({ deleteCampaign, restoreCampaign }) => {
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
    return accepted(true);
  });
}
