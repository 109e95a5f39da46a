// The school's campaigns as a whole: the list, and the writes that create or remove a campaign
// (the writes inside one campaign are its session's verbs).
import { deleteCampaign, restoreCampaign } from '../storage/campaigns';
import type { Checked } from '../domain/result';
import { toasts } from './toast.svelte';

export { watchCampaigns, createCampaign, startFromPrevious, duplicateCampaign } from '../storage/campaigns';
export { watchAnswersOf } from '../storage/answers';

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
