// The kiosk mode: the staff room's laptop shows the anonymous questionnaire and nothing else, one
// respondent after another, until the RUPN's code is typed. Kept in localStorage so that a reload
// (F5, a crash) stays in the kiosk. A lock against casual access, not a security boundary.
import * as z from 'zod/mini';
import { CampaignIdSchema } from '../domain/campaigns';
import { SurveyAudienceSchema, type SurveyAudience } from '../domain/survey/audience';

const KEY = 'diagnum.kiosk';
const KioskSchema = z.strictObject({ campaignId: CampaignIdSchema, audience: SurveyAudienceSchema });
export type Kiosk = z.infer<typeof KioskSchema>;

function stored(): Kiosk | null {
  try {
    return KioskSchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? 'null')).data ?? null;
  } catch {
    return null; // refused or garbled: no kiosk rather than a crash
  }
}

class KioskState {
  #kiosk = $state.raw<Kiosk | null>(typeof localStorage === 'undefined' ? null : stored());

  get current(): Kiosk | null {
    return this.#kiosk;
  }

  enter(campaignId: string, audience: SurveyAudience): void {
    this.#kiosk = { campaignId, audience };
    try {
      localStorage.setItem(KEY, JSON.stringify(this.#kiosk));
    } catch {
      // Without localStorage the kiosk holds until the tab is reloaded.
    }
  }

  leave(): void {
    this.#kiosk = null;
    try {
      localStorage.removeItem(KEY);
    } catch {
      // nothing kept to remove
    }
  }
}

export const kiosk = new KioskState();
