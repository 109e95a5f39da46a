// The school's campaigns as a whole: the list, and the writes that create or remove a campaign
// (the writes inside one campaign are its session's verbs).
import { deleteCampaign, restoreCampaign } from '../storage/campaigns';
import type { Checked } from '../domain/result';
import { toasts } from './toast.svelte';

// Renaming from the home page's list goes straight to storage (which holds every rule, the
// closed campaign's included): opening the campaign's session there would load the three
// documents and the scoring with the first page.
export { watchCampaigns, createCampaign, startFromPrevious, duplicateCampaign, renameCampaign } from '../storage/campaigns';

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
